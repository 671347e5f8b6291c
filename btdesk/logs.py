"""The support log: a rotating file a user can send, never holding a secret.

It holds every command and window action that changes data, every refused file with its
reason, and every unexpected exception with its traceback (through `sys.excepthook`).
Where: `<home>/logs/btdesk.log` when the home was chosen (--home or BTDESK_HOME), else the
platform's log folder (`platformdirs.user_log_dir("btdesk")`). `log_path()` says which.

What never reaches it: passphrases (the value of BTDESK_PASSPHRASE and anything registered
with `forget_secret`), private keys (PEM blocks) and personnummer; `Redact` removes them from
every record, traceback included.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

LOG_NAME = "btdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

log = logging.getLogger("btdesk")

# 19840312-1234, 840312-1234, 198403121234, 8403121234, with + for the over-hundreds
_PERSONNUMMER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)")
_PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.DOTALL)
_secrets: set[str] = set()
_path: Path | None = None


def forget_secret(secret: str | None) -> None:
    """Never write this text (a passphrase typed at a prompt) to the log."""
    if secret:
        _secrets.add(secret)


def redact(text: str) -> str:
    for s in sorted(_secrets | _env_secrets(), key=len, reverse=True):
        text = text.replace(s, "[hidden]")
    text = _PEM.sub("[private key hidden]", text)
    return _PERSONNUMMER.sub("[personnummer hidden]", text)


def _env_secrets() -> set[str]:
    pw = os.environ.get("BTDESK_PASSPHRASE")
    return {pw} if pw else set()


class _Handler(logging.handlers.RotatingFileHandler):
    """The rotating file, silent about its own failures: on a full disk every write of the log
    fails too, and logging's default is a traceback on stderr under the one sentence the user
    is owed (the log is for support; the user's sentence never depends on it)."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class Redact(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir(home: Path | None) -> Path:
    if home is not None:
        return Path(home).expanduser() / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir("btdesk", appauthor=False))


def log_path() -> Path | None:
    """The file the log is written to, or None when no folder for it could be made."""
    return _path


def setup(home: Path | None) -> Path | None:
    """Send the `btdesk` logger to the rotating file; idempotent. A home that cannot hold a log
    falls back to the platform's log folder, and failing that logging is off (never an error)."""
    global _path
    for folder in dict.fromkeys([log_dir(home), log_dir(None)]):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _Handler(folder / LOG_NAME, maxBytes=MAX_BYTES,
                                                           backupCount=BACKUPS, encoding="utf-8", delay=False)
        except OSError:
            continue
        handler.setFormatter(Redact("%(asctime)s %(process)d %(levelname)s %(message)s"))
        for old in list(log.handlers):
            log.removeHandler(old)
            old.close()
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        _quiet_libraries(handler)
        _path = folder / LOG_NAME
        return _path
    _quiet_libraries(logging.NullHandler())
    return None


def quiet_libraries() -> None:
    """For a process that has not set up the log (no handler yet): the libraries stay silent."""
    lib = logging.getLogger("psycopg")
    if not lib.handlers:
        _quiet_libraries(logging.NullHandler())


def _quiet_libraries(handler: logging.Handler) -> None:
    """psycopg warns ("error ignored terminating <Pipeline>") when a statement in a pipeline fails
    and btdesk then retries the transaction: a handled case, for the log, never the user's terminal
    (without a handler, Python prints a library's warnings on stderr)."""
    lib = logging.getLogger("psycopg")
    for old in list(lib.handlers):
        lib.removeHandler(old)
    lib.addHandler(handler)
    lib.propagate = False


def refused(name: str | Path, why: str) -> None:
    """A file btdesk would not take, and why (the sentence the user saw)."""
    log.warning("refused file %s: %s", name, why)


def refused_all(rows: Sequence[tuple[str, str]]) -> None:
    for name, why in rows:
        refused(name, why)


def command_line(argv: Sequence[str]) -> str:
    """The command as typed, with the values of secret-bearing options hidden."""
    out, hide = [], False
    for a in argv:
        if hide:
            out.append("[hidden]")
            hide = False
            continue
        key = a.split("=", 1)[0]
        if "personnummer" in key or "passphrase" in key:
            hide = "=" not in a
            out.append(key + ("=[hidden]" if "=" in a else ""))
        else:
            out.append(a)
    return " ".join(out)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Unexpected errors: the traceback to the log, one sentence and the log's path to the user."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("unexpected error", exc_info=(kind, exc, tb))
    print(unexpected_sentence(), file=sys.stderr)


def unexpected_sentence() -> str:
    where = log_path()
    return ("btdesk: something unexpected went wrong; " +
            (f"the details are in {where} — please send that file to support." if where else
             "please report what you were doing to support."))


def install_excepthook() -> None:
    sys.excepthook = excepthook
