"""The curriculum as data: regional BT programmes read from resources/programmes/*.toml.

A new region is a new file, not a code change. Qt-free.
"""
from btdesk.schema_errors import format_error

from .load import check_file, list_programmes, load_programme, programmes_dir
from .model import (
    COUNTS_AS,
    ITEM_TYPES,
    ChecklistItem,
    Delmal,
    Instrument,
    Introduction,
    Level,
    PhaseRule,
    PlacementKind,
    Programme,
    ProgrammeError,
    Scale,
)
from .rules import PlanWarning, check_plan, sv_months

__all__ = [
    "COUNTS_AS",
    "ITEM_TYPES",
    "ChecklistItem",
    "Delmal",
    "Instrument",
    "Introduction",
    "Level",
    "PlacementKind",
    "PhaseRule",
    "PlanWarning",
    "Programme",
    "ProgrammeError",
    "Scale",
    "check_file",
    "check_plan",
    "format_error",
    "list_programmes",
    "load_programme",
    "programmes_dir",
    "sv_months",
]
