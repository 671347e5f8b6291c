"""The curriculum as immutable values: what a programme file says, after validation."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from btdesk.errors import BtdeskError
from btdesk.i18n import _

# The checklist item types and the regulatory categories a placement can count towards.
ITEM_TYPES = ("activity", "assessment", "supervision_topic", "deeper_study")
COUNTS_AS = ("primarvard", "akut")
# HSLF-FS 2021:8's minimums for BT, in full-time months
MIN_TOTAL_MONTHS = 6
MIN_AKUT_MONTHS = 3
MIN_PRIMARVARD_MONTHS = 3
REGULATION = "HSLF-FS 2021:8"


class ProgrammeError(BtdeskError):
    """A programme file (or id) that cannot be used; str() names the file and the key."""

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None):
        super().__init__(message)
        self.file = file
        self.key = key


@dataclass(frozen=True)
class Delmal:
    id: str
    title: str
    kompetenskrav: tuple[str, ...]
    verified: bool = False
    title_en: str = ""
    kompetenskrav_en: tuple[str, ...] = ()  # the same requirements in the same order, in English

    def title_in(self, lang: str) -> str:
        """The title in lang ("sv"/"en"); Swedish when the programme file has no English."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def kompetenskrav_in(self, lang: str) -> tuple[str, ...]:
        """The kompetenskrav in lang; Swedish when the programme file has no English for them."""
        return self.kompetenskrav_en if lang == "en" and self.kompetenskrav_en else self.kompetenskrav


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    type: str
    text: str
    delmal: tuple[str, ...]
    instrument: str | None = None
    min_count: int = 1
    text_en: str = ""

    def text_in(self, lang: str) -> str:
        return self.text_en if lang == "en" and self.text_en else self.text


@dataclass(frozen=True)
class PlacementKind:
    id: str
    name: str
    months: float
    counts_as: frozenset[str]
    supervision_interval_days: int
    checklist: tuple[ChecklistItem, ...]
    assumed: frozenset[str] = frozenset()  # keys whose values are assumptions, not the region's decision
    name_en: str = ""

    def name_in(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def item(self, item_id: str) -> ChecklistItem:
        for it in self.checklist:
            if it.id == item_id:
                return it
        raise ProgrammeError(_("Placeringstypen ”{id}” har ingen checklistepunkt ”{item_id}”.").format(
                                 id=self.id, item_id=item_id))


@dataclass(frozen=True)
class PhaseRule:
    """In phase: done >= threshold x expected by now, the expected count rounded by `rounding`."""

    threshold: float = 0.75
    rounding: str = "floor"  # floor | round | ceil


@dataclass(frozen=True)
class Introduction:
    """A regional introduction at the start of the first placement (Stockholm: 2.5 weeks)."""

    weeks: float
    text: str
    text_en: str = ""

    def text_in(self, lang: str) -> str:
        return self.text_en if lang == "en" and self.text_en else self.text

    @property
    def days(self) -> int:
        return round(self.weeks * 7)


@dataclass(frozen=True)
class Level:
    value: int
    label: str
    label_en: str = ""

    def label_in(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    not_observed: bool
    levels: tuple[Level, ...]

    def label(self, value: int) -> str:
        for lv in self.levels:
            if lv.value == value:
                return lv.label
        raise ProgrammeError(_("Skalan ”{id}” har ingen nivå {value}.").format(id=self.id, value=value))


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    scale: str
    name_en: str = ""

    def name_in(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    region: str
    source: str
    verified: bool
    order: str
    handover_talk: bool
    delmal: tuple[Delmal, ...]
    placement_kinds: tuple[PlacementKind, ...]
    instruments: tuple[Instrument, ...]
    scales: tuple[Scale, ...]
    path: Path | None = None
    default_supervision_interval_days: int = 14
    phase_rule: PhaseRule = PhaseRule()
    introduction: Introduction | None = None
    assumptions: str = ""  # what in the file is an assumption, in the administrator's words
    assumed: frozenset[str] = frozenset()  # top-level keys whose values are assumptions
    name_en: str = ""
    assumptions_en: str = ""
    source_en: str = ""
    # Not part of equality/hash: two loads of the same file compare equal.
    _index: dict[str, dict[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False,
                                             hash=False)

    def _lookup(self, what: str, attr: str, key: str) -> Any:
        table = self._index.get(attr)
        if table is None:
            table = {x.id: x for x in getattr(self, attr)}
            self._index[attr] = table  # frozen forbids setattr, not mutating the dict
        try:
            return table[key]
        except KeyError:
            known = ", ".join(table) or "none"
            raise ProgrammeError(
                _("Programmet ”{id}” saknar {what} ”{key}”; det har: {known}.").format(
                    id=self.id, what=what, key=key, known=known)
            ) from None

    def name_in(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def source_in(self, lang: str) -> str:
        return self.source_en if lang == "en" and self.source_en else self.source

    def assumptions_in(self, lang: str) -> str:
        return self.assumptions_en if lang == "en" and self.assumptions_en else self.assumptions

    @property
    def months(self) -> float:
        """The programme's length in full-time months: its placement kinds' months together."""
        return sum(k.months for k in self.placement_kinds)

    def kind(self, kind_id: str) -> PlacementKind:
        return cast(PlacementKind, self._lookup(_("placeringstyp"), "placement_kinds", kind_id))

    def delmal_by_id(self, delmal_id: str) -> Delmal:
        return cast(Delmal, self._lookup(_("delmål"), "delmal", delmal_id))

    def instrument(self, instrument_id: str) -> Instrument:
        return cast(Instrument, self._lookup(_("instrument"), "instruments", instrument_id))

    def scale(self, scale_id: str) -> Scale:
        return cast(Scale, self._lookup(_("skala"), "scales", scale_id))

    def instrument_scale(self, instrument_id: str) -> Scale:
        return self.scale(self.instrument(instrument_id).scale)

    def checklist_item(self, item_id: str) -> tuple[PlacementKind, ChecklistItem]:
        """Item ids are unique across the programme, so a record can name just the item."""
        for k in self.placement_kinds:
            for it in k.checklist:
                if it.id == item_id:
                    return k, it
        raise ProgrammeError(_("Programmet ”{id}” har ingen checklistepunkt ”{item_id}”.").format(
                                 id=self.id, item_id=item_id))
