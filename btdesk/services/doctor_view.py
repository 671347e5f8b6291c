"""One doctor's portfolio as the BT unit holds it: a read-only view over imported records.

It offers the reading side of Portfolio (records, latest, programme, profile), so the
doctor's own services — progress, placements, plan warnings — run on it unchanged and the
unit sees exactly the figures the doctor sees.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy import Engine

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.store.records import RecordView

if TYPE_CHECKING:
    from btdesk.programme.model import Programme


@dataclass(frozen=True)
class DoctorProfile:
    id: str
    name: str
    role: str
    fingerprint: str
    programme_id: str | None


@cache
def programme(programme_id: str) -> Programme:
    # loading validates the TOML file: do it once per programme, not once per doctor
    from btdesk.programme import load_programme

    return load_programme(programme_id)


class ReadOnlyPortfolio(BtdeskError):
    """The unit holds a doctor's records as they were sent; only the doctor changes them."""


class DoctorView:
    def __init__(self, fingerprint: str, records: Sequence[RecordView], engine: Engine | None = None) -> None:
        self.fingerprint = fingerprint
        # the unit's database, where the trust verdict of each received signature is kept
        # (the dossier names who vouches for each assessment); None where nobody asks
        self.engine = engine
        self._all = list(records)
        self._by_kind: dict[str, list[RecordView]] = {}
        for r in self._all:
            self._by_kind.setdefault(r.kind, []).append(r)
        bt = self.latest("bt") or self._latest_any("bt")
        body = bt.body if bt else {}
        own = next((r.author_name for r in self._all if r.author == fingerprint), None)
        self.profile = DoctorProfile(fingerprint, body.get("doctor") or own or fingerprint[:12],
                                     "doctor", fingerprint, body.get("programme"))

    @property
    def programme(self) -> Programme:
        if not self.profile.programme_id:
            raise BtdeskError(_("{name} har ingen BT-post, så hens program är okänt.").format(name=self.profile.name))
        return programme(self.profile.programme_id)

    def records(self, kind: str | None = None, *, include_deleted: bool = False,
                uncounted: bool = False) -> list[RecordView]:
        """As Portfolio.records; the view holds what the unit's store gave it (counted, unless
        the store was asked for the uncounted too), so `uncounted` changes nothing here."""
        rows = self._all if kind is None else self._by_kind.get(kind, [])
        return list(rows) if include_deleted else [r for r in rows if not r.deleted]

    def latest(self, kind: str) -> RecordView | None:
        items = self.records(kind)
        return max(items, key=lambda r: r.updated) if items else None

    def _latest_any(self, kind: str) -> RecordView | None:
        items = self.records(kind, include_deleted=True)
        return max(items, key=lambda r: r.updated) if items else None

    def get(self, record_id: str) -> RecordView:
        for r in self._all:
            if r.id == record_id:
                return r
        raise BtdeskError(_("Det finns ingen post {record_id} i den här läkarens portfölj.").format(
                              record_id=record_id))

    def conflicts(self) -> list[RecordView]:
        return [r for r in self._all if r.conflict]

    def withdrew_bt(self) -> bool:
        """The doctor's BT record is withdrawn (a tombstone): they left the programme."""
        live = self.latest("bt")
        return live is None and self._latest_any("bt") is not None

    # -- the writing side of Portfolio, refused: a change made here would split the doctor's
    # history from the unit's copy, and their next bundle would be refused for it.
    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise ReadOnlyPortfolio(
            _("Det här är {name}s portfölj så som BT-enheten tog emot den, så den kan inte ändras här; be "
              "{name} att ändra den och skicka ett nytt paket.").format(name=self.profile.name))

    put = delete = restore = resolve = add_attachment = set_programme = _refuse
