"""This profile's own identity: create it, read it, unlock it, enrol it with a BT unit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from btdesk.i18n import _

from . import keystore
from .cms import CLOCK_SKEW, Signer
from .errors import IdentityError
from .files import atomic_write, cert_path, key_path
from .keystore import PassphraseSource
from .names import common_name, fingerprint, fingerprint_of_key, is_self_signed, make_name, role_of
from .signer import PrivateKey
from .trust import is_ca

VALIDITY_DAYS = 3652  # ≈ 10 years: a self-signed identity should outlive a BT programme


@dataclass(frozen=True)
class PublicIdentity:
    name: str
    role: str | None
    fingerprint: str
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    issuer_name: str
    status: str  # "self-signed" | "issued by <CN>"
    not_after: datetime
    serial: int
    is_ca: bool
    key_in_file: bool  # True when the key is in key.p8 rather than the OS keyring

    @property
    def cert_pem(self) -> bytes:
        return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (self.cert, *self.chain))


def now() -> datetime:
    return datetime.now(UTC)


def self_signed_cert(key: PrivateKey, subject: x509.Name, *, ca: bool, days: int = VALIDITY_DAYS) -> x509.Certificate:
    start = now() - CLOCK_SKEW
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    b = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(key_usage(ca=ca), critical=True)
        .add_extension(ski, critical=False)
    )
    return b.sign(key, hashes.SHA256())


def key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
    )


def _read_chain(home: Path) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(cert_path(home).read_bytes())
    except FileNotFoundError:
        raise IdentityError(_("Profilen har ingen identitet ännu; skapa en först.")) from None
    except ValueError:
        raise IdentityError(_("Profilens certifikatfil är skadad.")) from None


def write_chain(home: Path, chain: list[x509.Certificate]) -> None:
    atomic_write(cert_path(home), b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain))


def has_identity(home: Path) -> bool:
    return cert_path(home).exists()


def create_identity(home: Path, name: str, role: str, passphrase: PassphraseSource | None) -> PublicIdentity:
    home = Path(home)
    if has_identity(home):
        raise IdentityError(_("Profilen har redan en identitet; den lämnades orörd."))
    subject = make_name(name, role)
    key = ec.generate_private_key(ec.SECP256R1())
    fp = fingerprint_of_key(key.public_key())
    keystore.store_key(home, fp, key, passphrase)
    try:
        write_chain(home, [self_signed_cert(key, subject, ca=False)])
    except BaseException:
        keystore.delete_key(home, fp)
        raise
    return load_public(home)


def load_public(home: Path) -> PublicIdentity:
    home = Path(home)
    leaf, *chain = _read_chain(home)
    self_signed = is_self_signed(leaf)
    issuer = common_name(leaf.issuer)
    return PublicIdentity(
        name=common_name(leaf.subject), role=role_of(leaf.subject), fingerprint=fingerprint(leaf), cert=leaf,
        chain=tuple(chain), issuer_name=issuer, status="self-signed" if self_signed else f"issued by {issuer}",
        not_after=leaf.not_valid_after_utc, serial=leaf.serial_number, is_ca=is_ca(leaf),
        key_in_file=key_path(home).exists(),
    )


def unlock(home: Path, passphrase: PassphraseSource | None) -> tuple[PublicIdentity, PrivateKey]:
    from .token_profile import uses_token

    if uses_token(home):
        raise IdentityError(_("Nyckeln finns på kortet och lämnar det aldrig, så det här går inte med den."))
    ident = load_public(home)
    return ident, keystore.load_key(Path(home), ident.fingerprint, passphrase)


def load_signer(home: Path, passphrase: PassphraseSource | None = None) -> Signer:
    """The profile's signer: its card when it uses one (asking for the PIN), else its key."""
    from .token_profile import token_signer, uses_token

    if uses_token(home):
        return Signer(token_signer(Path(home), passphrase), identity=load_public(home))
    ident, key = unlock(home, passphrase)
    return Signer(key, ident.cert, list(ident.chain), identity=ident)


def make_csr(home: Path, passphrase: PassphraseSource | None = None) -> bytes:
    ident, key = unlock(home, passphrase)
    csr = x509.CertificateSigningRequestBuilder().subject_name(ident.cert.subject).sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM)


def install_cert(home: Path, pem_bytes: bytes, *, trust_root: bool = False) -> PublicIdentity:
    """Install a certificate the BT unit issued for our key (with its chain).

    `trust_root=True` also adds the chain's root to this profile's trusted roots; it is off
    by default because trusting an authority is a decision the user makes, not a file.
    """
    home = Path(home)
    ours = load_public(home)
    try:
        certs = x509.load_pem_x509_certificates(bytes(pem_bytes))
    except ValueError:
        raise IdentityError(_("Filen innehåller inget PEM-certifikat.")) from None
    leaf = next((c for c in certs if fingerprint(c) == ours.fingerprint), None)
    if leaf is None:
        raise IdentityError(_("Certifikatet gäller en annan nyckel, inte profilens."))
    if leaf.not_valid_after_utc < now():
        raise IdentityError(_("Certifikatet gick ut {not_valid_after_utc:%Y-%m-%d}.").format(
                                not_valid_after_utc=leaf.not_valid_after_utc))
    chain: list[x509.Certificate] = []
    cur = leaf
    while not is_self_signed(cur):  # order the chain leaf → root, checking each link
        parent = next((c for c in certs if c is not cur and c.subject == cur.issuer and is_ca(c)), None)
        if parent is None:
            raise IdentityError(_("Certifikatkedjan är ofullständig: certifikatet för {issuer} saknas.").format(
                                    issuer=common_name(cur.issuer)))
        try:
            cur.verify_directly_issued_by(parent)
        except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
            raise IdentityError(_("Certifikatet är inte på riktigt utfärdat av {subject}.").format(
                                    subject=common_name(parent.subject))) from None
        if parent in chain or len(chain) > 4:
            raise IdentityError(_("Certifikatkedjan går i cirkel och kan inte installeras."))
        chain.append(parent)
        cur = parent
    write_chain(home, [leaf, *chain])
    if trust_root and chain:
        from .trust import TrustStore

        TrustStore(home).add_root(chain[-1].public_bytes(serialization.Encoding.PEM))
    return load_public(home)
