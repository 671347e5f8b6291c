"""Which records count as evidence: one rule, applied where records are read for counting.

Only what a trusted signature vouches for counts — in progress, in-phase, delmål status,
checklists, the supervisor's dashboard, the cohort, statistics, the committee, the dossier
and the certificates. Portfolio.records and UnitStore.records_by_subject apply `counts` to
every record they return (unless asked for the uncounted ones too, to show them marked), so
every consumer follows without knowing the rule.

- Assessments, talk sign-offs and final judgements count only under their author's own
  signature, verified (a chain to a trusted root, valid at signing) or confirmed (the
  fingerprint compared by a person here), and never when the author assesses themselves.
- Talks count when whoever vouches for them (the talk's own signature, or the bundle that
  carried the doctor's own talk) is verified or confirmed; this profile's own talks count.
- Confirmed means confirmed *here*: verdicts are made against this profile's own trust store,
  so at the BT unit only the unit's confirmation counts.
- Every other kind (placements, activities …) is the doctor's own account and counts for
  the doctor it is filed under (btdesk.services.subject decides who that is).
"""
from __future__ import annotations

from dataclasses import dataclass

TRUSTED = frozenset({"verified", "confirmed"})
ASSESSOR_KINDS = frozenset({"assessment", "signoff", "final_judgement"})
VOUCHED_KINDS = ASSESSOR_KINDS | {"talk"}


@dataclass(frozen=True)
class Verdict:
    """The kept trust verdict of a received version (btdesk.store.exchange_models.RecordTrust)."""
    status: str
    own_signature: bool
    fingerprint: str


def counts(kind: str, author: str, signed: bool, verdict: Verdict | None, *, me: str, subject: str | None) -> bool:
    """Whether one record version counts as evidence for `subject` (None: this profile)."""
    if kind not in VOUCHED_KINDS:
        return True
    about = subject or me
    if kind in ASSESSOR_KINDS:
        if author == about:
            return False  # nobody assesses or signs off themselves
        if author == me:
            return signed
        return (verdict is not None and verdict.own_signature and verdict.fingerprint == author
                and verdict.status in TRUSTED)
    if author == me:
        return True
    return verdict is not None and verdict.status in TRUSTED
