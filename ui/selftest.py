"""Qt's part of `btdesk selftest`: Qt loads, and a font with Swedish glyphs exists.

Without such a font Qt draws empty boxes and nothing fails, so check it explicitly.
"""
from __future__ import annotations

import os


def qt_checks() -> list[tuple[bool, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6 import __version__ as qt_version
        from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication
    except ImportError as e:
        return [(False, "Qt", f"PySide6 cannot be loaded: {e}")]
    app = QGuiApplication.instance() or QGuiApplication([])
    platform = QGuiApplication.platformName() if isinstance(app, QGuiApplication) else "none"
    checks = [(True, "Qt", f"PySide6 {qt_version}, platform {platform}")]
    families = QFontDatabase.families()
    if not families:
        checks.append((False, "window font", "no fonts installed; install fonts-dejavu-core"))
        return checks
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    metrics = QFontMetrics(font)
    missing = [c for c in "åäöÅÄÖ" if not metrics.inFontUcs4(ord(c))]
    if missing:
        checks.append((False, "window font", f"{font.family()} lacks {''.join(missing)}"))
    else:
        checks.append((True, "window font", f"{font.family()} has å ä ö ({len(families)} families)"))
    return checks
