"""The trust decisions of one profile: home/identity/trust.json.

Three kinds of facts, all made by a person or a trusted authority:
- roots: CA certificates (a BT unit's) whose issued certificates count as "verified";
- confirmed: fingerprints of self-signed people the user checked (e.g. over the phone),
  with who confirmed and when (and `assessor` when confirmed as one whose assessments of
  others count), so a supervisor without a region account can take part;
- revoked: serial numbers per issuer (keyed by the issuer's key fingerprint), with reason.
Serial numbers are decimal strings: they exceed what JSON numbers carry safely elsewhere.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from btdesk.i18n import _

from .errors import IdentityError
from .files import read_json, trust_path, write_json
from .names import common_name, fingerprint, is_self_signed, normalize_fingerprint


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


class TrustStore:
    def __init__(self, home: Path):
        self.home = Path(home)
        self._load()

    # -- reading ---------------------------------------------------------------
    def _load(self) -> None:
        data = read_json(trust_path(self.home), {})
        self._data = {
            "version": 1,
            "roots": data.get("roots", {}),
            "confirmed": data.get("confirmed", {}),
            "revoked": data.get("revoked", {}),
        }
        # Index roots by subject so chain building is one dict look-up per signature.
        self._by_subject: dict[bytes, list[tuple[str, x509.Certificate]]] = {}
        self._root_certs: dict[str, x509.Certificate] = {}
        for fp, entry in self._data["roots"].items():
            cert = x509.load_pem_x509_certificate(entry["pem"].encode("ascii"))
            self._root_certs[fp] = cert
            self._by_subject.setdefault(cert.subject.public_bytes(), []).append((fp, cert))
        self.generation = getattr(self, "generation", 0) + 1  # lets verifiers drop caches

    def _save(self) -> None:
        write_json(trust_path(self.home), self._data)
        self._load()

    def roots(self) -> list[x509.Certificate]:
        return list(self._root_certs.values())

    def roots_for(self, issuer: x509.Name) -> list[tuple[str, x509.Certificate]]:
        return self._by_subject.get(issuer.public_bytes(), [])

    def is_root(self, fp: str) -> bool:
        return fp in self._root_certs

    def confirmation(self, fp: str) -> dict[str, Any] | None:
        confirmed: dict[str, dict[str, Any]] = self._data["confirmed"]
        for key, entry in confirmed.items():
            if fp.startswith(key):  # a confirmation may hold the 32-digit prefix people read out
                return entry
        return None

    def revocation(self, issuer_fp: str, serial: int) -> dict[str, Any] | None:
        revoked: dict[str, dict[str, dict[str, Any]]] = self._data["revoked"]
        return revoked.get(issuer_fp, {}).get(str(serial))

    def list(self) -> list[dict[str, Any]]:
        out = [
            {"kind": "root", "fingerprint": fp, "name": e["name"], "added": e["added"]}
            for fp, e in self._data["roots"].items()
        ]
        out += [{"kind": "confirmed", "fingerprint": fp, **e} for fp, e in self._data["confirmed"].items()]
        for issuer_fp, entries in self._data["revoked"].items():
            out += [
                {"kind": "revoked", "issuer": issuer_fp, "serial": int(s), **e} for s, e in entries.items()
            ]
        return out

    # -- decisions -------------------------------------------------------------
    def add_root(self, pem: bytes) -> str:
        try:
            cert = x509.load_pem_x509_certificate(pem)
        except ValueError:
            raise IdentityError(_("Filen är inget PEM-certifikat.")) from None
        if not (is_self_signed(cert) and is_ca(cert)):
            raise IdentityError(
                _("Certifikatet för {subject} är inget rotcertifikat från en certifikatutfärdare.").format(
                    subject=common_name(cert.subject))
            )
        fp = fingerprint(cert)
        self._load()
        self._data["roots"][fp] = {
            "pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            "name": common_name(cert.subject),
            "added": _now(),
        }
        self._save()
        return fp

    def confirm(self, fp: str, confirmed_by: str, name: str | None = None, *, assessor: bool = False) -> str:
        """Vouch for a key; `assessor`: also as someone whose assessments of others count
        (btdesk.identity.standing). A later confirmation never takes that back silently."""
        fp = normalize_fingerprint(fp, allow_prefix=True)
        if not str(confirmed_by).strip():
            raise IdentityError(_("Ange vem som bekräftade fingeravtrycket."))
        self._load()
        before = self._data["confirmed"].get(fp, {})
        entry: dict[str, Any] = {"confirmed_by": str(confirmed_by).strip(), "at": _now()}
        if name:
            entry["name"] = name
        if assessor or before.get("assessor"):
            entry["assessor"] = True
        self._data["confirmed"][fp] = entry
        self._save()
        return fp

    def overlay_revocations(self, issuer_fp: str, entries: dict[int, dict[str, Any]]) -> TrustStore:
        """A copy that also holds these revocations, kept in memory only: a bundle's CRL applies
        to that bundle's own signatures before anything is written."""
        import copy

        other = copy.copy(self)
        other._data = {**self._data, "revoked": copy.deepcopy(self._data["revoked"])}
        known = other._data["revoked"].setdefault(issuer_fp, {})
        for serial, entry in entries.items():
            known.setdefault(str(serial), entry)
        other.generation = self.generation + 1
        return other

    def overlay_confirmation(self, fp: str, confirmed_by: str) -> TrustStore:
        """A copy that also counts `fp` as confirmed, in memory only: a profile checking its own
        signature trusts its own key without writing that down."""
        import copy

        other = copy.copy(self)
        other._data = {**self._data, "confirmed": {**self._data["confirmed"], fp: {"confirmed_by": confirmed_by}}}
        other.generation = self.generation + 1
        return other

    def add_revocations(self, issuer_fp: str, entries: dict[int, dict[str, Any]]) -> int:
        """Merge revocations (never un-revoke); returns how many were new."""
        self._load()
        known = self._data["revoked"].setdefault(issuer_fp, {})
        new = 0
        for serial, entry in entries.items():
            if str(serial) not in known:
                known[str(serial)] = entry
                new += 1
        if new:
            self._save()
        return new
