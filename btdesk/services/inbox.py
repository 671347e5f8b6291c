"""The sync inbox: files that arrived are imported one by one and then moved, to done/ or to
rejected/ with a .why.txt beside each refusal, so the folder itself tells what happened.
Both a doctor's `btdesk sync` and the BT unit's import use this one loop.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from btdesk.errors import BtdeskError, Cancelled
from btdesk.fileutil import atomic_write


def free_name(target: Path) -> Path:
    """`target`, or the first `name-N.suffix` beside it that is not taken."""
    n, out = 1, target
    while out.exists():
        out = target.with_name(f"{target.stem}-{n}{target.suffix}")
        n += 1
    return out


def move_into(src: Path, folder: Path) -> Path:
    """Move `src` into `folder` (made if needed) without overwriting anything there."""
    folder.mkdir(parents=True, exist_ok=True)
    return src.replace(free_name(folder / src.name))


@dataclass
class InboxOutcome:
    """What happened to each file, in order."""
    imported: list[Any] = field(default_factory=list)  # results with something new
    already: list[str] = field(default_factory=list)  # file names imported before
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    warnings: list[str] = field(default_factory=list)
    vanished: int = 0  # taken by a colleague's import before we got to them
    stopped_after: int | None = None  # the person stopped after this many files; the rest are untouched


def arrived(inbox: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files ready in the inbox; names beginning with "." are still being written."""
    return sorted(f for f in inbox.iterdir()
                  if f.is_file() and f.suffix in suffixes and not f.name.startswith("."))


def reject(f: Path, inbox: Path, why: str) -> None:
    moved = move_into(f, inbox / "rejected")
    atomic_write(moved.with_name(moved.name + ".why.txt"), (why + "\n").encode("utf-8"))


def import_each(files: Sequence[Path], import_one: Callable[[Path], Any], *, inbox: Path | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                settle: Callable[[], None] | None = None) -> InboxOutcome:
    """Import each file on its own: a refused one changes nothing and stops nothing. With
    `inbox`, each file is then moved to done/ or rejected/. `import_one` returns a result with
    `already` and `warnings`, or raises BtdeskError in one sentence.

    `settle`: the imports' commits are durable only once it has run (store.batch); imported
    files then move to done/ together after it, so a power cut leaves them to import again.

    `progress` may raise btdesk.errors.Cancelled (the person stopped): the loop stops before the
    next file, and what was imported stays, settled and moved, as after a whole run."""
    out = InboxOutcome()
    done: list[Path] = []
    for i, f in enumerate(files):
        try:
            if progress:
                progress(i, len(files), f.name)
        except Cancelled:
            out.stopped_after = i
            break
        try:
            got = import_one(f)
        except BtdeskError as e:
            if inbox is not None and not f.exists():  # a colleague's import took it first
                out.vanished += 1
                continue
            out.rejected.append((f.name, str(e)))
            if inbox is not None:
                reject(f, inbox, str(e))
            continue
        if inbox is not None:
            done.append(f)
            if settle is None:
                _to_done(done.pop(), inbox)
        (out.already.append(f.name) if got.already else out.imported.append(got))
        out.warnings += got.warnings
    if settle is not None:
        settle()
    if inbox is not None:
        for f in done:
            _to_done(f, inbox)
    if progress and out.stopped_after is None:
        try:
            progress(len(files), len(files), "")
        except Cancelled:  # everything was done already: nothing to stop
            pass
    return out


def _to_done(f: Path, inbox: Path) -> None:
    try:
        move_into(f, inbox / "done")
    except FileNotFoundError:  # a colleague imported the same file at the same moment
        pass
