"""Keys, certificates and trust decisions of a btdesk profile.

The private key lives in the OS keyring, or where none is usable in a passphrase-encrypted
PKCS#8 file; the public part is an X.509 certificate, self-signed until a BT unit issues
one. Signatures are detached CMS (ECDSA P-256, SHA-256) that `openssl cms` accepts.
"""
from .ca import ca_init, ca_issue, ca_list, ca_revocations, ca_revoke, import_revocations, revocations
from .cms import Signer, Verification, verify_detached
from .errors import IdentityError, SignatureError
from .keystore import PassphraseSource, forget_session, usable_keyring
from .names import fingerprint, format_fingerprint, normalize_fingerprint
from .profile import (
    PublicIdentity,
    create_identity,
    has_identity,
    install_cert,
    load_public,
    load_signer,
    make_csr,
)
from .transfer import export_identity, import_identity
from .trust import TrustStore

__all__ = [
    "IdentityError", "PassphraseSource", "PublicIdentity", "SignatureError", "Signer", "TrustStore",
    "Verification", "ca_init", "ca_issue", "ca_list", "ca_revocations", "ca_revoke", "create_identity",
    "export_identity", "fingerprint", "forget_session", "format_fingerprint", "has_identity", "import_identity",
    "import_revocations", "install_cert", "load_public", "load_signer", "make_csr", "normalize_fingerprint",
    "revocations", "usable_keyring", "verify_detached",
]
