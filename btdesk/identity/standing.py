"""Who may vouch for another person's evidence: the one rule, decided when a signature is checked.

Knowing who signed is not enough: a doctor the unit certified is *verified*, but her signature on
a colleague's assessment must not count. A trusted signer's *standing* is "assessor" only when
someone here, or an authority here, said so:

1. The BT unit's certificate states the holder's role in a certificate policy the unit writes
   (`btdesk unit issue-cert --role handledare|doctor`): handledare (and a BT unit) may assess, a
   doctor may not, and a certificate without such a policy states no role.
2. A root added with `btdesk trust add-root FILE --may-sign KINDS` keeps its meaning: any
   certificate under it may sign the kinds listed (the trust policy refuses the others).
3. A fingerprint confirmed here counts as an assessor only when the confirmation said so
   (`btdesk trust confirm FP --assessor`, or "Bekräfta bedömare" in the window).
4. The BT unit signing with its own root may assess.

Whoever signs, an assessment of oneself never counts (btdesk.services.evidence). The standing is
kept with each verdict (record_trust.standing); confirming as assessor upgrades it.
"""
from __future__ import annotations

from typing import Any

from cryptography import x509

from btdesk.signer_standing import ASSESSOR

# The policy OIDs the unit writes into a certificate it issues (a UUID-derived arc, 2.25.*, that
# other tools show and ignore); the role is the unit's statement, not the requester's.
_ARC = "2.25.179919579049732101217361242080061024291"
ROLE_OIDS = {"handledare": x509.ObjectIdentifier(f"{_ARC}.1"), "doctor": x509.ObjectIdentifier(f"{_ARC}.2"),
             "unit": x509.ObjectIdentifier(f"{_ARC}.3")}
ASSESSOR_ROLES = frozenset({"handledare", "unit"})
# the words a unit may use for a role, and the profile roles a request may state
ROLE_WORDS = {"handledare": "handledare", "supervisor": "handledare", "doctor": "doctor", "lakare": "doctor",
              "läkare": "doctor", "unit": "unit"}
PROFILE_ROLE = {"handledare": "supervisor", "doctor": "doctor", "unit": "unit"}


def role_policy(role: str) -> x509.CertificatePolicies:
    """The extension that states `role` (handledare | doctor | unit) in an issued certificate."""
    return x509.CertificatePolicies([x509.PolicyInformation(ROLE_OIDS[role], None)])


def certified_role(cert: x509.Certificate) -> str | None:
    """The role the issuing unit stated in the certificate, or None when it states none."""
    try:
        policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value
    except (x509.ExtensionNotFound, ValueError):  # none, or one that does not parse: no statement
        return None
    by_oid = {oid: role for role, oid in ROLE_OIDS.items()}
    return next((by_oid[p.policy_identifier] for p in policies if p.policy_identifier in by_oid), None)


def standing(status: str, cert: x509.Certificate, *, own_root: bool, policy_root: bool,
             confirmation: dict[str, Any] | None) -> str:
    """ASSESSOR, or the reason (a key of REASONS) why this signer may not vouch for others.

    `own_root`: the unit signing with a trusted root itself; `policy_root`: verified under a root
    the trust policy restricts (`--may-sign`), which has already refused what it does not allow."""
    if status not in ("verified", "confirmed"):
        return "unconfirmed"
    if confirmation is not None and confirmation.get("assessor"):
        return ASSESSOR
    if status == "verified":
        if own_root or policy_root:
            return ASSESSOR
        role = certified_role(cert)
        return ASSESSOR if role in ASSESSOR_ROLES else ("doctor" if role == "doctor" else "no_role")
    return "confirmed"
