"""The plan check of a programme (HSLF-FS 2021:8): months, sites, overlaps, order, in Swedish."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from btdesk.programme import (
    PlanWarning,
    check_plan,
    load_programme,
    sv_months,
)

D = dt.date


@dataclass
class Placement:
    kind: str
    site: str
    start: dt.date
    end: dt.date
    percent: int | None = 100


def test_swedish_month_notation():
    assert sv_months(2.5) == "2,5 månader"
    assert sv_months(3) == "3,0 månader"  # one decimal everywhere
    assert sv_months(1) == "1,0 månad"
    assert sv_months(2.96) == "2,9 månader"  # never rounded up to the 3 it falls short of
    assert sv_months(0) == "0,0 månader"


# --- plan rules -------------------------------------------------------------------------------

def stockholm_plan(percent=100):
    return [
        Placement("allmanmedicin", "Rinkeby vårdcentral", D(2027, 1, 1), D(2027, 4, 30), percent),
        Placement("akut_sjukvard", "Södersjukhuset", D(2027, 5, 1), D(2027, 8, 31), percent),
        Placement("geriatrik", "Dalens sjukhus", D(2027, 9, 1), D(2027, 10, 31), percent),
        Placement("psykiatri", "Psykiatri Södra Stockholm", D(2027, 11, 1), D(2027, 12, 31), percent),
    ]


def codes(warnings):
    assert all(isinstance(w, PlanWarning) for w in warnings)
    return [w.code for w in warnings]


def test_good_stockholm_plan_gives_no_warnings():
    assert check_plan(load_programme("stockholm"), stockholm_plan()) == []


def test_good_skane_plan_gives_no_warnings():
    plan = [
        Placement("akuta_forlopp", "Skånes universitetssjukhus Lund", D(2027, 2, 1), D(2027, 5, 31)),
        Placement("psykiatri", "Vuxenpsykiatri Lund", D(2027, 6, 1), D(2027, 9, 30)),
        Placement("primarvard", "Vårdcentralen Södra Sandby", D(2027, 10, 1), D(2028, 1, 31)),
    ]
    assert check_plan(load_programme("skane"), plan) == []


def test_half_time_halves_the_months():
    p = load_programme("stockholm")
    # A whole year at 50 % is exactly the 6-month minimum, but akut and primärvård are 2 each.
    warnings = check_plan(p, stockholm_plan(percent=50))
    assert codes(warnings) == ["akut_too_short", "primarvard_too_short", "plan_shorter"] + ["kind_shorter"] * 4
    assert warnings[0].message == "Planen har 2,0 månader akut sjukvård; minst 3 krävs (HSLF-FS 2021:8)."
    assert warnings[1].message == "Planen har 2,0 månader primärvård; minst 3 krävs (HSLF-FS 2021:8)."
    assert warnings[2].message == ("Planen motsvarar 6,0 månader på heltid; programmet Region Stockholm – "
                                   "bastjänstgöring omfattar 12,0 månader.")
    assert warnings[3].message == ("Placeringen Allmänmedicin motsvarar 2,0 månader på heltid; "
                                   "programmet anger 4,0 månader.")


def test_percent_missing_falls_back_to_bt_percent():
    p = load_programme("stockholm")
    assert codes(check_plan(p, stockholm_plan(percent=None), bt_percent=50)) == [
        "akut_too_short", "primarvard_too_short", "plan_shorter"] + ["kind_shorter"] * 4
    assert check_plan(p, stockholm_plan(percent=None)) == []


def test_too_little_akut_warns_with_decimal_comma():
    p = load_programme("stockholm")
    plan = stockholm_plan()
    # Five months at half time: 2.5 months full time.
    plan[1] = Placement("akut_sjukvard", "Södersjukhuset", D(2027, 5, 1), D(2027, 9, 30), 50)
    plan[2] = Placement("geriatrik", "Dalens sjukhus", D(2027, 10, 1), D(2027, 11, 30))
    plan[3] = Placement("psykiatri", "Psykiatri Södra Stockholm", D(2027, 12, 1), D(2028, 1, 31))
    warnings = check_plan(p, plan)
    assert warnings[0] == PlanWarning(
        "akut_too_short", "Planen har 2,5 månader akut sjukvård; minst 3 krävs (HSLF-FS 2021:8).")
    assert codes(warnings) == ["akut_too_short", "plan_shorter", "kind_shorter"]


def test_short_bt_warns():
    p = load_programme("stockholm")
    plan = [
        Placement("allmanmedicin", "Rinkeby vårdcentral", D(2027, 1, 1), D(2027, 3, 31)),
        Placement("akut_sjukvard", "Södersjukhuset", D(2027, 4, 1), D(2027, 6, 15)),
    ]
    warnings = check_plan(p, plan)
    assert "total_too_short" in codes(warnings)
    total = next(w for w in warnings if w.code == "total_too_short")
    assert total.message.startswith("Planen motsvarar 5,5 månader på heltid; ")
    assert "akut_too_short" in codes(warnings)
    assert [w.code for w in warnings if w.code == "kind_missing"] == ["kind_missing", "kind_missing"]


def test_five_sites_warn():
    p = load_programme("stockholm")
    plan = stockholm_plan()
    plan[1] = Placement("akut_sjukvard", "Södersjukhuset", D(2027, 5, 1), D(2027, 6, 30))
    plan.insert(2, Placement("akut_sjukvard", "Karolinska Huddinge", D(2027, 7, 1), D(2027, 8, 31)))
    assert check_plan(p, plan) == [PlanWarning(
        "too_many_sites", "Planen har 5 tjänstgöringsställen; högst 4 rekommenderas (HSLF-FS 2021:8).")]


def test_same_site_spelled_twice_is_one_site():
    p = load_programme("stockholm")
    plan = stockholm_plan()
    plan[1] = Placement("akut_sjukvard", "Södersjukhuset", D(2027, 5, 1), D(2027, 6, 30))
    plan.insert(2, Placement("akut_sjukvard", " södersjukhuset", D(2027, 7, 1), D(2027, 8, 31)))
    assert check_plan(p, plan) == []


def test_overlap_warns():
    p = load_programme("stockholm")
    plan = stockholm_plan()
    plan[2] = Placement("geriatrik", "Dalens sjukhus", D(2027, 8, 15), D(2027, 10, 31))
    warnings = check_plan(p, plan)
    # the overlapping half month is served once, so the placements fall short of their kinds
    assert codes(warnings) == ["kind_shorter", "overlap"]
    assert warnings[1].message == (
        "Placeringarna Akut sjukvård (Södersjukhuset) och Geriatrik (Dalens sjukhus) "
        "överlappar 2027-08-15–2027-08-31.")


def test_two_half_time_placements_side_by_side_are_fine():
    p = load_programme("skane")
    plan = [
        Placement("akuta_forlopp", "SUS Malmö", D(2027, 1, 1), D(2027, 4, 30)),
        Placement("psykiatri", "Vuxenpsykiatri Malmö", D(2027, 5, 1), D(2027, 12, 31), 50),
        Placement("primarvard", "Vårdcentralen Limhamn", D(2027, 5, 1), D(2027, 12, 31), 50),
    ]
    assert check_plan(p, plan) == []


def test_end_before_start_and_unknown_kind_warn():
    p = load_programme("stockholm")
    plan = stockholm_plan() + [
        Placement("kirurgi", "Danderyds sjukhus", D(2028, 1, 1), D(2028, 1, 31)),
        Placement("geriatrik", "Dalens sjukhus", D(2028, 3, 1), D(2028, 2, 1)),
    ]
    warnings = check_plan(p, plan)
    assert codes(warnings) == ["unknown_kind", "end_before_start", "too_many_sites"]
    assert '"kirurgi"' in warnings[0].message
    assert warnings[1].message == (
        "Placeringen Geriatrik (Dalens sjukhus) slutar 2028-02-01, före sin start 2028-03-01.")


def test_fixed_order_is_checked():
    p = dataclasses.replace(load_programme("skane"), order="fixed")
    plan = [
        Placement("primarvard", "Vårdcentralen Limhamn", D(2027, 1, 1), D(2027, 4, 30)),
        Placement("psykiatri", "Vuxenpsykiatri Malmö", D(2027, 5, 1), D(2027, 8, 31)),
        Placement("akuta_forlopp", "SUS Malmö", D(2027, 9, 1), D(2027, 12, 31)),
    ]
    assert codes(check_plan(p, plan)) == ["order"]
    assert check_plan(load_programme("skane"), plan) == []


def test_plan_warnings_are_swedish_sentences():
    p = load_programme("stockholm")
    plan = [Placement("psykiatri", "A", D(2027, 1, 1), D(2027, 1, 31)),
            Placement("psykiatri", "B", D(2027, 1, 1), D(2027, 1, 31))]
    for w in check_plan(p, plan):
        assert w.message[0].isupper() and w.message.endswith(".") and "\n" not in w.message
        assert not re.search(r"\d\.\d", w.message.replace("2021:8", "")), w.message  # decimal comma
