"""Leave is a record like any other: validated once, versioned, withdrawn by a tombstone, and its
body has a schema that a bundle's reader applies."""
from __future__ import annotations

import pytest

from btdesk.bundle.format import body_validator
from btdesk.errors import BtdeskError
from btdesk.services.leave import add_leave, leave_body, leave_periods, remove_leave, update_leave


def test_the_service_writes_what_the_schema_accepts_and_the_schema_refuses_the_rest():
    v = body_validator("leave")
    assert v is not None
    good = leave_body(type="Sjukfrånvaro", start="2027-02-01", end="2027-02-21")
    assert good == {"type": "sjukfranvaro", "start": "2027-02-01", "end": "2027-02-21", "percent": 100}
    assert v.is_valid(good)
    for bad in ({**good, "percent": 0}, {**good, "type": "semester"}, {**good, "reason": "influensa"},
                {k: x for k, x in good.items() if k != "end"}):
        assert not v.is_valid(bad), bad


@pytest.mark.parametrize("kw, sentence", [
    ({"type": "other", "start": "2027-02-10", "end": "2027-02-01"}, "Ledigheten slutar 2027-02-01 före sin start"),
    ({"type": "other", "start": "2027-02-01", "end": "2027-02-10", "percent": 150}, "Omfattningen ska vara 1–100 %"),
    ({"type": "other", "start": "den 1:a", "end": "2027-02-10"}, "Startdagen ska vara ett datum"),
])
def test_bad_leave_is_one_sentence(kw, sentence):
    with pytest.raises(BtdeskError, match=sentence):
        leave_body(**kw)


def test_leave_is_versioned_and_withdrawn_not_erased(doctor):
    lv = add_leave(doctor, type="tjanstledighet", start="2027-09-01", end="2027-09-30", percent=100)
    update_leave(doctor, lv.id, percent=50)
    assert [x.percent for x in leave_periods(doctor)] == [50]
    remove_leave(doctor, lv.id)
    assert leave_periods(doctor) == []
    assert [(v.version, v.deleted) for v in doctor.history(lv.id)] == [(1, False), (2, False), (3, True)]
    with pytest.raises(BtdeskError, match="ingen ledighet"):
        remove_leave(doctor, bt_id := doctor.latest("bt").id)  # a record of another kind is not leave
    assert doctor.get(bt_id).kind == "bt"


def test_leave_travels_to_the_unit_never_to_a_supervisor(tmp_path):
    """Privacy by recipient: a handledare gets the doctor's months served in her requests, never her
    sick leave; the anyone-bundle (her own portfolio, for the BT unit) carries it."""
    import json
    import zipfile

    from conftest import made_profile, run_cli

    home = made_profile(tmp_path / "doc", command=("demo",))
    kinds = {}
    for who in ("Erik Berg", None):
        out = tmp_path / f"{who or 'anyone'}.btbundle"
        r = run_cli("export", "--to", str(out), "--all", *(["--recipient", who] if who else []), home=home)
        assert r.returncode == 0, r.stderr
        with zipfile.ZipFile(out) as z:
            records = [json.loads(line)["record"] for line in z.read("records.jsonl").splitlines()]
        kinds[who] = {(r["kind"], r["body"].get("type")) for r in records}
    assert ("leave", "sjukfranvaro") in kinds[None]
    assert not any(kind == "leave" for kind, _ in kinds["Erik Berg"])
    assert ("placement", None) in kinds["Erik Berg"]  # his own placement did travel: the bundle is not empty
