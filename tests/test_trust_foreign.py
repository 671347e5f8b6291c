"""A supervisor from another region: his certificate is issued by a BT unit nobody here trusts.

His signature is valid, so his assessment is imported: shown, marked "not trusted here" with the
authority named, counted nowhere, until a person here confirms his fingerprint. A response whose
content was changed after signing is still refused. Real files through the real CLI.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from btdesk.services.portfolio import Portfolio
from btdesk.store.wire import wire_hash
from conftest import run_cli
from exchange_world import create
from test_trust_cases import _cohort, _doctor, _progress, _to_unit, _unit

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


def _ok(*args: str, home: Path) -> str:
    r = run_cli(*args, home=home)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def _skane_supervisor(tmp: Path) -> tuple[Path, str]:
    """Region Skåne's unit certifies its supervisor Olle, with its own commands and files."""
    skane, olle = tmp / "skane", tmp / "olle"
    create(skane, "Region Skåne BT-enheten", "unit").close()
    create(olle, "Dr Olle Nord", "supervisor").close()
    _ok("unit", "init-ca", home=skane)
    _ok("identity", "csr", "--out", str(tmp / "olle.csr"), home=olle)
    _ok("unit", "issue-cert", str(tmp / "olle.csr"), "--out", str(tmp / "olle.pem"), home=skane)
    _ok("identity", "install-cert", str(tmp / "olle.pem"), home=olle)
    with Portfolio.open(olle) as p:
        return olle, p.profile.fingerprint


def _assess(doctor_home: Path, sup_home: Path, tmp: Path, tag: str) -> Path:
    r = _ok("request", "create", "--instrument", "cbd", "--case", "Pneumoni", "--delmal", "BT1", "--to",
            "Dr Olle Nord", "--out", str(tmp / f"req-{tag}"), home=doctor_home)
    assert r
    vals = tmp / "v.json"
    vals.write_text(json.dumps({"setting": "Vårdavdelning", "complexity": "Medel", "discussion_minutes": 20,
                                **{k: 4 for k in ("records", "assessment", "investigation", "treatment", "followup",
                                                  "professionalism", "overall")},
                                "went_well": "a", "improve": "b", "action": "c"}), "utf-8")
    _ok("assess", "--request", str(tmp / f"req-{tag}.btrequest"), "--values", str(vals),
        "--out", str(tmp / f"resp-{tag}"), home=sup_home)
    return tmp / f"resp-{tag}.btresponse"


def _rows(home: Path) -> list[dict]:
    return json.loads(_ok("assessments", "--format", "json", home=home))


def test_a_supervisor_from_another_region_is_unconfirmed_not_refused(tmp_path):
    unit = _unit(tmp_path)
    amira = _doctor(tmp_path, "Amira Haddad", unit)
    amira.close()
    unit.close()
    olle, olle_fp = _skane_supervisor(tmp_path)
    before = _progress(amira.home)
    resp = _assess(amira.home, olle, tmp_path, "1")
    out = _ok("import", str(resp), home=amira.home)
    assert "Region Skåne BT-enheten, an authority not trusted here; not yet confirmed" in out, out
    [row] = _rows(amira.home)
    assert (row["signer"], row["trust"], row["counted"]) == ("Dr Olle Nord", "unconfirmed", False)
    assert "certificate issued by Region Skåne BT-enheten, an authority not trusted here" in row["trust_text"]
    assert _progress(amira.home)["delmal"] == before["delmal"]

    # the same response with its content changed after signing is still refused, and changes nothing
    tampered = tmp_path / "tampered.btresponse"
    doc = json.loads(resp.read_text("utf-8"))
    doc["record"]["body"]["case"] = "Något annat"
    doc["hash"] = wire_hash(doc["record"])  # the hash made to fit: only the signature can tell
    tampered.write_text(json.dumps(doc), "utf-8")
    r = run_cli("import", str(tampered), home=amira.home)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, (r.stdout, r.stderr)
    # refused by the signature check, in the run's language
    assert "stämmer inte med det signerade innehållet" in r.stderr or "does not match" in r.stderr, r.stderr
    assert len(_rows(amira.home)) == 1

    # at the Stockholm unit, too: imported, marked, not counted
    with Portfolio.open(amira.home) as p:
        bundle = _to_unit(p, unit, tmp_path / "amira.btbundle")
    out = _ok("unit", "import", str(bundle), home=unit.home)
    assert "1 of them come from signers not confirmed here" in out, out
    row_unit = _cohort(unit.home)[amira.profile.fingerprint]
    assert row_unit["delmal"] == {"none": 18}, row_unit  # BT1 not even started on his word

    # confirmed by fingerprint where it is read: counts there (the unit's own confirmation at the unit)
    _ok("trust", "confirm", olle_fp, "--assessor", home=amira.home)
    assert _progress(amira.home)["delmal"] != before["delmal"]
    assert _cohort(unit.home)[amira.profile.fingerprint] == row_unit
    _ok("trust", "confirm", olle_fp, "--assessor", home=unit.home)
    assert _cohort(unit.home)[amira.profile.fingerprint]["delmal"] == {"started": 1, "none": 17}
