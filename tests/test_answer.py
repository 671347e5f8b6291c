"""Sign and answer (btdesk.services.answer): the one sequence the CLI and the form window share."""
from __future__ import annotations

import json
import os

import pytest

from btdesk.errors import BtdeskError
from btdesk.forms import load_template
from btdesk.services import requests, supervisor
from btdesk.services.answer import sign_and_answer
from btdesk.services.portfolio import Portfolio
from conftest import run_cli

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

PW = os.environ["BTDESK_PASSPHRASE"]
CBD = {"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
       **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup", "professionalism",
                         "overall")}, "went_well": "a", "improve": "b", "action": "c"}


@pytest.fixture
def asked(tmp_path):
    """A doctor's CbD request, opened on the supervisor's profile."""
    d, s = tmp_path / "d", tmp_path / "s"
    Portfolio.create(d, name="Amira Haddad", role="doctor", programme_id="stockholm", passphrase=PW).close()
    sup = Portfolio.create(s, name="Erik Berg", role="supervisor", programme_id="stockholm", passphrase=PW)
    with Portfolio.open(d) as doc:
        requests.write_request(doc, tmp_path / "req", instrument="cbd", case="Pneumoni", delmal=["BT1"],
                               to="Erik Berg", passphrase=PW)
    opened = requests.read_request(tmp_path / "req.btrequest", s)
    supervisor.add_doctor_from_request(sup, opened)
    yield sup, opened.request
    sup.close()


def _answered(sup: Portfolio, rid: str) -> bool:
    """The supervisor's dashboard no longer lists the (only) request as due."""
    due = [d for row in supervisor.dashboard(sup) for d in row.due]
    assert len(due) <= 1
    return not due


def test_signs_writes_and_marks_the_request_answered(asked, tmp_path):
    sup, req = asked
    t = load_template("cbd", sup.programme)
    seen = []
    done = sign_and_answer(sup, t, dict(CBD, case="Pneumoni", date="2026-03-01", delmal=["BT1"]), doctor=req["doctor"],
                           request=req, passphrase=PW,
                           choose_path=lambda name: seen.append(name) or tmp_path / "out")
    assert done.path == tmp_path / "out.btresponse" and seen[0].endswith(".btresponse")
    assert json.loads(done.path.read_text())["record"]["body"]["request"] == req["id"]
    assert _answered(sup, req["id"])
    # no place chosen: the answer is saved in the home, never lost
    again = sign_and_answer(sup, t, dict(CBD, case="Pneumoni", date="2026-03-01", delmal=["BT1"]),
                            doctor=req["doctor"], passphrase=PW,
                            choose_path=lambda name: None)
    assert again.path.parent == sup.home / "responses" and again.path.exists()


def test_an_invalid_form_signs_nothing_and_an_unwritable_place_leaves_the_request_open(asked, tmp_path):
    sup, req = asked
    t = load_template("cbd", sup.programme)
    before = len(sup.records(everyone=True))
    with pytest.raises(BtdeskError):
        sign_and_answer(sup, t, {"setting": "Vårdavdelning"}, doctor=req["doctor"], request=req, passphrase=PW,
                        choose_path=lambda name: pytest.fail("asked for a place before signing"))
    assert len(sup.records(everyone=True)) == before
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("")
    with pytest.raises(BtdeskError, match="could not be saved to .*; it is kept in your portfolio"):
        sign_and_answer(sup, t, dict(CBD, case="Pneumoni", date="2026-03-01", delmal=["BT1"]), doctor=req["doctor"],
                        request=req, passphrase=PW,
                        choose_path=lambda name: blocker / "x")
    assert not _answered(sup, req["id"]) and len(sup.records(everyone=True)) == before + 1


def test_the_cli_answers_through_the_same_sequence(asked, tmp_path):
    sup, req = asked
    home = sup.home
    sup.close()
    vals = tmp_path / "v.json"
    vals.write_text(json.dumps(CBD), "utf-8")
    r = run_cli("assess", "--request", str(tmp_path / "req.btrequest"), "--values", str(vals),
                "--out", str(tmp_path / "resp"), home=home)
    assert r.returncode == 0, r.stderr
    assert f"saved to {tmp_path / 'resp.btresponse'}." in r.stdout
    with Portfolio.open(home) as again:
        assert _answered(again, req["id"])
