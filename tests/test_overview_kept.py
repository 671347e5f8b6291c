"""The overview's figures kept from the last start (btdesk.services.overview_cache): the next start
shows them before the portfolio is open, but only while they are current — any change to the
data, the day or the language makes the window compute them again."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import run_cli


@pytest.fixture
def demo_home(tmp_path: Path) -> Path:
    from btdesk.services.demo import create_demo

    home = tmp_path / "demo"
    create_demo(home).close()
    return home


def _overview_texts(w) -> list[str]:
    """What the overview shows: name, summary, month bar, phase and every delmål cell."""
    o = w.views["Översikt"]
    cells = [o.delmal.item(r, c).text() for r in range(o.delmal.rowCount()) for c in range(o.delmal.columnCount())]
    return [o.title.text(), o.summary.text(), o.months.text(), o.phase.text(), o.due.text(), o.warnings.text(), *cells]


def _start(qtbot, home: Path):
    """A window started as the app starts it; returns it, once its portfolio is open, and what
    the overview showed when data_shown fired (and whether the portfolio was open by then)."""
    from ui.main_window import MainWindow

    w = MainWindow(home, defer=True)
    qtbot.addWidget(w)
    seen: dict = {}
    w.data_shown.connect(lambda: seen.update(texts=_overview_texts(w), open=w.portfolio is not None))
    with qtbot.waitSignal(w.portfolio_loaded, timeout=20000):
        w.show()
    return w, seen


def test_second_start_shows_the_kept_figures_before_the_portfolio_opens_and_they_are_the_computed_ones(
        qtbot, own_qsettings, demo_home):
    w, first = _start(qtbot, demo_home)
    assert first["open"]  # nothing kept yet: the figures came with the portfolio
    w.close()
    w, second = _start(qtbot, demo_home)
    assert not second["open"]  # shown from the kept copy, the portfolio still opening
    assert second["texts"][0] == "Amira Haddad" and len(second["texts"]) == 6 + 18 * 4
    assert second["texts"] == first["texts"] == _overview_texts(w)  # the same as computed now
    w.close()


def test_a_change_since_the_last_start_is_never_shown_from_the_kept_copy(qtbot, own_qsettings, demo_home):
    w, _ = _start(qtbot, demo_home)
    w.close()
    r = run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=demo_home)
    assert r.returncode == 0, r.stderr
    w, seen = _start(qtbot, demo_home)
    assert seen["open"]  # stale copy: not shown; the figures were computed with the new activity
    row = next(r for r in range(18) if w.views["Översikt"].delmal.item(r, 0).text() == "BT1")
    assert seen["texts"][6 + row * 4 + 2] == w.views["Översikt"].delmal.item(row, 2).text()
    w.close()


def test_the_kept_copy_is_current_only_for_the_same_data_day_and_language(demo_home):
    from btdesk.services import overview_cache
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.progress import progress

    today = date(2027, 6, 1)
    with Portfolio.open(demo_home) as p:
        pr = progress(p, today)
    overview_cache.save(demo_home, overview_cache.cache_key(demo_home, today), pr)
    kept = overview_cache.load(demo_home, today)
    assert kept is not None and kept.to_dict() == pr.to_dict() | {"plan_warnings": kept.to_dict()["plan_warnings"]}
    assert [w.message for w in kept.plan_warnings] == [w.message for w in pr.plan_warnings]
    assert overview_cache.load(demo_home, today + timedelta(days=1)) is None  # months served move with the day
    from btdesk import i18n

    i18n.set_language("en")
    assert overview_cache.load(demo_home, today) is None  # delmål titles are in the language
    i18n.set_language("sv")
    assert overview_cache.load(demo_home, today) is not None


def test_a_damaged_kept_copy_is_ignored(demo_home):
    from btdesk.services import overview_cache

    (demo_home / overview_cache.CACHE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (demo_home / overview_cache.CACHE_FILE).write_text('{"key": ', encoding="utf-8")
    assert overview_cache.load(demo_home) is None
    (demo_home / overview_cache.CACHE_FILE).write_text('{"key": null, "progress": {}}', encoding="utf-8")
    assert overview_cache.load(demo_home) is None


def test_a_changed_trust_verdict_changes_the_data_stamp(demo_home):
    """What counts depends on the kept verdicts (record_trust), not only on the records."""
    import sqlite3

    from btdesk.store.stamp import data_stamp

    db = demo_home / "portfolio.sqlite"
    before = data_stamp(db)
    conn = sqlite3.connect(db)
    with conn:
        (h,) = conn.execute("SELECT hash FROM record_trust WHERE status != 'unconfirmed' LIMIT 1").fetchone()
        conn.execute("UPDATE record_trust SET status = 'unconfirmed' WHERE hash = ?", (h,))
    conn.close()
    assert before is not None and data_stamp(db) not in (None, before)


def test_closing_after_an_edit_keeps_current_figures_for_the_next_start(qtbot, own_qsettings, demo_home):
    from btdesk.services import entries, overview_cache
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.progress import progress

    w, _ = _start(qtbot, demo_home)
    entries.save_activity(w.portfolio, type="course", title="ALS-kurs", date=date.today(), hours=8,
                          delmal=["BT1"])  # an edit during the session: the kept copy is stale now
    assert overview_cache.load(demo_home) is None
    w.close()
    kept = overview_cache.load(demo_home)
    with Portfolio.open(demo_home) as p:
        now = progress(p)
    assert kept is not None and [d.evidence for d in kept.delmal] == [d.evidence for d in now.delmal]
