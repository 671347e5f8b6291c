"""What a bundle may carry to whom (privacy by recipient), and personnummer held back.

- To a doctor: only records about her.
- To a supervisor: the sender's own records for the placements he supervises (and the BT
  record when he is the huvudhandledare) — never other supervisors' ratings.
- To the BT unit: everything about the sender, and what the sender wrote about others.
- To anyone (no recipient named) or someone whose role is unknown: the sender's own portfolio.
A unit's revocation list goes to everyone. Others' unsigned records never travel (nobody
could check them). A record holding a Swedish personnummer (valid check digit) is held back
until it is edited or explicitly released (`btdesk privacy release ID`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from btdesk.i18n import _
from btdesk.services.privacy import find_personnummer
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.store.models import RecordVersion

ANYONE = "*"
REVOCATIONS_KIND = "revocations"
RELEASED_KEY = "privacy.released"  # {version hash: when released}


def person_key(name: str | None) -> str:
    """A name as placements and certificates both write it: no title, case or extra spaces."""
    words = " ".join(str(name or "").split()).casefold().split(" ")
    while words and words[0].rstrip(".") in ("dr", "doktor", "med"):
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Rules:
    """Everything `travels` needs about the sender and the recipient of one bundle."""
    me: str
    recipient: str  # fingerprint or "*"
    role: str | None  # doctor | supervisor | unit | None (unknown)
    supervised: frozenset[str] = frozenset()  # placement record ids the recipient supervises
    huvudhandledare: bool = False
    released: dict[str, str] = field(default_factory=dict)


def supervisor_rules(p: Any, me: str, recipient: str, name: str | None) -> Rules:
    """The placements (by record id) whose supervisor is `name`, and whether he is huvudhandledare."""
    key = person_key(name)
    supervised = frozenset(r.id for r in p.records("placement") if person_key(r.body.get("supervisor")) == key)
    bt = p.latest("bt")
    head = bool(bt and key and key in person_key(bt.body.get("huvudhandledare")))
    return Rules(me, recipient, "supervisor", supervised, head, released(p))


def _for_supervisor(v: RecordVersion, rules: Rules) -> bool:
    body = v.body if isinstance(v.body, dict) else {}
    if v.author not in (rules.me, rules.recipient):
        return False  # never another supervisor's ratings
    if v.kind == "placement":
        return v.record_id in rules.supervised
    if v.kind == "bt":
        return rules.huvudhandledare
    return body.get("placement") in rules.supervised


def travels(v: RecordVersion, rules: Rules) -> bool | None:
    """True: include the version (a RecordVersion row); False: not for this recipient;
    None: cannot travel at all (someone else's, unsigned)."""
    if v.author != rules.me and v.signature is None:
        return None
    if v.kind == REVOCATIONS_KIND and v.author == rules.me:
        return True
    mine: bool = v.subject is None or v.subject == rules.me
    if rules.recipient == ANYONE or rules.role is None:
        return mine
    if rules.role == "doctor":
        return v.subject == rules.recipient
    if rules.role == "supervisor":
        return mine and _for_supervisor(v, rules)
    return mine or v.author == rules.me  # the unit


# -- personnummer --------------------------------------------------------------------------
def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, x in value.items():
            yield str(k)
            yield from _texts(x)
    elif isinstance(value, list):
        for x in value:
            yield from _texts(x)


def holds_personnummer(body: Any) -> bool:
    return any(find_personnummer(t) for t in _texts(body))


def released(p: Any) -> dict[str, str]:
    try:
        data = json.loads(p.setting(RELEASED_KEY) or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def held(v: RecordVersion, rules: Rules) -> bool:
    """A version kept back because it holds a personnummer nobody released."""
    return v.hash not in rules.released and holds_personnummer(v.body)


def release(p: Any, record_id: str) -> Any:
    """Let the current version of a record travel although it holds a personnummer."""
    from btdesk.errors import BtdeskError

    r = p.get(record_id)
    if not holds_personnummer(r.body):
        raise BtdeskError(_("Posten {record_id} innehåller inget personnummer, så det finns inget att "
                            "lämna ut.").format(record_id=record_id))
    data = released(p)
    data[r.hash] = now_iso()
    p.set_setting(RELEASED_KEY, json.dumps(data, sort_keys=True))
    return r


def held_records(p: Any) -> list[Any]:
    """This profile's current records that export holds back."""
    data = released(p)
    return [r for r in p.records(include_deleted=False, everyone=True, uncounted=True)
            if r.hash not in data and holds_personnummer(r.body)]


_MASK = re.compile(r"\d")


def masked(text: str) -> str:
    """A text with its personnummer shown as digits hidden, for listing held records."""
    for hit in find_personnummer(text):
        text = text.replace(hit, _MASK.sub("#", hit))
    return text
