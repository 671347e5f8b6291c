"""The words of a signer's standing: whether a trusted signer may vouch for another person's
evidence, and if not, why. No heavy dependencies, so counting (btdesk.services.evidence) can read
them without loading the cryptography; the rule that decides is btdesk.identity.standing."""
from __future__ import annotations

ASSESSOR = "assessor"
# why a trusted signer may not vouch for others (the standing when it is not ASSESSOR)
REASONS = {
    "doctor": ("certifikatet anger rollen läkare, och bara en handledare får bedöma",
               "the certificate states the role doctor, and only a handledare may assess"),
    "no_role": ("certifikatet anger ingen handledarroll",
                "the certificate states no handledare role"),
    "confirmed": ("fingeravtrycket är bekräftat, men inte som bedömare (btdesk trust confirm --assessor)",
                  "the fingerprint is confirmed, but not as an assessor (btdesk trust confirm --assessor)"),
    "unconfirmed": ("signeraren är obekräftad", "the signer is not confirmed"),
}
UNKNOWN = ("kontrollerad innan btdesk prövade signerarens roll; bekräfta signeraren som bedömare",
           "checked before btdesk looked at the signer's role; confirm the signer as an assessor")


def why_not(standing_code: str | None, lang: str | None = None) -> str:
    """Why a trusted signer's assessment does not count, in words (default: the run's language)."""
    from btdesk.i18n import language

    i = 1 if (lang or language()) == "en" else 0
    return REASONS.get(standing_code or "", UNKNOWN)[i]
