"""Failures in the window: the command line's one sentence (btdesk.failures), in the window's
language, in a message box with the log's path — and the window goes on.

- `describe(exc)`: the sentence for any exception; an unknown one (a bug) goes to the log with
  its traceback and the user reads that something unexpected happened and where the log is.
- `tell(parent, text)`: the message box (QMessageBox.warning) with the sentence and the log.
- `report(parent, exc)`: both; returns the sentence for a status line.
- `install(home)`: the log file, a `sys.excepthook` for slots that raise, and a Qt message
  handler, so nothing unexpected is lost (the app calls it; tests keep pytest-qt's own).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from btdesk import logs
from btdesk.errors import BtdeskError
from btdesk.failures import explain


def _t(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def _heads() -> list[tuple[str, str]]:
    """The English sentences of btdesk.failures (a pattern each) and the window's wording."""
    return [
        (r"The disk is full; free space and try again", _t("Disken är full; frigör utrymme och försök igen")),
        (r"(.+) is on a read-only disk; choose a place btdesk may write to and try again",
         _t("%1 ligger på en skrivskyddad disk; välj en plats där btdesk får skriva och försök igen")),
        (r"btdesk is not allowed to use (.+) \(permission denied\); check its permissions and try again",
         _t("btdesk får inte använda %1 (åtkomst nekad); kontrollera behörigheterna och försök igen")),
        (r"(.+) does not exist; check the name and try again",
         _t("%1 finns inte; kontrollera namnet och försök igen")),
        (r"(.+) is a folder, not a file; name a file and try again",
         _t("%1 är en mapp, inte en fil; ange en fil och försök igen")),
        (r"A part of the path (.+) is a file, not a folder; check the path and try again",
         _t("En del av sökvägen %1 är en fil, inte en mapp; kontrollera sökvägen och försök igen")),
        (r"The disk reported an error while reading or writing (.+); check the disk and try again",
         _t("Disken rapporterade ett fel när %1 lästes eller skrevs; kontrollera disken och försök igen")),
        (r"The name (.+) is too long; choose a shorter one and try again",
         _t("Namnet %1 är för långt; välj ett kortare och försök igen")),
        (r"The portfolio database is damaged or is not a btdesk portfolio; restore it from the backups "
         r"folder or a copy",
         _t("Portföljens databas är skadad eller ingen btdesk-portfölj; återställ den från mappen backups "
            "eller från en kopia")),
        (r"The portfolio database is read-only; give your user write permission on it \(or work on a "
         r"copy\) and try again",
         _t("Portföljens databas är skrivskyddad; ge din användare skrivrätt till den (eller arbeta i en "
            "kopia) och försök igen")),
        (r"The portfolio database cannot be opened; check that its folder exists and may be written to",
         _t("Portföljens databas kan inte öppnas; kontrollera att mappen finns och att btdesk får skriva i den")),
        (r"The portfolio is busy in another program; close it and try again",
         _t("Portföljen används av ett annat program; stäng det och försök igen")),
        (r"The disk reported an error while writing the portfolio; check the disk and try again",
         _t("Disken rapporterade ett fel när portföljen skrevs; kontrollera disken och försök igen")),
        # btdesk.store.schema's refusals of a database file
        (r"(.+) is not a btdesk portfolio \(not an SQLite database\); restore it from the backups folder or a copy",
         _t("%1 är ingen btdesk-portfölj (ingen SQLite-databas); återställ den från mappen backups eller från "
            "en kopia")),
        (r"The portfolio database (.+) is empty \(0 bytes\), perhaps from an interrupted copy; restore it from "
         r"the backups folder or a copy",
         _t("Portföljens databas %1 är tom (0 byte), kanske efter en avbruten kopiering; återställ den från "
            "mappen backups eller från en kopia")),
    ]


def _tails() -> dict[str, str]:
    from btdesk.failures import tail

    return {tail(True): _t("ingenting ändrades."),
            tail(False): _t("det som blev klart innan är sparat, och det ofullständiga steget ändrade ingenting.")}


def translate_failure(failure: BtdeskError) -> str:
    """The window's wording of a failure's sentence; its own text when the sentence is not known here."""
    text = str(failure)
    head, _, end = text.partition(" — ")
    tail = _tails().get(end)
    for pattern, wording in _heads():
        m = re.fullmatch(pattern, head)
        if m and tail is not None:
            return wording.replace("%1", m.group(1) if m.groups() else "") + " — " + tail
    return text


def unexpected() -> str:
    where = logs.log_path()
    if where is None:
        return _t("Något oväntat gick fel; berätta för supporten vad du gjorde.")
    return _t("Något oväntat gick fel; detaljerna finns i loggen %1 — skicka den filen till supporten.") \
        .replace("%1", str(where))


def describe(exc: BaseException, *, nothing_changed: bool = True, where: Path | None = None) -> str:
    """One sentence for exc; a bug is logged with its traceback first."""
    failure = explain(exc, nothing_changed=nothing_changed, where=where)
    if failure is not None:
        logs.log.warning("failed in the window: %s (%s: %s)", failure, type(exc).__name__, exc)
        return translate_failure(failure)
    if isinstance(exc, BtdeskError):
        logs.log.warning("refused in the window: %s", exc)
        return translate_failure(exc)
    logs.log.error("unexpected error in the window", exc_info=(type(exc), exc, exc.__traceback__))
    return unexpected()


def with_log(text: str) -> str:
    """The sentence and where the log is (for the message box; a status line gets the sentence)."""
    where = logs.log_path()
    if where is None or str(where) in text:
        return text
    return text + "\n\n" + _t("Loggen finns i %1.").replace("%1", str(where))


def tell(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, "btdesk", with_log(text))


def report(parent: QWidget | None, exc: BaseException, *, nothing_changed: bool = True,
           where: Path | None = None) -> str:
    text = describe(exc, nothing_changed=nothing_changed, where=where)
    tell(parent, text)
    return text


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A slot that raised: the traceback to the log, one sentence to the user; the window goes on."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    text = describe(exc)
    if QApplication.instance() is not None:
        tell(QApplication.activeWindow(), text)
    else:
        print(text, file=sys.stderr)


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log (a user never sees them on a terminal)."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        logs.log.error("Qt: %s%s", message, where)
    elif kind == QtMsgType.QtWarningMsg:
        logs.log.warning("Qt: %s%s", message, where)


def install(home: Path | None) -> Any:
    """The log, the exception hook and the Qt message handler for the window's process."""
    path = logs.setup(home)
    sys.excepthook = excepthook
    qInstallMessageHandler(qt_message)
    logs.log.info("window started")
    return path


def expected() -> tuple[type[BaseException], ...]:
    """What a slot catches and reports: a refusal, or a failure of the machine or its files;
    anything else is a bug, for the exception hook."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    return (BtdeskError, OSError, sqlite3.Error, SQLAlchemyError)


def open_log(parent: QWidget | None) -> None:
    """The log in the desktop's viewer; where there is none yet, say so in one sentence."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    where = logs.log_path()
    if where is None or not where.exists():
        tell(parent, _t("Det finns ingen logg ännu."))
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(where))):
        tell(parent, _t("Loggen kunde inte öppnas; den finns i %1.").replace("%1", str(where)))
