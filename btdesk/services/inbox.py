"""The sync inbox: files that arrived are imported one by one and then moved, to done/ or to
rejected/ with a .why.txt beside each refusal, so the folder itself tells what happened.
Both a doctor's `btdesk sync` and the BT unit's import use this one loop.
"""
from __future__ import annotations

from pathlib import Path


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
