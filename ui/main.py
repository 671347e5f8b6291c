"""The `btdesk` entry point: a command goes to the Qt-free CLI; no command starts the window."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

HEADLESS_HELP = (
    "btdesk: there is no display to show the window on; use the command line instead, "
    "for example: btdesk progress, btdesk entries, btdesk activity --title …, btdesk selftest "
    "(btdesk --help lists them all)."
)


def _split_home(argv: list[str]) -> tuple[Path | None, list[str]]:
    home, rest, it = None, [], iter(argv)
    for a in it:
        if a == "--home":
            home = Path(next(it, ""))
        elif a.startswith("--home="):
            home = Path(a.split("=", 1)[1])
        else:
            rest.append(a)
    return home, rest


def has_display() -> bool:
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                    or os.environ.get("WAYLAND_DISPLAY"))
    return True


def real_display() -> bool:
    """A screen a person looks at (not Qt's offscreen platform, which tests and scripts use)."""
    return has_display() and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")


def window_files(rest: list[str]) -> list[str] | None:
    """The files the window should open: `btdesk FILE…` (the desktop entry's `btdesk %f`), or
    `btdesk open REQUEST` on a screen (a request needs its form; the Qt-free CLI has none)."""
    if rest and rest[0] != "open" and all(Path(a).is_file() for a in rest):
        return rest
    if len(rest) == 2 and rest[0] == "open" and real_display() and Path(rest[1]).is_file():
        from btdesk.services.file_kinds import file_kind

        return [rest[1]] if file_kind(rest[1]) == "request" else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    home, rest = _split_home(argv)
    files = window_files(rest)
    if files is not None and not has_display():
        print(HEADLESS_HELP, file=sys.stderr)
        return 1
    if rest and files is None:
        from btdesk.cli import main as cli_main
        from ui.selftest import qt_checks

        return cli_main(argv, qt_check=qt_checks)
    if not has_display():
        print(HEADLESS_HELP, file=sys.stderr)
        return 1
    from ui.app import run

    return run(home, files or [])


if __name__ == "__main__":
    sys.exit(main())
