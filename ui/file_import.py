"""Responses and bundles that reach the window (dropped, opened, handed over), imported one
after another on a worker thread (ui/file_router.py starts it behind the progress dialog).

Each file is all-or-nothing. `step(done, total)` raises Cancelled once the person pressed
Avbryt: between files, or inside a bundle's import just before it commits. The files already
imported stay imported; the outcome says how many files were looked at before the stop.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from btdesk.errors import Cancelled

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


@dataclass
class ImportOutcome:
    total: int
    results: list[tuple[str, str | BaseException]] = field(default_factory=list)  # (path, sentence or failure)
    stopped_after: int | None = None  # files dealt with before the person stopped; the rest untouched


def _import_one(p: Portfolio, path: str, kind: str, check: Callable[[], None]) -> str:
    if kind == "final":  # an assessor's signed final judgement, at the unit (journey 6)
        from btdesk.services import unit_import
        from btdesk.services.final.judgement import import_judgement

        check()
        target = unit_import.target_for(p)
        try:
            return import_judgement(target, Path(path)).message
        finally:
            if target is not p:
                target.close()  # type: ignore[attr-defined]
    if kind == "response":
        from btdesk.services import assessments

        check()  # a response is one small transaction: stopping is possible before it only
        return assessments.import_response(p, path).message
    from btdesk.services.exchange_import import import_bundle

    return import_bundle(p, Path(path), check=check).message


def import_signed(p: Portfolio, items: list[tuple[str, str]], step: Callable[[int, int], None]) -> ImportOutcome:
    """Runs on the worker thread: no widgets here."""
    from ui import errors

    out = ImportOutcome(total=len(items))
    for i, (path, kind) in enumerate(items):
        def check(i: int = i) -> None:
            step(i, len(items))

        try:
            check()
            message = _import_one(p, path, kind, check)
        except Cancelled:
            out.stopped_after = i
            return out
        except errors.expected() as e:  # described on the GUI thread; a bug leaves the worker
            out.results.append((path, e))
            continue
        out.results.append((path, message))
    return out


def stopped_sentence(outcome: ImportOutcome) -> str:
    tr = QCoreApplication.translate
    if outcome.total == 1:
        return tr("FileImport", "Importen avbröts; ingenting ändrades.")
    left = outcome.total - (outcome.stopped_after or 0)
    return (tr("FileImport", "Importen avbröts efter %1 av %2 filer: de som redan importerats finns kvar, de %3 "
               "övriga är orörda.").replace("%1", str(outcome.stopped_after)).replace("%2", str(outcome.total))
            .replace("%3", str(left)))
