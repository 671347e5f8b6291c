"""A doctor five months into BT, at 75 %, with two weeks of sick leave and a month of parental
leave: `progress` (table and json), the overview, the dossier's cover and Bilaga 3 state only
time served (full-time months, leave taken out), never planned time as served, and agree to the
tenth of a month. The expected figures are worked out here, day by day, from the dates alone
(the rule a study director uses: a day weighs 1/(days in its month), at 75 %, none on leave)."""
from __future__ import annotations

import calendar
import json
import re
import subprocess
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import run_cli

DAY = timedelta(days=1)
PERCENT = Fraction(75, 100)


def _shift(d: date, months: int) -> date:
    """The same day `months` later (earlier if negative); day numbers above 28 are taken as 28."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, 28))


def _days(a: date, b: date):
    while a <= b:
        yield a
        a += DAY


def _tenth(x: Fraction) -> str:
    """Cut (never rounded up) to one decimal, with a decimal comma."""
    t = int(x * 10)
    return f"{t // 10},{t % 10}"


def _hundredth(x: Fraction) -> str:
    h = int(x * 100)
    return f"{h // 100},{h % 100:02d}"


def _fte(days) -> Fraction:
    return sum((PERCENT / calendar.monthrange(d.year, d.month)[1] for d in days), Fraction(0))


class Plan:
    """The dates, and the figures worked out from them by hand."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.start = s = _shift(today, -5)
        self.placements = [("akut_sjukvard", "Södersjukhuset", s, _shift(s, 4) - DAY),
                           ("allmanmedicin", "VC Gubbängen", _shift(s, 4), _shift(s, 8) - DAY),
                           ("geriatrik", "Dalens sjukhus", _shift(s, 8), _shift(s, 10) - DAY),
                           ("psykiatri", "Psykiatri Södra", _shift(s, 10), _shift(s, 12) - DAY)]
        sick = _shift(s, 1) + 2 * DAY
        self.leave = [("sjukfranvaro", sick, sick + 13 * DAY),  # two weeks
                      ("foraldraledighet", _shift(s, 2), _shift(s, 3) - DAY)]  # a month
        off = {d for _t, a, b in self.leave for d in _days(a, b)}
        akut_end, plan_end = self.placements[0][3], self.placements[-1][3]
        self.akut = _fte(d for d in _days(s, akut_end) if d not in off)
        self.primarvard = _fte(_days(_shift(s, 4), today))
        self.primarvard_planned = _fte(_days(*self.placements[1][2:]))
        self.served = _fte(d for d in _days(s, today) if d not in off)
        self.leave_taken = _fte(d for d in _days(s, today) if d in off)
        self.planned = _fte(d for d in _days(s, plan_end) if d not in off)
        self.off = off


@pytest.fixture(scope="module")
def five_months(tmp_path_factory) -> tuple[Path, Plan]:
    home = tmp_path_factory.mktemp("five") / "home"
    plan = Plan(date.today())  # progress, the dossier and Bilaga 3 are all dated today
    steps = [("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
              "--start", plan.start.isoformat(), "--percent", "75")]
    steps += [("placement", "add", "--kind", k, "--site", site, "--start", a.isoformat(), "--end", b.isoformat())
              for k, site, a, b in plan.placements]
    steps += [("leave", "add", "--type", t, "--start", a.isoformat(), "--end", b.isoformat()) for t, a, b in plan.leave]
    for step in steps:
        r = run_cli(*step, home=home)
        assert r.returncode == 0, r.stderr
    return home, plan


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_progress_json_and_table_state_the_months_worked_out_by_hand(five_months):
    home, plan = five_months
    r = run_cli("progress", "--format", "json", home=home)
    assert r.returncode == 0, r.stderr
    pr = json.loads(r.stdout)
    shown = {k: f"{pr[k]:.1f}".replace(".", ",") for k in
             ("months_served", "primarvard_months", "akut_months", "leave_months", "months_planned")}
    assert shown == {"months_served": _tenth(plan.served), "primarvard_months": _tenth(plan.primarvard),
                     "akut_months": _tenth(plan.akut), "leave_months": _tenth(plan.leave_taken),
                     "months_planned": _tenth(plan.planned)}
    # the akut placement has ended, so it is all served; nothing of the two planned ones is
    assert [pl["state"] for pl in pr["placements"]] == ["served", "current", "planned", "planned"]
    assert [pl["served_months"] for pl in pr["placements"][2:]] == [0.0, 0.0]
    table = run_cli("progress", home=home)
    assert table.returncode == 0, table.stderr
    assert (f"Tid: {_tenth(plan.served)} av 12,0 månader tjänstgjorda · planerat: {_tenth(plan.planned)}"
            in table.stdout)
    assert (f"Primärvård {_tenth(plan.primarvard)} tjänstgjorda (planerat {_tenth(plan.primarvard_planned)}); "
            f"akut sjukvård "
            f"{_tenth(plan.akut)} tjänstgjorda" in table.stdout)


def test_the_dossier_cover_states_served_time_as_worked_out(five_months, tmp_path):
    home, plan = five_months
    pdf = tmp_path / "underlag.pdf"
    r = run_cli("dossier", "--out", str(pdf), home=home)
    assert r.returncode == 0, r.stderr
    text = _pdf_text(pdf)
    assert f"Tjänstgöring {_tenth(plan.served)} av 12,0 månader tjänstgjorda · planerat: {_tenth(plan.planned)}" in text
    assert (f"Primärvård / akut sjukvård {_tenth(plan.primarvard)} / {_tenth(plan.akut)} månader tjänstgjorda"
            in text)
    assert "(planerat)" in text and "uppfyllt" in text and "– uppfyllt" not in text  # no minimum is met yet


def test_bilaga3_lists_only_days_served_and_sums_to_the_served_time(five_months, tmp_path):
    home, plan = five_months
    refused = run_cli("certificate", "bilaga3", "--out", str(tmp_path / "b3.pdf"), home=home)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and not (tmp_path / "b3.pdf").exists()
    pdf = tmp_path / "b3-draft.pdf"
    r = run_cli("certificate", "bilaga3", "--draft", "--out", str(pdf), home=home)
    assert r.returncode == 0, r.stderr
    text = _pdf_text(pdf)
    summa = re.search(r"Summa (\d+,\d\d)", text)
    assert summa and summa.group(1) == _hundredth(plan.served)
    assert summa.group(1)[:-1] == _tenth(plan.served)  # the same tenth as progress and the dossier
    table = text[:summa.start()]  # the service list's rows come before its Summa
    periods = [(date.fromisoformat("20" + a[:2] + "-" + a[2:4] + "-" + a[4:]),
                date.fromisoformat("20" + b[:2] + "-" + b[2:4] + "-" + b[4:]))
               for a, b in re.findall(r"\b(\d{6})-(\d{6})\b", table)]
    assert periods and max(b for _a, b in periods) <= plan.today  # no future service
    assert not any(d in plan.off for a, b in periods for d in _days(a, b))  # no day on leave
    assert _fte(d for a, b in periods for d in _days(a, b)) == plan.served  # and every day served


def test_the_overview_shows_the_same_served_months(five_months, qtbot, own_qsettings):
    from ui.main_window import MainWindow

    home, plan = five_months
    w = MainWindow(home, defer=True)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.portfolio_loaded, timeout=20000):
        w.show()
    o = w.views["Översikt"]
    summary = o.summary.text()
    assert f"{_tenth(plan.served)} av 12,0 månader tjänstgjorda · planerat: {_tenth(plan.planned)}" in summary
    assert f"primärvård {_tenth(plan.primarvard)} tjänstgjorda" in summary
    assert f"akut sjukvård {_tenth(plan.akut)} tjänstgjorda" in summary
    assert f"ledighet {_tenth(plan.leave_taken)} hittills" in summary
    assert o.months.text().startswith(f"{_tenth(plan.served)} av 12,0 månader tjänstgjorda")
    w.close()
