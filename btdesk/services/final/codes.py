"""Names and codes shared by every step of the final assessment."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Union

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.store.records import RecordView

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.unit_import import UnitTarget
    from btdesk.services.unit_store import UnitStore

# the unit's portfolio, or its shared database seen as one
Target = Union["Portfolio", "UnitTarget"]

SCHEDULE_KIND = "final_assessment"
JUDGEMENT_KIND = "final_judgement"
ARCHIVE_KIND = "final_archive"
SUFFIX, FORMAT = ".btfinal", "btfinal"
REQUEST_SUFFIX, REQUEST_FORMAT = ".btfinalreq", "btfinal-request"

JUDGEMENTS = {"uppnatt": "uppnått", "ej_uppnatt": "ej uppnått", "ej_bedomt": "ej bedömt"}
ROLES = {"extern_bedomare": "extern bedömare", "huvudhandledare": "huvudhandledare"}


def judgement_code(text: str) -> str:
    """"uppnått", "Ej uppnått", "ej_bedomt", "EU" … → the stored code."""
    t = re.sub(r"[\s_-]+", " ", str(text).strip().casefold()).replace("å", "a").replace("ö", "o")
    codes = {"uppnatt": "uppnatt", "u": "uppnatt", "ej uppnatt": "ej_uppnatt", "eu": "ej_uppnatt",
             "ej bedomt": "ej_bedomt", "eb": "ej_bedomt"}
    if t not in codes:
        raise BtdeskError(_("”{text}” är inget omdöme; använd uppnått, ej uppnått eller ej bedömt.").format(text=text))
    return codes[t]


def role_code(text: str) -> str:
    t = str(text).strip().casefold().replace("ö", "o").replace(" ", "_")
    if t in ("extern", "extern_bedomare", "external"):
        return "extern_bedomare"
    if t in ("huvudhandledare", "hh", "main_supervisor"):
        return "huvudhandledare"
    raise BtdeskError(_("”{text}” är ingen roll i slutbedömningen; använd extern eller huvudhandledare.").format(
                          text=text))


def same_person(a: str, b: str) -> bool:
    def norm(n: str) -> str:
        return re.sub(r"^(dr\.?|doktor)\s+", "", " ".join(str(n).split()).casefold())
    return norm(a) == norm(b)


def store_of(target: Target) -> UnitStore:
    from btdesk.services.unit_import import store_of as of

    return of(target)


def latest(rows: list[RecordView]) -> RecordView | None:
    return max(rows, key=lambda r: r.updated) if rows else None


def scheduled(store: UnitStore, fp: str) -> RecordView | None:
    return latest(store.records(fp, SCHEDULE_KIND))


def outcome(by_role: dict[str, RecordView]) -> str:
    """uppnatt only when both judged the whole BT uppnått; ej_uppnatt when either said not."""
    overall = [by_role[r].body["overall"]["judgement"] if r in by_role else None for r in ROLES]
    if "ej_uppnatt" in overall:
        return "ej_uppnatt"
    return "uppnatt" if all(o == "uppnatt" for o in overall) else "ej_bedomt"


def disagreements(by_role: dict[str, RecordView]) -> list[str]:
    if len(by_role) < 2:
        return []
    a, b = (by_role[r].body["delmal"] for r in ROLES)
    return sorted((k for k in a if a[k]["judgement"] != b.get(k, {}).get("judgement")), key=_delmal_key)


def _delmal_key(k: str) -> tuple[str, int]:
    m = re.match(r"([A-Za-z]+)(\d+)$", k)
    return (m.group(1), int(m.group(2))) if m else (k, 0)
