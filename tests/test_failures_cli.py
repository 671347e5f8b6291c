"""Every failure a user can meet is one sentence and exit code 1, no traceback, and the files
are left byte for byte as they were: a real full disk, a damaged or foreign database, a
read-only database file (for root too), a missing input file; and the log says what happened
without a secret in it."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

import nocap
from conftest import ROOT, made_profile, run_cli

DB = "portfolio.sqlite"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These sentences are checked in English (BTDESK_LANG); test_i18n.py checks the Swedish default."""
    monkeypatch.setenv("BTDESK_LANG", "en")


def one_sentence(r: subprocess.CompletedProcess[str], needle: str) -> None:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("btdesk: ") and r.stderr.rstrip().endswith(".")
    assert needle in r.stderr, r.stderr


def digest(folder: Path) -> dict[str, str]:
    """Every file's bytes: what "nothing was changed" means. Aside: the log, the lock, and SQLite's
    shared-memory index (-shm), which any reader may make; a write-ahead log must hold nothing."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or "logs" in p.parts or p.suffix == ".lock" or p.name.endswith("-shm"):
            continue
        if p.name.endswith("-wal"):
            assert p.stat().st_size == 0, "a write-ahead log holds changes"
            continue
        out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return made_profile(tmp_path / "p", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                        "--start", "2027-01-01")


@pytest.mark.parametrize("damage,needle", [
    ("garbage", "not a btdesk portfolio (not an SQLite database)"),
    ("truncated", "is damaged or is not a btdesk portfolio"),
    ("zero-byte", "is empty (0 bytes)"),
    ("foreign", "not a btdesk portfolio (it holds other tables)"),
])
def test_a_damaged_or_foreign_database_is_refused_and_left_alone(profile, damage, needle):
    db = profile / DB
    good = db.read_bytes()
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    if damage == "garbage":
        db.write_bytes(os.urandom(len(good)))
    elif damage == "truncated":
        db.write_bytes(good[: len(good) // 3])
    elif damage == "zero-byte":
        db.write_bytes(b"")
    else:
        db.unlink()
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        con.commit()
        con.close()
    before = digest(profile)
    for args in (["progress"], ["activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1"]):
        r = run_cli(*args, home=profile)
        one_sentence(r, needle)
        assert "nothing was changed" in r.stderr
        assert digest(profile) == before
    # and a zero-byte file is not taken for "no portfolio yet" by profile creation either
    r = run_cli("profile", "create", "--role", "doctor", "--name", "X", home=profile)
    assert r.returncode == 1 and digest(profile) == before


@pytest.mark.skipif(not nocap.available(), reason="setpriv is needed to drop root's CAP_DAC_OVERRIDE")
def test_a_read_only_database_file_is_one_sentence_even_for_root(profile):
    db = profile / DB
    db.chmod(0o444)
    before = digest(profile)
    cmd = [*nocap.prefix(), str(ROOT / ".venv/bin/btdesk"), "--home", str(profile),
           "activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    one_sentence(r, "The portfolio database is read-only")
    assert digest(profile) == before
    db.chmod(0o644)
    assert "ALS-kurs" not in run_cli("entries", home=profile).stdout


@pytest.mark.skipif(not nocap.available(), reason="setpriv is needed to drop root's CAP_DAC_OVERRIDE")
def test_an_unwritable_home_is_one_sentence_even_for_root(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    cmd = [*nocap.prefix(), str(ROOT / ".venv/bin/btdesk"), "--home", str(ro / "x"),
           "profile", "create", "--role", "supervisor", "--name", "A"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    one_sentence(r, "cannot write")
    assert list(ro.iterdir()) == []


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 8 MB file system, loop-mounted (root only)."""
    if os.geteuid() != 0 or not shutil.which("mkfs.ext4"):
        pytest.skip("a real full disk needs root (to loop-mount a small file system) and mkfs.ext4")
    img, mnt = tmp_path / "disk.img", tmp_path / "disk"
    mnt.mkdir()
    subprocess.run(["truncate", "-s", "8M", str(img)], check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", str(img)], check=True, capture_output=True)
    if subprocess.run(["mount", "-o", "loop", str(img), str(mnt)], capture_output=True, check=False).returncode:
        pytest.skip("this machine cannot loop-mount a file system")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
        os.fsync(f.fileno())


def test_a_full_disk_is_one_sentence_and_changes_nothing(small_disk):
    home = small_disk / "home"
    r = run_cli("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                "--start", "2027-01-01", home=home)
    assert r.returncode == 0, r.stderr
    _fill(small_disk)
    before = digest(home)
    r = run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=home)
    one_sentence(r, "The disk is full; free space and try again — nothing was changed.")
    assert digest(home) == before
    (small_disk / "filler").unlink()
    r = run_cli("entries", home=home)
    assert r.returncode == 0 and "ALS-kurs" not in r.stdout


def test_a_missing_input_file_is_one_sentence(profile, tmp_path):
    before = digest(profile)
    r = run_cli("import", str(tmp_path / "nowhere.btbundle"), home=profile)
    one_sentence(r, "nowhere.btbundle")
    assert digest(profile) == before


def test_the_log_holds_commands_refusals_and_tracebacks_but_no_secret(profile, tmp_path):
    pnr = "19840312-1234"
    r = run_cli("certificate", "bilaga1", "--out", str(tmp_path / "b1.pdf"), "--personnummer", pnr,
                "--applicant-personnummer", pnr, home=profile)
    r = run_cli("import", str(tmp_path / "nowhere.btbundle"), home=profile)
    assert r.returncode == 1
    # an unexpected error: one sentence naming the log, the traceback in the log
    crash = ("import sys; from btdesk.cli import core_cmds as c\n"
             "def boom(ctx): raise RuntimeError('kaboom ' + ctx.passphrase())\n"
             "c.cmd_progress = boom\n"
             "from btdesk.cli import main; sys.exit(main(['--home', sys.argv[1], 'progress']))")
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", crash, str(profile)], capture_output=True, text=True, env=env,
                       timeout=120, check=False)
    log = profile / "logs" / "btdesk.log"
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and str(log) in r.stderr and "Traceback" not in r.stderr
    text = log.read_text("utf-8")
    assert "command: btdesk --home" in text and "certificate bilaga1" in text
    assert "refused file" in text and "nowhere.btbundle does not exist" in text
    assert "Traceback" in text and "RuntimeError: kaboom [hidden]" in text
    passphrase = os.environ["BTDESK_PASSPHRASE"]
    assert pnr not in text and pnr.replace("-", "") not in text and passphrase not in text
    assert "PRIVATE KEY" not in text


def test_a_portfolio_left_half_upgraded_by_an_older_btdesk_is_one_sentence(tmp_path):
    """The 0001 fixture with the later tables made but alembic_version still at 0001 (what a kill
    during an in-place upgrade used to leave): refused in one sentence, the file untouched."""
    from sqlalchemy import create_engine

    from btdesk.store import schema
    from btdesk.store.migrate import upgrade

    home = tmp_path / "h"
    home.mkdir()
    db = home / DB
    shutil.copy(Path(__file__).parent / "fixtures" / "schema" / f"{schema.REVISIONS[0]}.sqlite", db)
    engine = create_engine(f"sqlite:///{db}")
    upgrade(engine)
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = ?", (schema.REVISIONS[0],))
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")  # as btdesk always left it
    con.close()
    before = digest(home)
    r = run_cli("entries", home=home)
    one_sentence(r, "left half-upgraded by an interrupted earlier upgrade")
    assert "backups" in r.stderr and digest(home) == before  # not even a backup of the damaged file


@pytest.mark.skipif(not nocap.available(), reason="setpriv is needed to drop root's CAP_DAC_OVERRIDE")
def test_an_unreadable_input_file_is_one_sentence(profile, tmp_path):
    f = tmp_path / "secret.btbundle"
    f.write_bytes(b"PK\x03\x04")
    f.chmod(0o000)
    before = digest(profile)
    cmd = [*nocap.prefix(), str(ROOT / ".venv/bin/btdesk"), "--home", str(profile), "import", str(f)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert "secret.btbundle" in r.stderr
    assert digest(profile) == before


INTERRUPTED = """
import sys
from btdesk.cli import core_cmds as c
def work(ctx):
    if sys.argv[2] == "after-a-commit":
        ctx.portfolio().set_setting("probe", "1")
    raise KeyboardInterrupt
c.cmd_progress = work
from btdesk.cli import main
sys.exit(main(["--home", sys.argv[1], "progress"]))
"""


@pytest.mark.parametrize("when,says", [
    ("before-any-commit", "nothing was changed."),
    ("after-a-commit", "what was finished before stays saved, and the unfinished step changed nothing."),
])
def test_ctrl_c_claims_nothing_changed_only_when_true(profile, when, says):
    import sys

    r = subprocess.run([sys.executable, "-c", INTERRUPTED, str(profile), when], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120, check=False)
    assert r.returncode == 130 and r.stderr == f"btdesk: interrupted; {says}\n"
