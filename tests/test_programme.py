"""Programmes as data: the shipped files, the loader's error messages and the plan rules."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from btdesk.errors import BtdeskError
from btdesk.programme import (
    PlanWarning,
    Programme,
    ProgrammeError,
    check_file,
    check_plan,
    list_programmes,
    load_programme,
    programmes_dir,
    sv_months,
)
from btdesk.resources import resource_path

D = dt.date
BT_IDS = [f"BT{n}" for n in range(1, 19)]


@dataclass
class Placement:
    kind: str
    site: str
    start: dt.date
    end: dt.date
    percent: int | None = 100


def assessments_by_instrument(kind) -> Counter:
    c: Counter = Counter()
    for item in kind.checklist:
        if item.type == "assessment":
            c[item.instrument] += item.min_count
    return c


# --- the shipped files ------------------------------------------------------------------------

def test_both_shipped_programmes_load():
    progs = list_programmes()
    assert [p.id for p in progs] == ["skane", "stockholm"]
    for p in progs:
        assert isinstance(p, Programme)
        assert p.path == programmes_dir() / f"{p.id}.toml"
        assert p.source.strip() and p.region.startswith("Region ")
        # Nothing has been checked against official text yet; the file must say so.
        assert p.verified is False
        assert p.handover_talk is True


def test_schema_is_valid_draft_2020_12():
    schema = json.loads(resource_path("schema", "programme.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("pid", ["stockholm", "skane"])
def test_each_programme_has_the_18_delmal(pid):
    p = load_programme(pid)
    assert [d.id for d in p.delmal] == BT_IDS
    assert all(d.kompetenskrav and d.title for d in p.delmal)
    assert all(d.verified is False for d in p.delmal)
    assert p.delmal_by_id("BT18").title == "Dödsbevis och dödsorsaksintyg"
    assert "kunna bedöma suicidrisk och initiera vidare handläggning" in p.delmal_by_id("BT2").kompetenskrav


def test_both_regions_share_the_same_delmal_text():
    sthlm, skane = load_programme("stockholm"), load_programme("skane")
    assert sthlm.delmal == skane.delmal


def test_stockholm_placements():
    p = load_programme("stockholm")
    assert p.order == "any"
    assert p.default_supervision_interval_days == 14
    got = {k.id: (k.name, k.months, k.counts_as, k.supervision_interval_days) for k in p.placement_kinds}
    assert got == {
        "allmanmedicin": ("Allmänmedicin", 4, frozenset({"primarvard"}), 7),
        "akut_sjukvard": ("Akut sjukvård", 4, frozenset({"akut"}), 14),
        "geriatrik": ("Geriatrik", 2, frozenset(), 14),
        "psykiatri": ("Psykiatri", 2, frozenset(), 14),
    }
    assert sum(k.months for k in p.placement_kinds) == 12


def test_skane_three_blocks_of_four_months():
    p = load_programme("skane")
    assert [(k.id, k.months) for k in p.placement_kinds] == [
        ("psykiatri", 4), ("primarvard", 4), ("akuta_forlopp", 4)]
    assert p.kind("primarvard").counts_as == {"primarvard"}
    assert p.kind("akuta_forlopp").counts_as == {"akut"}
    assert p.kind("psykiatri").counts_as == frozenset()
    assert {k.supervision_interval_days for k in p.placement_kinds} == {14}


@pytest.mark.parametrize("pid", ["stockholm", "skane"])
def test_checklists_are_complete_and_consistent(pid):
    p = load_programme(pid)
    ids = [it.id for k in p.placement_kinds for it in k.checklist]
    assert len(ids) == len(set(ids)), "checklist ids are unique programme-wide"
    covered = set()
    for k in p.placement_kinds:
        assert 6 <= len(k.checklist) <= 12, k.id
        types = {it.type for it in k.checklist}
        # Every placement has something to do, something assessed and something to talk about.
        assert {"activity", "assessment", "supervision_topic"} <= types, k.id
        for it in k.checklist:
            covered.update(it.delmal)
            if it.type == "assessment":
                assert p.instrument(it.instrument) and it.min_count >= 1
            else:
                assert it.instrument is None
    # A BT administrator checks that the programme offers a route to every delmål.
    assert covered == set(BT_IDS)


def test_stockholm_assessment_content():
    p = load_programme("stockholm")
    akut = assessments_by_instrument(p.kind("akut_sjukvard"))
    assert akut["dops"] >= 2 and akut["mini_cex"] >= 2 and akut["cbd"] >= 1
    am = assessments_by_instrument(p.kind("allmanmedicin"))
    assert am["medsittning"] >= 2 and am["mini_cex"] >= 1 and am["cbd"] >= 1 and am["msf_360"] >= 1
    texts = lambda kid: " ".join(it.text for it in p.kind(kid).checklist).lower()  # noqa: E731
    assert "hjärt-lungräddning" in texts("akut_sjukvard") and "triage" in texts("akut_sjukvard")
    assert "suicidrisk" in texts("psykiatri")
    assert "läkemedelsgenomgång" in texts("geriatrik")


def test_instruments_and_scales():
    sthlm, skane = load_programme("stockholm"), load_programme("skane")
    wanted = {"mini_cex", "dops", "cbd", "medsittning", "msf_360", "placement_summary"}
    for p in (sthlm, skane):
        assert {i.id for i in p.instruments} == wanted
        for i in p.instruments:
            assert p.scale(i.scale)  # resolves
        assert [lv.value for lv in p.scale("entrustment").levels] == [1, 2, 3, 4, 5]
        assert [lv.label for lv in p.instrument_scale("medsittning").levels] == [
            "Ej genomfört", "Delvis genomfört", "Genomfört"]
        assert len(p.instrument_scale("cbd").levels) == 6
        assert p.instrument_scale("dops").not_observed

    nine = sthlm.instrument_scale("mini_cex")
    assert [lv.value for lv in nine.levels] == list(range(1, 10))
    assert "Otillfredsställande" in nine.label(3)
    assert "Tillfredsställande" in nine.label(4) and "Tillfredsställande" in nine.label(6)
    assert "Utmärkt" in nine.label(7)

    expect = skane.instrument_scale("mini_cex")
    assert [lv.label for lv in expect.levels] == [
        "Under förväntan", "Gränsfall", "Motsvarar förväntan", "Över förväntan"]
    assert expect.not_observed


def test_lookups_name_what_is_missing():
    p = load_programme("stockholm")
    assert p.kind("geriatrik").months == 2
    with pytest.raises(ProgrammeError, match=r'no placement kind "kirurgi"'):
        p.kind("kirurgi")
    with pytest.raises(ProgrammeError, match="BT19"):
        p.delmal_by_id("BT19")
    with pytest.raises(ProgrammeError):
        p.instrument("osce")
    kind, item = p.checklist_item("ak_dops")
    assert kind.id == "akut_sjukvard" and item.instrument == "dops"


def test_load_by_path_equals_load_by_id():
    path = programmes_dir() / "skane.toml"
    assert load_programme(str(path)) == load_programme("skane")
    assert check_file(path) == load_programme("skane")
    assert load_programme("skane") is load_programme("skane")  # shipped ones are cached


def test_unknown_programme_id():
    with pytest.raises(ProgrammeError) as e:
        load_programme("gotland")
    assert str(e.value) == 'Unknown programme "gotland"; known programmes: skane, stockholm.'
    assert isinstance(e.value, BtdeskError)


def test_missing_file(tmp_path):
    with pytest.raises(ProgrammeError, match=r"gotland\.toml does not exist\.$"):
        check_file(tmp_path / "gotland.toml")


def test_byte_order_mark_is_tolerated(tmp_path):
    # Notepad on Windows saves UTF-8 with a BOM; an administrator should not have to know.
    f = tmp_path / "stockholm.toml"
    f.write_bytes(b"\xef\xbb\xbf" + (programmes_dir() / "stockholm.toml").read_bytes())
    assert check_file(f).id == "stockholm"


# --- broken files -----------------------------------------------------------------------------

SHIPPED = (Path(__file__).resolve().parent.parent / "resources" / "programmes" / "stockholm.toml")


def _edit(old: str, new: str, count: int = 1):
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)
    return apply


def _drop_delmal_bt7(text: str) -> str:
    out, n = re.subn(r'\[\[delmal\]\]\nid = "BT7"\n.*?(?=\[\[delmal\]\])', "", text, flags=re.S)
    assert n == 1
    return out


BROKEN = {
    # name: (edit of the shipped Stockholm file, key path the message must name, words it needs)
    "bad_toml": (_edit("months = 2", "months = "), "line ", "not valid TOML"),
    "unterminated_string": (_edit('name = "Geriatrik"', 'name = "Geriatrik'), "line ", "not valid TOML"),
    "missing_key": (_edit('region = "Region Stockholm"\n', ""), "region", "is missing"),
    "missing_months": (_edit("months = 2\n", ""), "placement_kinds[2].months", "is missing"),
    "wrong_type": (_edit("months = 2", 'months = "fyra"'), "placement_kinds[2].months",
                   'must be a number, not "fyra"'),
    "wrong_type_bool": (_edit("handover_talk = true", 'handover_talk = "ja"'), "handover_talk",
                        "must be true or false"),
    "zero_months": (_edit("months = 2", "months = 0"), "placement_kinds[2].months", "greater than 0"),
    "unknown_key": (_edit("months = 2", "monhts = 2"), "placement_kinds[2].monhts", 'did you mean "months"'),
    "bad_order": (_edit('order = "any"', 'order = "random"'), "order", '"any", "fixed"'),
    "unknown_counts_as": (_edit('counts_as = ["akut"]', 'counts_as = ["akutsjukvard"]'),
                          "placement_kinds[1].counts_as[0]", '"primarvard", "akut"'),
    "unknown_delmal": (_edit('delmal = ["BT14"]', 'delmal = ["BT19"]'),
                       "placement_kinds[0].checklist[5].delmal", "refers to BT19"),
    "malformed_delmal": (_edit('delmal = ["BT14"]', 'delmal = ["BT 14"]'),
                         "placement_kinds[0].checklist[5].delmal[0]", "delmål id such as BT7"),
    "unknown_instrument": (_edit('instrument = "dops"', 'instrument = "dopps"'),
                           "placement_kinds[1].checklist[0].instrument", '"dopps"'),
    "assessment_without_instrument": (_edit('  instrument = "cbd"\n', ""),
                                      "placement_kinds[0].checklist[2].instrument", "is missing"),
    "instrument_on_activity": (_edit('delmal = ["BT14"]', 'delmal = ["BT14"]\n  instrument = "cbd"'),
                               "placement_kinds[0].checklist[5].instrument", "only an assessment"),
    "unknown_scale": (_edit('scale = "in_phase"', 'scale = "inphase"'), "instruments[5].scale", '"inphase"'),
    "duplicate_item_id": (_edit('id = "ak_barn"', 'id = "ak_triage"'),
                          "placement_kinds[1].checklist[6].id", "already uses"),
    "duplicate_kind_id": (_edit('id = "psykiatri"', 'id = "geriatrik"'), "placement_kinds[3].id", "already uses"),
    "duplicate_delmal": (_edit('id = "BT7"', 'id = "BT6"'), "delmal[6].id", "already uses"),
    "delmal_beyond_18": (_edit('id = "BT18"', 'id = "BT19"'), "delmal[17].id", "BT1-BT18"),
    "missing_delmal": (_drop_delmal_bt7, "delmal", "lacks BT7"),
    "id_not_file_name": (_edit('id = "stockholm"', 'id = "sthlm"'), "id", "must match"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_gives_one_sentence_naming_file_and_key(tmp_path, case):
    edit, key, words = BROKEN[case]
    f = tmp_path / "stockholm.toml"
    f.write_text(edit(SHIPPED.read_text("utf-8")), encoding="utf-8")
    with pytest.raises(ProgrammeError) as e:
        check_file(f)
    msg = str(e.value)
    assert "\n" not in msg and msg.endswith(".")
    assert msg.startswith("stockholm.toml: ")
    assert key in msg and words in msg, msg
    if not key.startswith("line"):
        assert e.value.key == key


def test_toml_syntax_error_names_the_line(tmp_path):
    f = tmp_path / "stockholm.toml"
    lines = SHIPPED.read_text("utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("months = 2"))
    lines[n] = "months = "
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ProgrammeError, match=rf"^stockholm\.toml: line {n + 1} is not valid TOML: "):
        check_file(f)


def test_non_utf8_file_names_the_line(tmp_path):
    f = tmp_path / "stockholm.toml"
    text = SHIPPED.read_text("utf-8")
    line = text[: text.index('name = "Allmänmedicin"')].count("\n") + 1
    # An editor that saved the file as Latin-1.
    f.write_bytes(text.encode("utf-8").replace("Allmänmedicin".encode(), "Allmänmedicin".encode("latin-1")))
    with pytest.raises(ProgrammeError) as e:
        check_file(f)
    assert str(e.value) == (
        f"stockholm.toml: line {line} is not UTF-8 text (byte 0xe4); save the file as UTF-8.")


def test_first_problem_in_the_file_is_reported(tmp_path):
    f = tmp_path / "stockholm.toml"
    text = SHIPPED.read_text("utf-8").replace("months = 4", 'months = "fyra"', 1)
    text = text.replace("months = 2", "months = -2")
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ProgrammeError, match=r"placement_kinds\[0\]\.months"):
        check_file(f)


# --- months of service ------------------------------------------------------------------------

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
