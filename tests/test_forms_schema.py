"""The body schemas a bundle reader checks (resources/schema/record-<kind>.schema.json) accept
every body the forms, the demo and the doctor's own entries make; a body of the wrong type
is refused in one sentence. And every rating domain has a Swedish name for the dossier."""
from __future__ import annotations

import base64
import os

import pytest

from btdesk.bundle.format import body_validator, first_error
from btdesk.services.portfolio import Portfolio

PW = os.environ["BTDESK_PASSPHRASE"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo doctor, whose signed records come from every template via the real path."""
    from btdesk.services.demo import create_demo

    p = create_demo(tmp_path_factory.mktemp("demo") / "home")
    yield p
    p.close()


def _errors(kind: str, body: dict) -> str | None:
    v = body_validator(kind)
    assert v is not None, f"record-{kind}.schema.json is missing"
    return first_error(v, body)


def test_every_template_and_demo_body_validates(demo):
    from btdesk.forms import list_templates

    made = {k: [r for r in demo.records(k)] for k in ("assessment", "talk", "signoff")}
    templates = {r.body.get("template") for k in made for r in made[k]}
    # every assessment and talk template took part in the demo, so every one is covered here
    assert {t.id for t in list_templates(demo.programme)
            if t.record_kind in ("assessment", "talk", "signoff")} <= templates
    for kind, records in made.items():
        for r in records:
            assert _errors(kind, r.body) is None, (kind, r.body.get("template"), _errors(kind, r.body))


def test_doctor_talks_and_older_bodies_validate(tmp_path):
    from btdesk.services import bt, entries

    p = Portfolio.create(tmp_path / "d", name="Amira Haddad", role="doctor", programme_id="stockholm",
                         passphrase=lambda _: PW)
    try:
        bt.set_bt(p, start="2026-01-01")
        pl = bt.add_placement(p, kind="akut_sjukvard", site="SöS", start="2026-01-01", end="2026-04-30")
        for kw in ({}, {"type": "handover", "participants": ["A", "B", "C"], "topics": ["x"], "delmal": ["BT1"]}):
            talk, _ = entries.save_talk(p, date="2026-02-01", placement=pl.id, **kw)
            assert _errors("talk", talk.body) is None
    finally:
        p.close()
    # bodies written before the forms (benchmarks, other systems, the exchange tests) still pass
    for body in ({"form": "mini-cex", "result": "godkänd"},
                 {"instrument": "mini_cex", "placement": None, "delmal": ["BT1"], "date": "2027-02-10",
                  "doctor": "Anna", "doctor_fingerprint": "ab" * 32},
                 {"instrument": "cbd", "ratings": {"klinisk bedömning": 7}, "text": {"went_well": "ja"}}):
        assert _errors("assessment", body) is None


@pytest.mark.parametrize("kind,change,where", [
    ("assessment", {"ratings": {"overall": "sex"}}, "ratings/overall"),
    ("assessment", {"delmal": "BT1"}, "delmal"),
    ("assessment", {"date": "2 mars"}, "date"),
    ("assessment", {"checks": {"released": "ja"}}, "checks/released"),
    ("assessment", {"doctor_fingerprint": "Amira"}, "doctor_fingerprint"),
    ("talk", {"topics": "Prioritering"}, "topics"),
    ("talk", {"type": "fika"}, "type"),
    ("signoff", {"target": {"id": "x"}}, "target"),
    ("signoff", {"target": {"id": "x", "hash": "not-a-hash"}}, "target/hash"),
    ("signoff", {"role": ""}, "role"),
])
def test_wrong_type_is_refused_in_a_sentence(demo, kind, change, where):
    body = next(r.body for r in demo.records(kind) if r.body.get("template"))
    assert _errors(kind, body) is None
    err = _errors(kind, {**body, **change})
    assert err is not None and err.startswith(where + ":") and "\n" not in err


def test_form_body_missing_a_key_is_refused(demo):
    body = dict(next(r.body for r in demo.records("assessment") if r.body.get("template")))
    del body["ratings"]
    assert "'ratings' is a required property" in _errors("assessment", body)


def test_bundle_with_a_wrong_body_is_refused_whole(demo, tmp_path, english):
    """Through the real reader: the shipped schema refuses the bundle and says why."""
    from btdesk import identity as idn
    from btdesk.bundle import BundleError, read_bundle, write_bundle
    from btdesk.canonical import canonical_bytes, record_hash

    signer = idn.load_signer(demo.home, lambda _: PW)
    good = next(r for r in demo.records("assessment") if r.body.get("template"))
    lines = []
    for body in (dict(good.body), dict(good.body, ratings={"overall": "sex"})):
        w = {"id": good.id, "kind": "assessment", "version": 1, "prev": None, "author": signer.identity.fingerprint,
             "author_name": signer.identity.name, "created": "2026-11-26T18:00:00Z",
             "updated": "2026-11-26T18:00:00Z", "deleted": False, "body": body}
        lines.append({"record": w, "hash": record_hash(w),
                      "signature": base64.b64encode(signer.sign(canonical_bytes(w))).decode()})
    ok, bad = tmp_path / "ok.btbundle", tmp_path / "bad.btbundle"
    write_bundle(ok, sender_signer=signer, recipients=[], sequence=1, previous=None, records=lines[:1])
    write_bundle(bad, sender_signer=signer, recipients=[], sequence=2, previous=None, records=lines[1:])
    trust = idn.TrustStore(demo.home)
    assert len(read_bundle(ok, trust).lines) == 1
    with pytest.raises(BundleError) as e:
        read_bundle(bad, trust)
    msg = str(e.value)
    assert msg == ("Record 1 (assessment) has a body that breaks its format "
                   "(ratings/overall: 'sex' is not of type 'integer').")


# -- Swedish names of rating domains ---------------------------------------------------------
@pytest.mark.parametrize("pid", ["stockholm", "skane"])
def test_every_domain_has_a_swedish_name(pid):
    from btdesk.forms import domain_label, domain_labels, list_templates
    from btdesk.forms.labels import prettify
    from btdesk.programme import load_programme

    for t in list_templates(load_programme(pid)):
        names = domain_labels(t.instrument, t.id)
        assert list(names) == [f.id for f in t.fields if f.type in ("rating", "entrustment")]
        for fid, name in names.items():
            # a name a reader knows, never the stored id; short enough for a table column
            assert name != prettify(fid) and name == domain_label(t.instrument, fid) and len(name) <= 48, (t.id, fid)


def test_domain_label_for_what_the_dossier_meets():
    from btdesk.forms import domain_label

    assert domain_label("msf_360", "communication") == "Kommunikation"  # showed raw as "Communication"
    assert domain_label("mini_cex", "examination") == "Fysikalisk undersökning"
    assert domain_label("medsittning", "ice") == "Tankar, oro och förväntningar"
    assert domain_label("okänt", "klinisk_bedömning") == "Klinisk bedömning"  # unknown: made readable
    assert domain_label("../../etc", "overall") == "Sammantagen bedömning"  # a hostile id names no file


def test_dossier_ratings_get_swedish_names(demo):
    from btdesk.forms import domain_label

    msf = next(r for r in demo.records("assessment") if r.body.get("instrument") == "msf_360")
    ids = list(msf.body["ratings"])
    shown = [domain_label(msf.body["instrument"], k, msf.body.get("template")) for k in ids]
    assert "communication" in ids and "Kommunikation" in shown
    assert not {x.lower() for x in shown} & {x.replace("_", " ") for x in ids}  # no id shows raw
