"""The demo supervisor's assessments of every instrument go through the real response path."""
from __future__ import annotations

import os


def test_demo_assessments_every_instrument(tmp_path):
    """create_demo runs add_demo_assessments itself; here it is run on a doctor without them."""
    from datetime import date

    from btdesk.services import assessments, bt
    from btdesk.services.demo import fill_doctor
    from btdesk.services.demo_assessments import add_demo_assessments
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.create(tmp_path / "doc", name="Amira Haddad", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    fill_doctor(p, date.today())
    try:
        assert assessments.assessment_rows(p) == []
        n = add_demo_assessments(p, tmp_path / "sup")
        rows = assessments.assessment_rows(p)
        talks = [t for t in p.records("talk") if t.author_name == "Erik Berg"]  # verified: it counts
        assert n == len(rows) + len(talks) and len(rows) >= 6
        # the supervisor's own talk arrives signed, in the doctor's talk shape, in a placement
        assert len(talks) == 1 and talks[0].signed and talks[0].body["type"] == "supervision"
        assert talks[0].body["topics"] and talks[0].body["agreed_actions"]
        assert talks[0].body["placement"] in {pl.id for pl in bt.placements(p)}
        assert {"mini_cex", "dops", "cbd", "medsittning", "msf_360",
                "placement_summary"} <= {r.instrument for r in rows}
        # Erik is certified by the demo unit: verified; one Mini-CEX from Sara, whom nobody confirmed
        assert {(r.signer, r.trust) for r in rows} == {("Erik Berg", "verified"), ("Sara Nilsson", "unconfirmed")}
        assert [r.instrument for r in rows if r.signer == "Sara Nilsson"] == ["mini_cex"]
        # shown and marked, but it counts nowhere
        counted = {r.id for r in p.records("assessment")}
        assert {r.id for r in rows if r.trust == "verified"} <= counted | {r.id for r in p.records("signoff")}
        assert not counted & {r.id for r in rows if r.signer == "Sara Nilsson"}
    finally:
        p.close()


def test_cli_request_assess_import(tmp_path):
    import json

    from conftest import made_profile, run_cli

    d, s = tmp_path / "d", tmp_path / "s"
    made_profile(d, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm", "--start", "2026-01-01")
    made_profile(s, "--role", "supervisor", "--name", "Erik Berg", "--programme", "stockholm")
    r = run_cli("request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1,BT5",
                "--to", "Erik Berg", "--out", str(tmp_path / "req"), home=d)
    assert r.returncode == 0, r.stderr
    vals = tmp_path / "v.json"
    vals.write_text(json.dumps({"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
                                **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup",
                                                  "professionalism", "overall")},
                                "went_well": "a", "improve": "b", "action": "c"}), "utf-8")
    r = run_cli("assess", "--request", str(tmp_path / "req.btrequest"), "--values", str(vals),
                "--out", str(tmp_path / "resp"), home=s)
    assert r.returncode == 0, r.stderr
    r = run_cli("response", "import", str(tmp_path / "resp.btresponse"), home=d)
    assert r.returncode == 0 and "CbD" in r.stdout and "obekräftad" in r.stdout
    r = run_cli("response", "import", str(tmp_path / "req.btrequest"), home=d)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
