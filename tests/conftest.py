"""Test setup as Vorta does it: no test touches the real keyring, the real home or a display."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["BTDESK_PASSPHRASE"] = "correct horse battery staple"
# child processes (CLI tests) see the in-memory keyring too: each gets its own, empty one,
# so their keys fall back to nothing shared; they use the passphrase file when told to
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
sys.path.insert(0, str(TESTS))
# shared fixtures: the in-memory keyring (memory_keyring, no_keyring) and a PostgreSQL cluster (pg_url)
pytest_plugins = ["memkeyring", "pg"]


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own home and settings, and the headless keyring situation."""
    monkeypatch.setenv("BTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "userhome"))
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    yield


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def doctor(home):
    """A Stockholm doctor with a plan of four placements starting 2027-01-01."""
    from btdesk.services import bt
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.create(home, name="Amira Haddad", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    bt.set_bt(p, start="2027-01-01", huvudhandledare="Dr Karin Lind")
    bt.add_placement(p, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                     start="2027-01-01", end="2027-04-30")
    bt.add_placement(p, kind="allmanmedicin", site="VC Gubbängen", supervisor="Dr Sara Nilsson",
                     start="2027-05-01", end="2027-08-31")
    bt.add_placement(p, kind="geriatrik", site="Dalens sjukhus", supervisor="Dr Olof Ek",
                     start="2027-09-01", end="2027-10-31")
    bt.add_placement(p, kind="psykiatri", site="Psykiatri Södra", supervisor="Dr Maria Holm",
                     start="2027-11-01", end="2027-12-31")
    yield p
    p.close()


def run_cli(*args: str, home: Path | None = None, env: dict | None = None, input: str | None = None,
            timeout: float = 120):
    """Run the real `btdesk` command in a child process, as a user would."""
    import subprocess

    cmd = [str(ROOT / ".venv" / "bin" / "btdesk") if (ROOT / ".venv/bin/btdesk").exists() else "btdesk"]
    if home is not None:
        cmd += ["--home", str(home)]
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=e, input=input,
                          timeout=timeout)


_TEMPLATES: list[Path] = []  # the folder made profiles are kept in for this run (shared by the xdist workers)


@pytest.fixture(scope="session", autouse=True)
def _made_profiles(tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # one run's workers share it
    _TEMPLATES[:] = [shared / "made-profiles"]
    _TEMPLATES[0].mkdir(exist_ok=True)
    yield


@pytest.fixture(scope="session", autouse=True)
def _compiled_sources(_made_profiles):
    """Where PYTHONDONTWRITEBYTECODE is set (CI here), every `btdesk` a test starts compiled each of
    our modules it imports from source again: some 700 commands a run. Compiled once instead, as
    an installed btdesk ships them; Python still checks each against its source before using it."""
    import compileall
    import fcntl

    with open(_TEMPLATES[0] / "compile.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker compiles, the other finds it done
        for package in ("btdesk", "ui"):
            compileall.compile_dir(ROOT / package, quiet=1)
    yield


def made_profile(home: Path, *create_args: str, then: tuple[tuple[str, ...], ...] = (),
                 env: dict | None = None, command: tuple[str, ...] = ("profile", "create")) -> Path:
    """HOME as `btdesk profile create CREATE_ARGS` (or COMMAND CREATE_ARGS, e.g. `demo`), then the
    commands in THEN, leaves it.

    The real commands run once per test run for each distinct list; each test then gets its own copy
    (a profile is a folder, and nothing in it names its path except the log). For tests that need a
    profile to work on; a test about making one runs the command itself. Two homes made from the same
    list in one test would share a key: such a test makes its second one itself."""
    import fcntl
    import hashlib
    import shutil

    run_env = {**os.environ, **(env or {})}
    lang = [run_env.get(k, "") for k in ("BTDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    key = hashlib.sha256(repr((command, create_args, then, lang)).encode()).hexdigest()[:16]
    template = _TEMPLATES[0] / key
    with open(_TEMPLATES[0] / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other worker may be making the same one
        if not template.exists():
            building = _TEMPLATES[0] / f"{key}.building"
            shutil.rmtree(building, ignore_errors=True)
            for args in ((*command, *create_args), *then):
                r = run_cli(*args, home=building, env=env)
                assert r.returncode == 0, (args, r.stdout, r.stderr)
            building.rename(template)
    shutil.copytree(template, home, dirs_exist_ok=True)
    log = home / "logs" / "btdesk.log"
    log.write_text(log.read_text("utf-8").replace(str(template.with_name(f"{key}.building")), str(home)), "utf-8")
    return home


@pytest.fixture(autouse=True)
def _own_qt_settings_and_language(tmp_path):
    """QSettings keeps the file it first used for the whole process, and a window's translator stays
    installed on the application: without this, a test that chose English, or left the unit on its
    Statistik page, changed what later tests in the same worker saw."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield
    qt_language = sys.modules.get("ui.i18n")
    if qt_language is not None and getattr(qt_language, "_installed", None) is not None:
        from PySide6.QtCore import QCoreApplication, QLocale

        app = QCoreApplication.instance()
        if app is not None:
            app.removeTranslator(qt_language._installed)
        qt_language._installed = None
        QLocale.setDefault(qt_language.locale_for("sv"))


@pytest.fixture(autouse=True)
def core_language_from_environment():
    """A window test fixes the core's language for its process (ui.i18n.install): undo it after."""
    yield
    from btdesk import i18n

    i18n.set_language(None)


@pytest.fixture
def english(monkeypatch):
    """The core speaks English in this test, in process and in the CLI it starts (tests that check the
    English sentences: `pytestmark = pytest.mark.usefixtures("english")`)."""
    from btdesk import i18n

    monkeypatch.setenv("BTDESK_LANG", "en")
    i18n.set_language(None)


@pytest.fixture
def own_qsettings(tmp_path):
    """QSettings caches its file per process: point it at this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


@pytest.fixture
def doctor_window(qtbot, home, doctor):
    """The doctor's window, shown and active (shortcuts need an active window)."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()  # offscreen does not activate on show
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    w.portfolio = None  # the doctor fixture closes the portfolio


@pytest.fixture
def real_message_boxes(closing_waits_for_running_jobs, monkeypatch):
    """For a test that answers a real message box by clicking its button (it finds the modal)."""
    from PySide6.QtWidgets import QMessageBox

    for name, box in _REAL_BOXES.items():
        monkeypatch.setattr(QMessageBox, name, box)


_REAL_BOXES: dict = {}


def _unanswered(kind: str):
    def box(_parent, _title, text, *args, **kwargs):
        raise AssertionError(f"an unanswered QMessageBox.{kind} would block offscreen: {text}")
    return box


@pytest.fixture(autouse=True)
def closing_waits_for_running_jobs(request, monkeypatch):
    """A test that closes a window while a background job of it still runs (its start-up load,
    a refresh) would block on the modal "btdesk arbetar fortfarande" question that nobody answers
    offscreen. Closing in a test lets the jobs finish first, then closes, unless the test answers
    the question itself (it patched QMessageBox.question)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QMessageBox

    from ui import worker
    from ui.main_window import MainWindow

    real_close_anyway = MainWindow._close_anyway
    # a modal box nobody answers offscreen would block the test until its timeout: fail at once
    # instead, with the text, unless the test answers such boxes itself (it patches them again)
    for name in ("information", "warning", "critical", "question"):
        _REAL_BOXES.setdefault(name, getattr(QMessageBox, name))
        monkeypatch.setattr(QMessageBox, name, _unanswered(name))
    real_question = QMessageBox.question

    def close_after_jobs(self) -> bool:
        if QMessageBox.question is not real_question:
            return real_close_anyway(self)
        for _ in range(1200):  # jobs end or fail within the test's own limits: a bound, not a wait
            if not worker.running(self):
                break
            QThreadPool.globalInstance().waitForDone(100)
            QCoreApplication.processEvents()
        return True

    monkeypatch.setattr(MainWindow, "_close_anyway", close_after_jobs)
    yield


def pytest_collection_modifyitems(config, items):
    """The long tests first (the frozen build, the kill and fuzz trials): with two workers the rest
    fills in beside them, instead of one worker running a long test alone at the end."""
    long_modules = ("test_frozen", "test_migration_kills", "test_hostile_senders", "test_trust_foreign",
                    "test_calendar_e2e", "test_trust_roles")

    def rank(item):
        module = item.module.__name__ if getattr(item, "module", None) else ""
        return 0 if item.get_closest_marker("slow") else 1 if module in long_modules else 2

    items.sort(key=rank)  # stable: the order within each rank stays as collected
