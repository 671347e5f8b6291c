"""Read-only access to the profile's unlocked key and certificate chain for PDF signing.

pyHanko needs the private key itself (it builds the CMS around the PDF's byte ranges), which
`btdesk.identity.Signer` does not expose; this reuses identity's own unlocking so the key
never takes another path (no new file, no export).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509

from btdesk.identity.keystore import PassphraseSource
from btdesk.identity.profile import unlock

if TYPE_CHECKING:
    from btdesk.identity.signer import PrivateKey
    from btdesk.identity.token import TokenSigner


def signing_material(home: Path, passphrase: PassphraseSource | None
                     ) -> tuple[PrivateKey | TokenSigner, x509.Certificate, list[x509.Certificate]]:
    """(private key, leaf certificate, [chain certificates]) as cryptography objects.

    For a profile whose key is on a card the first item is the card's logged-in TokenSigner
    (asking for the PIN now, before any file is written); pdfsign hands it to pyHanko's PKCS#11 signer.
    """
    from btdesk.identity.token_profile import token_signer, uses_token

    if uses_token(Path(home)):
        signer = token_signer(Path(home), passphrase)
        return signer, signer.certificate, list(signer.chain)
    ident, key = unlock(Path(home), passphrase)
    return key, ident.cert, list(ident.chain)
