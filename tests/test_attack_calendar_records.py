"""A certified doctor's own bundle carrying a calendar record no calendar can read (a modified
client, or a hand-edited file re-signed with her key): before, `unit import` took it and then
`unit cohort` failed for every doctor of the unit with "something unexpected went wrong".
Now each such bundle is refused in one sentence and the unit's store is unchanged."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from btdesk import identity as idn
from btdesk.services import bt
from btdesk.services.exchange import export_bundle
from btdesk.services.portfolio import Portfolio
from conftest import run_cli
from exchange_world import PASS, create, dump

GOOD_PLACEMENT = {"kind": "allmanmedicin", "site": "VC X", "supervisor": "", "start": "2027-05-01",
                  "end": "2027-08-31"}
BT = {"programme": "stockholm", "start": "2027-01-01", "percent": 100, "doctor": "Eva Ek"}
BAD = {  # name: (kind, body, what the refusal names)
    "no-such-month": ("placement", {**GOOD_PLACEMENT, "start": "2027-13-45"}, "start"),
    "february-30": ("placement", {**GOOD_PLACEMENT, "end": "2027-02-30"}, "end"),
    "ends-before-start": ("placement", {**GOOD_PLACEMENT, "end": "2027-04-01"}, "slutar före"),
    "percent-text": ("placement", {**GOOD_PLACEMENT, "percent": "many"}, "1–100"),
    "percent-500": ("placement", {**GOOD_PLACEMENT, "percent": 500}, "1–100"),
    "no-kind": ("placement", {k: v for k, v in GOOD_PLACEMENT.items() if k != "kind"}, "placeringstyp"),
    "bt-not-a-leap-year": ("bt", {**BT, "start": "2027-02-29"}, "start"),
    "bt-percent-0": ("bt", {**BT, "percent": 0}, "1–100"),
    "leave-february-30": ("leave", {"type": "sjukfranvaro", "start": "2027-02-30", "end": "2027-03-02",
                                    "percent": 100}, "start"),
}


def _doctor_seen_by_unit(tmp: Path) -> tuple[Path, Path]:
    """A unit CA and a doctor it certified, her first bundle (one placement) imported by the unit."""
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    doc = create(tmp / "eva", "Eva Ek", "doctor")
    idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
    bt.set_bt(doc, start="2027-01-01")
    bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", start="2027-01-01", end="2027-04-30")
    first = tmp / "first.btbundle"
    export_bundle(doc, first, everything=True, passphrase=PASS)
    unit.close()
    doc.close()  # the command line takes each home's lock from here on
    assert run_cli("unit", "import", str(first), home=unit.home).returncode == 0
    return unit.home, doc.home


def _crafted(doc_home: Path, tmp: Path, name: str, kind: str, body: dict, out: Path) -> None:
    """Bundle 2 from a copy of the doctor's laptop on which a modified btdesk stored `body`."""
    home = tmp / f"copy-{name}"
    shutil.copytree(doc_home, home)
    p = Portfolio.open(home)
    try:
        p.put(kind, body)
        export_bundle(p, out / f"{name}.btbundle", passphrase=PASS)
    finally:
        p.close()


def _dump(home: Path) -> list:
    p = Portfolio.open(home)
    try:
        return dump(p)
    finally:
        p.close()


def _cohort(unit: Path) -> dict:
    r = run_cli("unit", "cohort", "--format", "json", home=unit)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    [row] = json.loads(r.stdout)
    return row


def test_an_unreadable_calendar_record_is_refused_and_the_cohort_still_opens(tmp_path):
    unit, doc = _doctor_seen_by_unit(tmp_path)
    inbox = tmp_path / "crafted"
    inbox.mkdir()
    for name, (kind, body, _said) in BAD.items():
        _crafted(doc, tmp_path, name, kind, body, inbox)
    before = _dump(unit)

    r = run_cli("unit", "import", str(inbox), home=unit)
    assert r.returncode == 1 and "Traceback" not in r.stderr + r.stdout
    # the unit lists each refused file with its one sentence
    said = {line.split(".btbundle", 1)[0]: line for line in r.stdout.splitlines() if ".btbundle" in line}
    for name, (_kind, _body, what) in BAD.items():
        assert "kan inte räknas som tjänstgöring" in said[name] and what in said[name], said[name]
    assert _dump(unit) == before
    assert _cohort(unit)["months_planned"] == 4.0  # the first bundle's placement, nothing refused


def test_a_good_calendar_record_still_comes_in(tmp_path):
    unit, doc = _doctor_seen_by_unit(tmp_path)
    assert run_cli("placement", "add", "--kind", "allmanmedicin", "--site", "VC X", "--start", "2027-05-01",
                   "--end", "2027-08-31", "--percent", "50", home=doc).returncode == 0
    bundle = tmp_path / "good.btbundle"
    assert run_cli("export", "--to", str(bundle), home=doc).returncode == 0
    r = run_cli("unit", "import", str(bundle), home=unit)
    assert r.returncode == 0, r.stderr
    assert _cohort(unit)["months_planned"] == 6.0
