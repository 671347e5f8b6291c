"""The BT unit's first Monday: bundles from three doctors and a damaged one arrive in the inbox."""
from __future__ import annotations

import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from btdesk import identity as idn
from btdesk.canonical import canonical_bytes
from btdesk.services import bt, cohort, unit_import
from btdesk.services.doctor_view import DoctorView, ReadOnlyPortfolio
from btdesk.services.exchange import Recipient, export_bundle
from btdesk.services.exchange_trust import record_trust
from btdesk.services.unit_store import UnitStore
from btdesk.store.records import insert_version
from conftest import run_cli
from exchange_world import PASS, create

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

DOCTORS = ("Amira Haddad", "Bo Ek", "Cecilia Lund")


@dataclass
class Cohort:
    unit: Path
    unit_fp: str
    doctors: dict  # name -> fingerprint
    bundles: list  # one .btbundle per doctor
    supervisor: str


def signed_assessment(sup, sup_signer, doc, placement_id: str) -> tuple[dict, bytes]:
    t = "2027-02-10T10:00:00Z"
    wire = {"id": str(uuid.uuid4()), "kind": "assessment", "version": 1, "prev": None,
            "author": sup.profile.fingerprint, "author_name": sup.profile.name, "created": t, "updated": t,
            "deleted": False, "body": {"instrument": "mini_cex", "placement": placement_id, "delmal": ["BT1"],
                                       "date": "2027-02-10", "doctor": doc.profile.name,
                                       "doctor_fingerprint": doc.profile.fingerprint}}
    return wire, sup_signer.sign(canonical_bytes(wire))


def make_cohort(tmp: Path, *, unit_portfolio: bool = True, certify=(True, True, False)) -> Cohort:
    """A unit (the region's CA), three doctors — the third self-signed — each sending one bundle
    that carries an assessment signed by the same supervisor, whose certificate the unit issued."""
    unit = tmp / "unit"
    if unit_portfolio:
        create(unit, "Region Stockholm BT-enheten", "unit").close()
    else:
        idn.create_identity(unit, "Region Stockholm BT-enheten", "unit", PASS)
    idn.ca_init(unit, PASS)
    unit_fp = idn.load_public(unit).fingerprint
    sup = create(tmp / "sup", "Dr Erik Berg", "supervisor")
    idn.install_cert(sup.home, idn.ca_issue(unit, idn.make_csr(sup.home, PASS), PASS), trust_root=True)
    sup_signer = idn.load_signer(sup.home, PASS)
    out = tmp / "out"
    doctors, bundles = {}, []
    for name, cert in zip(DOCTORS, certify, strict=False):
        doc = create(tmp / name.split()[0].lower(), name, "doctor")
        if cert:
            idn.install_cert(doc.home, idn.ca_issue(unit, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
        bt.set_bt(doc, start="2027-01-01", huvudhandledare="Dr Karin Lind")
        pl = bt.add_placement(doc, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                              start="2027-01-01", end="2027-04-30")
        doc.put("activity", {"type": "course", "title": "ALS", "date": "2027-02-01", "hours": 8,
                             "delmal": ["BT1"], "placement": None, "notes": ""})
        wire, sig = signed_assessment(sup, sup_signer, doc, getattr(pl, "id", None))
        with doc.transaction() as s:
            insert_version(s, wire, signature=sig, origin="response")
        res = export_bundle(doc, recipient=Recipient(unit_fp, "Region Stockholm BT-enheten"), folder=out,
                            passphrase=PASS)
        doctors[name] = doc.profile.fingerprint
        bundles.append(res.path)
        doc.close()
    sup_fp = sup.profile.fingerprint
    sup.close()
    return Cohort(unit, unit_fp, doctors, bundles, sup_fp)


def tamper(src: Path, dst: Path) -> Path:
    """A copy whose record list was changed after signing (one title edited)."""
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["records.jsonl"] = files["records.jsonl"].replace(b'"ALS"', b'"ALX"')
    with zipfile.ZipFile(dst, "w") as z:
        for n, data in files.items():
            z.writestr(n, data)
    return dst


@pytest.fixture
def world(tmp_path):
    return make_cohort(tmp_path)


def test_inbox_imports_three_doctors_and_refuses_the_damaged_one(world, tmp_path):
    share = tmp_path / "share"
    inbox = share / "inbox"
    inbox.mkdir(parents=True)
    for b in world.bundles:
        (inbox / b.name).write_bytes(b.read_bytes())
    tamper(world.bundles[0], inbox / "z-damaged.btbundle")
    calls = []
    with unit_import.open_target(world.unit) as unit:
        summary = unit_import.import_inbox(unit, share, progress=lambda d, t: calls.append((d, t)))
        assert calls[0] == (0, 4) and calls[-1] == (4, 4) and len(calls) == 5
        assert len(summary.imported) == 3 and summary.senders == 3 and not summary.already
        assert [n for n, _ in summary.rejected] == ["z-damaged.btbundle"]
        assert summary.message == "Imported 3 of 4 bundles from 3 people; 1 refused (see inbox/rejected)."
        why = (inbox / "rejected" / "z-damaged.btbundle.why.txt").read_text().strip()
        assert "does not match" in why and "refused" in why and why.endswith(".") and "\n" not in why
        assert sorted(f.name for f in (inbox / "done").iterdir()) == sorted(b.name for b in world.bundles)
        assert not list(inbox.glob("*.btbundle"))

        # each doctor's records are kept apart, the supervisor's assessment filed with its doctor
        store = unit_import.store_of(unit)
        by = store.records_by_subject()
        assert sorted(by) == sorted(world.doctors.values())
        for name, fp in world.doctors.items():
            kinds = sorted(r.kind for r in by[fp])
            assert kinds == ["activity", "assessment", "bt", "placement"], name
            assert all(r.author == fp for r in by[fp] if r.kind != "assessment")
            [a] = [r for r in by[fp] if r.kind == "assessment"]
            assert a.author_name == "Dr Erik Berg" and a.signed and a.body["doctor_fingerprint"] == fp

        # every signature's trust verdict is kept: certified doctors verified, the self-signed one not
        trust = record_trust(unit, [r.hash for rs in by.values() for r in rs])
        assess = {fp: trust[r.hash] for fp, rs in by.items() for r in rs if r.kind == "assessment"}
        assert {t.status for t in assess.values()} == {"verified"}
        assert "Region Stockholm BT-enheten" in next(iter(assess.values())).describe()
        bts = {name: trust[next(r for r in by[fp] if r.kind == "bt").hash].status
               for name, fp in world.doctors.items()}
        assert bts == {"Amira Haddad": "verified", "Bo Ek": "verified", "Cecilia Lund": "unconfirmed"}
        assert any("Cecilia Lund is self-signed" in w for w in summary.warnings)

        rows = cohort.overview_of_store(store)
        assert sorted(r.name for r in rows) == list(DOCTORS)


def test_the_unit_cannot_change_a_doctors_records(world):
    with unit_import.open_target(world.unit) as unit:
        unit_import.import_files(unit, world.bundles)
        amira = world.doctors["Amira Haddad"]
        view = DoctorView(amira, unit_import.store_of(unit).records(amira, include_deleted=True))
        act = view.latest("activity")
        with pytest.raises(ReadOnlyPortfolio) as e:
            view.put("activity", {**act.body, "title": "changed"}, act.id)
        msg = str(e.value)
        assert msg.count(".") == 1 and msg.endswith(".") and "Amira Haddad" in msg and "cannot be changed" in msg
        with pytest.raises(ReadOnlyPortfolio):
            view.delete(act.id)
        assert view.latest("activity").body["title"] == "ALS"


def test_same_bundles_again_change_nothing(world):
    with unit_import.open_target(world.unit) as unit:
        first = unit_import.import_files(unit, world.bundles)
        n = UnitStore(unit.engine).head_count()
        again = unit_import.import_files(unit, unit_import.bundle_files([world.bundles[0].parent]))
    assert len(first.imported) == 3 and len(again.already) == 3 and not again.imported
    assert again.message == "Imported 0 of 3 bundles from 0 people; 3 had been imported before."
    with unit_import.open_target(world.unit) as unit:
        assert UnitStore(unit.engine).head_count() == n


def test_unit_import_command(world, tmp_path):
    r = run_cli("unit", "import", home=world.unit)
    assert r.returncode == 1 and "No sync folder is set" in r.stderr
    r = run_cli("unit", "import", str(tmp_path / "nothing"), home=world.unit)
    assert r.returncode == 1 and "does not exist" in r.stderr
    share = tmp_path / "share"
    (share / "inbox").mkdir(parents=True)
    for b in world.bundles[:2]:
        (share / "inbox" / b.name).write_bytes(b.read_bytes())
    r = run_cli("unit", "import", "--folder", str(share), home=world.unit)
    assert r.returncode == 0, r.stderr
    assert "Imported 2 of 2 bundles from 2 people." in r.stdout
    (share / "inbox" / world.bundles[2].name).write_bytes(world.bundles[2].read_bytes())
    r = run_cli("unit", "import", home=world.unit)  # the folder is remembered
    assert r.returncode == 0 and "Imported 1 of 1 bundles from one person." in r.stdout, r.stderr
    r = run_cli("unit", "cohort", "--format", "json", home=world.unit)
    assert sorted(row["name"] for row in json.loads(r.stdout)) == list(DOCTORS)
    doc_home = tmp_path / "amira"
    r = run_cli("unit", "import", str(world.bundles[0]), home=doc_home)
    assert r.returncode == 1 and "not a BT unit" in r.stderr
