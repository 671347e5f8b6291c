"""Journey 7 from the unit: Amira syncs 50 records to the unit, her laptop dies, she restores her
identity on a new one and imports what the unit hands back; `progress` is as it was."""
from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

from conftest import made_profile, run_cli


def _ok(r):
    assert r.returncode == 0, r.stderr
    return r


def test_the_unit_returns_her_bundles_and_nothing_synced_is_lost(tmp_path):
    from btdesk.services import entries
    from btdesk.services.portfolio import Portfolio

    doc, unit, new = tmp_path / "doc", tmp_path / "unit", tmp_path / "new-laptop"
    start = date.today() - timedelta(days=150)
    _ok(run_cli("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                "--start", start.isoformat(), "--huvudhandledare", "Dr Karin Lind", home=doc))
    p = Portfolio.open(doc)
    try:
        from btdesk.services import bt

        bt.add_placement(p, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                         start=start, end=start + timedelta(days=119))
        for i in range(44):  # with the BT record, the placement and the talks: 50 records
            entries.save_activity(p, type="course" if i % 2 else "self_study", title=f"Aktivitet {i}",
                                  date=start + timedelta(days=i), hours=1 + i % 4, delmal=[f"BT{1 + i % 18}"])
        for i in range(4):
            entries.save_talk(p, date=start + timedelta(days=7 * i + 1), topics=["Veckan"], agreed_actions=["Läsa"])
        fp = p.profile.fingerprint
        assert len(p.records()) == 50
    finally:
        p.close()
    _ok(run_cli("identity", "export", "--out", str(tmp_path / "amira.btidentity"), home=doc))
    first = tmp_path / "sync1.btbundle"
    _ok(run_cli("export", "--to", str(first), "--all", home=doc))
    _ok(run_cli("activity", "--title", "ALS-kurs", "--hours", "8", "--delmal", "BT1", home=doc))
    second = tmp_path / "sync2.btbundle"
    _ok(run_cli("export", "--to", str(second), "--all", home=doc))  # what changed since the first
    before = json.loads(_ok(run_cli("progress", "--format", "json", home=doc)).stdout)

    made_profile(unit, "--role", "unit", "--name", "BT-enheten")
    _ok(run_cli("unit", "import", str(first), str(second), home=unit))
    first.unlink()
    second.unlink()
    shutil.rmtree(doc)  # the laptop dies with her sync files on it

    _ok(run_cli("identity", "import", str(tmp_path / "amira.btidentity"), home=new))
    back = tmp_path / "tillbaka"
    r = _ok(run_cli("unit", "return", "--doctor", fp[:6], "--out", str(back), home=unit))
    assert "2 buntar skrivna till" in r.stdout  # the run speaks Swedish
    _ok(run_cli("import", *sorted(str(f) for f in back.glob("*.btbundle")), home=new))
    after = json.loads(_ok(run_cli("progress", "--format", "json", home=new)).stdout)
    assert after == before
    assert "ALS-kurs" in _ok(run_cli("entries", home=new)).stdout

    wrong = run_cli("unit", "return", "--doctor", "0000ffff", "--out", str(tmp_path / "x"), home=unit)
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1 and not (tmp_path / "x").exists()
