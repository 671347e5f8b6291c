"""`btdesk selftest`: is this installation sound? Each check says what it found."""
from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

Check = tuple[bool, str, str]
QtCheck = Callable[[], list[Check]]  # the window package's own checks


def _resources() -> Check:
    try:
        from btdesk.programme import list_programmes
        from btdesk.resources import resource_root

        progs = list_programmes()
        return True, "resources", f"{resource_root()} ({len(progs)} programmes: {', '.join(p.id for p in progs)})"
    except Exception as e:  # noqa: BLE001 - a self-test reports any failure, it never crashes
        return False, "resources", str(e)


def _database(home: Path) -> Check:
    from btdesk.services.portfolio import DB_NAME

    db = home / DB_NAME
    try:
        if db.exists():
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            result = con.execute("PRAGMA quick_check").fetchone()[0]
            con.close()
            if result != "ok":
                return False, "database", f"{db} is damaged: {result}"
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".selftest-", suffix=".sqlite") as f:
            con = sqlite3.connect(f.name)
            con.execute("CREATE TABLE t(x)")
            con.commit()
            con.close()
        return True, "database", f"{home} is writable" + (f"; {db.name} passes its check" if db.exists() else "")
    except Exception as e:  # noqa: BLE001 - a self-test reports any failure
        return False, "database", f"cannot write a database in {home}: {e}"


def _pdf_font() -> Check:
    try:
        from btdesk.resources import resource_path

        font = resource_path("fonts", "DejaVuSans.ttf")
        from reportlab.pdfbase.ttfonts import TTFont

        tt = TTFont("selftest", str(font))
        missing = [c for c in "åäöÅÄÖé" if ord(c) not in tt.face.charToGlyph]
        if missing:
            return False, "PDF font", f"{font.name} lacks {''.join(missing)}"
        return True, "PDF font", f"{font.name} covers å ä ö"
    except Exception as e:  # noqa: BLE001 - a self-test reports any failure
        return False, "PDF font", str(e)


def _keyring() -> Check:
    try:
        from importlib.metadata import entry_points

        import keyring

        from btdesk.identity import usable_keyring

        # backends are found through entry points, which a frozen app can lose
        known = sorted(ep.name for ep in entry_points(group="keyring.backends"))
        if not known:
            return False, "keyring", "no keyring backends are known (lost in packaging?)"
        kr = usable_keyring()
        name = type(keyring.get_keyring()).__module__ + "." + type(keyring.get_keyring()).__name__
        detail = (f"{name} (private keys in the system keyring)" if kr is not None else
                  f"{name}: no usable system keyring, so private keys are kept in a "
                  "passphrase-encrypted file")
        return True, "keyring", f"{detail}; backends known: {', '.join(known)}"
    except Exception as e:  # noqa: BLE001 - a self-test reports any failure
        return False, "keyring", str(e)


def run_checks(home: Path, qt_check: QtCheck | None) -> list[Check]:
    checks = [_resources(), _database(home), _pdf_font(), _keyring()]
    if qt_check is None:
        checks.append((True, "Qt", "not checked (the command line was started without the window package)"))
    else:
        checks.extend(qt_check())
    return checks
