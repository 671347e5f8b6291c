"""Which records count as evidence: one rule, applied where records are read for counting.

Only what a trusted signature vouches for counts — in progress, in-phase, delmål status,
checklists, the supervisor's dashboard, the cohort, statistics, the committee, the dossier
and the certificates. Portfolio.records and UnitStore.records_by_subject apply `counts` to
every record they return (unless asked for the uncounted ones too, to show them marked), so
every consumer follows without knowing the rule.

- Assessments, talk sign-offs and final judgements count only under their author's own
  signature, verified (a chain to a trusted root, valid at signing) or confirmed (the
  fingerprint compared by a person here), by a signer who may assess — a handledare, as the
  unit's certificate, a root's trust policy or a confirmation "as assessor" says
  (btdesk.identity.standing) — and never when the author assesses themselves. A profile's own
  signed assessments of others count in its own views unless it is a doctor's profile.
- Talks count when whoever vouches for them (the talk's own signature, or the bundle that
  carried the doctor's own talk) is verified or confirmed; this profile's own talks count. A
  talk written by someone else about the doctor (a supervisor's) needs a signer who may assess.
- Confirmed means confirmed *here*: verdicts are made against this profile's own trust store,
  so at the BT unit only the unit's confirmation counts.
- Every other kind (placements, activities …) is the doctor's own account and counts for
  the doctor it is filed under (btdesk.services.subject decides who that is).
"""
from __future__ import annotations

from dataclasses import dataclass

from btdesk.signer_standing import ASSESSOR, why_not

TRUSTED = frozenset({"verified", "confirmed"})
ASSESSOR_KINDS = frozenset({"assessment", "signoff", "final_judgement"})
VOUCHED_KINDS = ASSESSOR_KINDS | {"talk"}


@dataclass(frozen=True)
class Verdict:
    """The kept trust verdict of a received version (btdesk.store.exchange_models.RecordTrust)."""
    status: str
    own_signature: bool
    fingerprint: str
    standing: str | None = None  # "assessor", or why the signer may not vouch for others


def counts(kind: str, author: str, signed: bool, verdict: Verdict | None, *, me: str, subject: str | None,
           me_assesses: bool = True) -> bool:
    """Whether one record version counts as evidence for `subject` (None: this profile).
    `me_assesses`: this profile may assess others (a doctor's profile may not)."""
    # whether, not why: no need to look up the run's language for every record
    return reason(kind, author, signed, verdict, me=me, subject=subject, me_assesses=me_assesses,
                  lang="sv") is None


def reason(kind: str, author: str, signed: bool, verdict: Verdict | None, *, me: str, subject: str | None,
           me_assesses: bool = True, lang: str | None = None) -> str | None:
    """Why one record version does not count as evidence (in words, default the run's language),
    or None when it counts."""
    from btdesk.i18n import language

    lang = lang or language()
    sv = lang != "en"
    if kind not in VOUCHED_KINDS:
        return None
    about = subject or me
    if kind in ASSESSOR_KINDS:
        if author == about:  # nobody assesses or signs off themselves
            return "ingen kan bedöma sig själv" if sv else "nobody can assess themselves"
        if author == me:
            if not signed:
                return "inte signerad" if sv else "not signed"
            return None if me_assesses else why_not("doctor", lang)
        if verdict is None or not verdict.own_signature or verdict.fingerprint != author:
            return "saknar författarens egen signatur" if sv else "lacks its author's own signature"
        if verdict.status not in TRUSTED:
            return why_not("unconfirmed", lang)
        return None if verdict.standing == ASSESSOR else why_not(verdict.standing, lang)
    if author == me:
        return None if author == about or me_assesses else why_not("doctor", lang)
    if verdict is None or verdict.status not in TRUSTED:
        return why_not("unconfirmed", lang)
    if author != about and verdict.standing != ASSESSOR:  # a talk someone else vouches for: a handledare
        return why_not(verdict.standing, lang)
    return None
