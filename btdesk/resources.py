"""Find shipped resources from a source checkout, an installed wheel or a frozen app."""
from __future__ import annotations

import os
import sys
import sysconfig
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    candidates = []
    if env := os.environ.get("BTDESK_RESOURCES"):
        candidates.append(Path(env))
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")  # source checkout
    candidates.append(Path(sysconfig.get_path("data")) / "share" / "btdesk" / "resources")  # wheel
    for c in candidates:
        if (c / "programmes").is_dir():
            return c
    raise FileNotFoundError(
        "btdesk cannot find its resources folder; looked in " + ", ".join(map(str, candidates))
    )


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
