"""How far a signer is trusted, in words: one rule for every place that says it.

Any verdict-like object will do (Verification, a kept TrustInfo): it needs `status`,
`signer_name`, `issuer`, `confirmed_by` and `fingerprint`. Names come from certificates
made by anyone, so they pass through btdesk.safetext first.
"""
from __future__ import annotations

from typing import Protocol

from btdesk.safetext import safe_text

from .names import format_fingerprint

STATUSES = ("verified", "confirmed", "unconfirmed")


class Verdict(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def signer_name(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def confirmed_by(self) -> str | None: ...


_TEXTS = {
    "sv": {"verified": "signaturen verifierad (certifikat utfärdat av {issuer})",
           "confirmed": "signaturen verifierad, fingeravtrycket bekräftat av {confirmed_by}",
           "unconfirmed": "signaturen är giltig men avsändaren är obekräftad (fingeravtryck {fp})",
           "foreign": "signaturen är giltig, certifikatet utfärdat av {issuer} som inte är betrodd här; "
                      "avsändaren är obekräftad (fingeravtryck {fp})",
           "signer": "signerad av {signer}, "},
    "en": {"verified": "signature verified (certificate issued by {issuer})",
           "confirmed": "signature confirmed by {confirmed_by}",
           "unconfirmed": "self-signed and not yet confirmed (fingerprint {fp})",
           "foreign": "certificate issued by {issuer}, an authority not trusted here; not yet confirmed "
                      "(fingerprint {fp})",
           "signer": "signed by {signer}, "},
}


def describe_trust(v: Verdict, lang: str | None = None, *, with_signer: bool = False) -> str:
    """One phrase, e.g. "signaturen verifierad (certifikat utfärdat av Region Stockholm BT-enheten)";
    `with_signer` puts who signed first. lang: "sv"/"en", default the run's language."""
    from btdesk.i18n import language

    texts = _TEXTS["en" if (lang or language()) == "en" else "sv"]
    signer = safe_text(v.signer_name)
    status = v.status if v.status in STATUSES else "unconfirmed"  # an unknown word never reads as trust
    if status == "unconfirmed" and v.issuer:  # a chain to an authority nobody here trusts
        status = "foreign"
    text = texts[status].format(issuer=safe_text(v.issuer or v.signer_name),
                                confirmed_by=safe_text(v.confirmed_by or "?"),
                                fp=format_fingerprint(v.fingerprint) if len(v.fingerprint) >= 32 else "?")
    return (texts["signer"].format(signer=signer) + text) if with_signer else text
