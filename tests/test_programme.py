"""Programmes as data: the shipped files, the loader's error messages and the plan rules."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from btdesk.errors import BtdeskError
from btdesk.programme import (
    Programme,
    ProgrammeError,
    check_file,
    list_programmes,
    load_programme,
    programmes_dir,
)
from btdesk.resources import resource_path

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

D = dt.date
BT_IDS = [f"BT{n}" for n in range(1, 19)]


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
