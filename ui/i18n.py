"""Language: Swedish is the source language; English comes from a Qt translation file.

The language is a QSettings value ("language": sv|en). The .qm file is compiled from the .ts
here when it is missing or was compiled from another .ts (the .ts's SHA-256 is noted beside it),
so a developer never sees half-translated windows.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

LANGUAGES = {"sv": "Svenska", "en": "English"}
_installed: QTranslator | None = None


def settings() -> QSettings:
    return QSettings("btdesk", "btdesk")


def current_language() -> str:
    lang = str(settings().value("language", "sv") or "sv")
    return lang if lang in LANGUAGES else "sv"


def _translations_dir() -> Path:
    from btdesk.resources import resource_path

    return resource_path("translations")


def _qm_for(lang: str) -> Path | None:
    """The compiled catalogue for lang, never one compiled from another .ts than the one beside
    it. Freshness is the .ts's SHA-256 noted beside the .qm, not file times: a copied or checked-out
    .qm is newer than a .ts it was not compiled from. A stale .qm is compiled again (whole or not
    at all) or, when that fails, ignored. The frozen app uses what it shipped."""
    import hashlib

    folder = _translations_dir()
    ts, qm = folder / f"btdesk_{lang}.ts", folder / f"btdesk_{lang}.qm"
    if getattr(sys, "frozen", False) or not ts.exists():
        return qm if qm.exists() else None
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()
    stamp = qm.with_name(qm.name + ".sha256")
    try:
        if qm.exists() and stamp.read_text(encoding="ascii").strip() == digest:
            return qm
    except OSError:
        pass  # no note: compile
    return qm if _compile(ts, qm, stamp, digest) else None


def _compile(ts: Path, qm: Path, stamp: Path, digest: str) -> bool:
    """Compile ts into qm with pyside6-lrelease and note ts's digest; True when qm is now fresh."""
    import shutil  # here, not at the top: subprocess costs start-up time that only a checkout needs
    import subprocess

    from btdesk.fileutil import atomic_path, atomic_write

    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    exe = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if not exe:
        return False
    try:
        with atomic_path(qm) as tmp:
            done = subprocess.run([exe, "-silent", str(ts), "-qm", str(tmp)], check=False, timeout=60,
                                  capture_output=True)
            if done.returncode != 0 or tmp.stat().st_size == 0:
                raise OSError(f"pyside6-lrelease failed on {ts.name}")
        atomic_write(stamp, digest.encode("ascii"))
    except (OSError, subprocess.SubprocessError):
        return False  # a read-only install or a broken .ts: no stale translation instead
    return True


def locale_for(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)


def install(lang: str | None = None) -> str:
    """Install the translator for lang (default: the saved setting); returns the language used."""
    global _installed
    lang = lang or current_language()
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        _installed = None
    QLocale.setDefault(locale_for(lang))
    from btdesk import i18n as core_language

    core_language.set_language(lang)  # the core's sentences (errors) in the window's language
    if lang != "sv" and app is not None:
        qm = _qm_for(lang)
        tr = QTranslator(app)
        if qm is not None and tr.load(str(qm)):
            app.installTranslator(tr)
            _installed = tr
    return lang


def set_language(lang: str) -> str:
    settings().setValue("language", lang)
    return install(lang)
