"""The .btbundle container: round trip, openssl interop, schema, and hostile input."""
from __future__ import annotations

import base64
import hashlib
import json
import struct
import subprocess
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from btdesk import identity as idn
from btdesk.bundle import BundleError, Limits, read_bundle, write_bundle
from btdesk.bundle import format as bfmt
from btdesk.canonical import canonical_bytes, record_hash
from bundle_fuzz import fuzz

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

SCHEMA = Path(__file__).resolve().parent.parent / "resources" / "schema"


def wire(author, kind="activity", body=None, version=1, prev=None):
    return {"id": str(uuid.uuid4()), "kind": kind, "version": version, "prev": prev,
            "author": author.fingerprint, "author_name": author.name,
            "created": "2026-11-26T18:00:00Z", "updated": "2026-11-26T18:00:00.123456Z",
            "deleted": False, "body": body if body is not None else {"title": "Akutmottagning, vecka 3 ✓"}}


def line(record, signer=None):
    sig = base64.b64encode(signer.sign(canonical_bytes(record))).decode() if signer else None
    return {"record": record, "hash": record_hash(record), "signature": sig}


@dataclass
class World:
    tmp: Path
    unit: Path
    doc: Path
    sup: Path
    doc_signer: object
    sup_signer: object
    trust: idn.TrustStore  # the unit's view: trusts its own root
    lines: list
    attachment: bytes
    bundle: Path


def make_world(tmp: Path) -> World:
    unit, doc, sup = tmp / "unit", tmp / "doc", tmp / "sup"
    idn.create_identity(unit, "Region Stockholm BT-enheten", "unit", None)
    idn.ca_init(unit)
    idn.create_identity(doc, "Dr Anna Åberg", "doctor", None)
    idn.install_cert(doc, idn.ca_issue(unit, idn.make_csr(doc)), trust_root=True)
    idn.create_identity(sup, "Dr Sven Handledare", "supervisor", None)
    ds, ss = idn.load_signer(doc), idn.load_signer(sup)
    lines = [line(wire(ds.identity)) for _ in range(3)]
    lines.append(line(wire(ss.identity, kind="assessment", body={"form": "mini-cex", "result": "godkänd"}), ss))
    attachment = b"%PDF-1.4 intyg " * 50
    (tmp / "intyg.pdf").write_bytes(attachment)
    sha = hashlib.sha256(attachment).hexdigest()
    bundle = tmp / "anna.btbundle"
    write_bundle(bundle, sender_signer=ds, recipients=[{"name": "Region Stockholm BT-enheten",
                                                         "fingerprint": idn.load_public(unit).fingerprint}],
                 sequence=1, previous=None, records=lines, attachments={sha: tmp / "intyg.pdf"})
    return World(tmp, unit, doc, sup, ds, ss, idn.TrustStore(unit), lines, attachment, bundle)


@pytest.fixture
def w(tmp_path, memory_keyring):
    return make_world(tmp_path)


def entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def rezip(path: Path, items: list[tuple[str, bytes]], *, method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in items:
            z.writestr(zipfile.ZipInfo(name, (2026, 11, 26, 18, 0, 0)), data, compress_type=method)
    return path


def resigned(w: World, manifest: dict, signer=None, records: bytes | None = None, out="x.btbundle") -> Path:
    """A bundle with a changed manifest that is properly signed again (by `signer`)."""
    mb = canonical_bytes(manifest)
    items = [(n, d) for n, d in entries(w.bundle)]
    items = [(n, mb if n == "manifest.json" else (signer or w.doc_signer).sign(mb) if n == "manifest.p7s"
              else records if (n == "records.jsonl" and records is not None) else d) for n, d in items]
    return rezip(w.tmp / out, items)


def manifest_of(w: World) -> dict:
    return json.loads(dict(entries(w.bundle))["manifest.json"])


def refused(path, trust, match, **kw):
    with pytest.raises(BundleError, match=match) as e:
        read_bundle(path, trust, **kw)
    msg = str(e.value)
    assert msg.endswith(".") and "\n" not in msg and "Traceback" not in msg
    return msg


# -- the good path ----------------------------------------------------------------------
def test_round_trip(w):
    p = read_bundle(w.bundle, w.trust, expect_recipient=idn.load_public(w.unit).fingerprint)
    assert p.sender.status == "verified" and p.sender.signer_name == "Dr Anna Åberg"
    assert [ln.wire() for ln in p.lines] == w.lines
    assert p.lines[-1].verification.status == "unconfirmed"  # the supervisor is self-signed
    assert p.lines[-1].verification.signer_name == "Dr Sven Handledare"
    assert list(p.attachments.values()) == [w.attachment]
    assert p.manifest_hash == hashlib.sha256(dict(entries(w.bundle))["manifest.json"]).hexdigest()
    assert p.manifest["counts"] == {"records": 4, "attachments": 1} and p.manifest["sequence"] == 1
    # the doctor reads her own bundle too (she trusts the unit's root)
    assert read_bundle(w.bundle, idn.TrustStore(w.doc)).sender.status == "verified"


def test_write_is_atomic_and_returns_manifest_hash(w):
    info = write_bundle(w.tmp / "b2.btbundle", sender_signer=w.doc_signer, recipients=[], sequence=2,
                        previous="ab" * 32, records=w.lines[:1])
    assert info.manifest_hash == hashlib.sha256(dict(entries(info.path))["manifest.json"]).hexdigest()
    assert [p.name for p in w.tmp.iterdir() if p.name.endswith(".tmp")] == []
    bad = dict(w.lines[0], hash="00" * 32)
    with pytest.raises(BundleError, match="does not match its stated hash"):
        write_bundle(w.tmp / "b3.btbundle", sender_signer=w.doc_signer, recipients=[], sequence=3,
                     previous=None, records=[bad])
    assert not (w.tmp / "b3.btbundle").exists()


def test_produced_bundle_matches_published_schemas(w):
    items = dict(entries(w.bundle))
    assert set(items) == {"manifest.json", "manifest.p7s", "records.jsonl",
                          "attachments/" + manifest_of(w)["attachments"][0]["sha256"]}
    ms = jsonschema.Draft202012Validator(json.loads((SCHEMA / "manifest.schema.json").read_text()))
    rs = jsonschema.Draft202012Validator(json.loads((SCHEMA / "record.schema.json").read_text()))
    ms.validate(json.loads(items["manifest.json"]))
    for raw in items["records.jsonl"].splitlines():
        rs.validate(json.loads(raw))
    with pytest.raises(jsonschema.ValidationError):
        ms.validate({**json.loads(items["manifest.json"]), "format_version": 2})


def test_openssl_verifies_manifest_signature(w):
    items = dict(entries(w.bundle))
    (w.tmp / "manifest.json").write_bytes(items["manifest.json"])
    (w.tmp / "manifest.p7s").write_bytes(items["manifest.p7s"])
    (w.tmp / "root.pem").write_bytes(idn.load_public(w.unit).cert_pem)
    base = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s", "-out", "/dev/null"]
    ok = subprocess.run(base + ["-content", "manifest.json", "-noverify"], cwd=w.tmp, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    ok = subprocess.run(base + ["-content", "manifest.json", "-CAfile", "root.pem"], cwd=w.tmp, capture_output=True,
                        text=True)
    assert ok.returncode == 0 and "Verification successful" in ok.stderr, ok.stderr
    (w.tmp / "tampered.json").write_bytes(items["manifest.json"].replace(b'"sequence":1', b'"sequence":2'))
    bad = subprocess.run(base + ["-content", "tampered.json", "-noverify"], cwd=w.tmp, capture_output=True, text=True)
    assert bad.returncode != 0 and "verification failure" in bad.stderr.lower()


# -- hostile containers -------------------------------------------------------------------
def test_not_a_zip_truncated_and_flipped(w):
    (w.tmp / "text.btbundle").write_text("hello")
    refused(w.tmp / "text.btbundle", w.trust, "not a btdesk bundle")
    data = w.bundle.read_bytes()
    (w.tmp / "cut.btbundle").write_bytes(data[: len(data) // 2])
    refused(w.tmp / "cut.btbundle", w.trust, "damaged")
    # a flip inside compressed data: ZIP CRC (or inflate) notices
    off = data.index(b"records.jsonl") + len("records.jsonl") + 10
    flipped = bytearray(data)
    flipped[off] ^= 0x40
    (w.tmp / "flip.btbundle").write_bytes(bytes(flipped))
    refused(w.tmp / "flip.btbundle", w.trust, "damaged")
    refused(w.tmp / "missing.btbundle", w.trust, "does not exist")


@pytest.mark.parametrize("name,match", [
    ("../evil", "unsafe path"), ("/etc/passwd", "unsafe path"), ("attachments\\x", "unsafe path"),
    ("attachments/../../x", "unsafe path"), ("C:/x", "unsafe path"), ("evil.exe", "unexpected file"),
    ("attachments/" + "A" * 64, "unexpected file"), ("attachments/" + "a" * 64 + "\n", "unexpected file"),
])
def test_bad_paths(w, name, match):
    rezip(w.tmp / "p.btbundle", entries(w.bundle) + [(name, b"x")])
    refused(w.tmp / "p.btbundle", w.trust, match)


def test_duplicate_and_missing_names(w):
    items = entries(w.bundle)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we make on purpose
        rezip(w.tmp / "d.btbundle", items + [("records.jsonl", b"")])
    refused(w.tmp / "d.btbundle", w.trust, "twice")
    rezip(w.tmp / "m.btbundle", [(n, d) for n, d in items if n != "manifest.p7s"])
    refused(w.tmp / "m.btbundle", w.trust, "lacks its manifest.p7s")


def test_zip_bomb_and_size_limits(w):
    items = entries(w.bundle)
    bomb = [(n, b"\0" * (8 * 2**20) if n.startswith("attachments/") else d) for n, d in items]
    rezip(w.tmp / "bomb.btbundle", bomb)
    assert (w.tmp / "bomb.btbundle").stat().st_size < 100_000
    refused(w.tmp / "bomb.btbundle", w.trust, "ZIP bomb")
    refused(w.bundle, w.trust, "more data than allowed", limits=Limits(max_total_bytes=1000))
    refused(w.bundle, w.trust, "larger than allowed", limits=Limits(max_entry_bytes=100))
    refused(w.bundle, w.trust, "more than 3 files", limits=Limits(max_entries=3))
    refused(w.bundle, w.trust, "larger than allowed", limits=Limits(max_file_bytes=100))
    refused(w.bundle, w.trust, "Record 1 of the bundle is larger", limits=Limits(max_line_bytes=100))


def test_header_sizes_are_not_trusted(w):
    """Central directory claims tiny sizes; we count real bytes and CRC catches the lie."""
    data = bytearray(w.bundle.read_bytes())
    i = 0
    while (i := data.find(b"PK\x01\x02", i)) >= 0:
        struct.pack_into("<I", data, i + 24, 1)  # uncompressed size := 1
        i += 4
    (w.tmp / "lie.btbundle").write_bytes(bytes(data))
    refused(w.tmp / "lie.btbundle", w.trust, "damaged")


def test_encrypted_or_odd_compression_refused(w):
    data = bytearray(w.bundle.read_bytes())
    i = data.find(b"PK\x01\x02")
    data[i + 8] |= 1  # "encrypted" flag in the central directory
    (w.tmp / "enc.btbundle").write_bytes(bytes(data))
    refused(w.tmp / "enc.btbundle", w.trust, "encryption or compression")


# -- hostile content under a valid signature -------------------------------------------------
def test_record_altered_missing_or_extra(w):
    items = dict(entries(w.bundle))
    raws = items["records.jsonl"].splitlines(keepends=True)
    changed = raws[0].replace(b"vecka 3", b"vecka 4")
    for name, records, match in [
        ("alt", changed + b"".join(raws[1:]), "does not match its hash"),
        ("miss", b"".join(raws[1:]), "holds 3 records but its manifest lists 4"),
        ("extra", b"".join(raws) + raws[0], "holds 5 records"),
        ("swap", raws[1] + raws[0] + b"".join(raws[2:]), "does not match its hash"),
        ("cut", b"".join(raws)[:-1], "cut short"),
        ("json", b"x" + b"".join(raws)[1:], "not valid JSON"),
    ]:
        rezip(w.tmp / f"{name}.btbundle", [(n, records if n == "records.jsonl" else d) for n, d in items.items()])
        refused(w.tmp / f"{name}.btbundle", w.trust, match)


def test_attachment_altered_missing_or_extra(w):
    items = entries(w.bundle)
    att = next(n for n, _ in items if n.startswith("attachments/"))
    rezip(w.tmp / "a.btbundle", [(n, d + b"!" if n == att else d) for n, d in items])
    refused(w.tmp / "a.btbundle", w.trust, "does not match its hash")
    rezip(w.tmp / "b.btbundle", [(n, d) for n, d in items if n != att])
    refused(w.tmp / "b.btbundle", w.trust, "holds 0 attachments")
    rezip(w.tmp / "c.btbundle", items + [("attachments/" + "0" * 64, b"x")])
    refused(w.tmp / "c.btbundle", w.trust, "holds 2 attachments")


def test_manifest_tampered_or_resigned_by_other(w):
    items = dict(entries(w.bundle))
    m = items["manifest.json"].replace(b'"sequence":1', b'"sequence":7')
    rezip(w.tmp / "t.btbundle", [(n, m if n == "manifest.json" else d) for n, d in items.items()])
    msg = refused(w.tmp / "t.btbundle", w.trust, "signature was not accepted")
    assert "does not match the signed content" in msg
    rezip(w.tmp / "g.btbundle", [(n, b"garbage" if n == "manifest.p7s" else d) for n, d in items.items()])
    refused(w.tmp / "g.btbundle", w.trust, "malformed")
    # the supervisor re-signs the doctor's manifest: sender in the manifest ≠ signer
    refused(resigned(w, manifest_of(w), w.sup_signer), w.trust, "different sender")


def test_unknown_format_version_and_schema_break(w):
    refused(resigned(w, {**manifest_of(w), "format_version": 2}), w.trust, "format version 2")
    refused(resigned(w, {**manifest_of(w), "format": "zip"}), w.trust, "not a btdesk bundle")
    refused(resigned(w, {**manifest_of(w), "sequence": -1}), w.trust, "manifest breaks the format")
    # a record breaking the envelope schema, consistently hashed and listed
    rec = dict(w.lines[0]["record"], kind="Not A Kind")
    bad = line(rec)
    m = manifest_of(w)
    m["records"][0] = {"id": rec["id"], "version": 1, "hash": bad["hash"]}
    raws = dict(entries(w.bundle))["records.jsonl"].splitlines(keepends=True)
    records = canonical_bytes(bad) + b"\n" + b"".join(raws[1:])
    refused(resigned(w, m, records=records), w.trust, "Record 1 of the bundle breaks the record format")


@pytest.fixture
def assessment_schema(tmp_path, monkeypatch):
    """Schemas as shipped, plus a record-assessment.schema.json the test writes (one btdesk did not
    ship); the readers' caches are emptied before and after (each is cached per schema name)."""
    sdir = tmp_path / "schemas"
    sdir.mkdir()
    for f in ("manifest.schema.json", "record.schema.json"):
        (sdir / f).write_bytes((SCHEMA / f).read_bytes())
    monkeypatch.setattr(bfmt, "schema_path", lambda name: sdir / name)
    caches = (bfmt._schema, bfmt.validator, bfmt._quick)
    for cached in caches:
        cached.cache_clear()
    yield lambda schema: (sdir / "record-assessment.schema.json").write_text(json.dumps(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}))
    for cached in caches:
        cached.cache_clear()


def test_a_broken_body_schema_added_after_installing_refuses_in_one_sentence(w, assessment_schema):
    """A schema file btdesk did not ship is checked by jsonschema before its fast check is made:
    a broken one refuses every bundle with that kind the same way (not a traceback, and not
    only for some values)."""
    assessment_schema({"type": "object", "properties": {"n": {"type": "integer", "minimum": True}}})
    refused(w.bundle, w.trust, r"The schema record-assessment.schema.json in this installation is broken; "
                               r"reinstall btdesk")


def test_kind_body_schema_applies_when_present(w, assessment_schema):
    assessment_schema({"type": "object", "required": ["form", "result"],
                       "properties": {"result": {"enum": ["godkänd", "ej godkänd"]}}})
    assert read_bundle(w.bundle, w.trust).lines[-1].record["kind"] == "assessment"
    ss = w.sup_signer
    odd = line(wire(ss.identity, kind="assessment", body={"form": "dops", "result": "kanske"}), ss)
    write_bundle(w.tmp / "k.btbundle", sender_signer=w.doc_signer, recipients=[], sequence=2,
                 previous=None, records=[odd])
    refused(w.tmp / "k.btbundle", w.trust, r"Record 1 \(assessment\) has a body that breaks its format")


def test_untrusted_issuer_revoked_and_wrong_recipient(w):
    stranger = w.tmp / "stranger"
    idn.create_identity(stranger, "Dr Främling", "doctor", None)
    # the unit's root is not trusted by the stranger: the bundle reads, its sender unconfirmed
    got = read_bundle(w.bundle, idn.TrustStore(stranger))
    assert (got.sender.status, got.sender.issuer) == ("unconfirmed", "Region Stockholm BT-enheten")
    refused(w.bundle, w.trust, "addressed to Region Stockholm BT-enheten, not to you",
            expect_recipient="cd" * 32)
    idn.ca_revoke(w.unit, idn.load_public(w.doc).serial, "left the programme")
    msg = refused(w.bundle, idn.TrustStore(w.unit), "revoked")
    assert "Dr Anna Åberg was revoked by Region Stockholm BT-enheten" in msg and "left the programme" in msg


def test_record_signatures(w):
    ds, ss = w.doc_signer, w.sup_signer
    # the doctor forges an assessment in the supervisor's name, unsigned
    forged = line(wire(ss.identity, kind="assessment"))
    write_bundle(w.tmp / "f1.btbundle", sender_signer=ds, recipients=[], sequence=2, previous=None, records=[forged])
    refused(w.tmp / "f1.btbundle", w.trust, "carries no signature of theirs")
    # ... or signs it herself
    forged = line(wire(ss.identity, kind="assessment"), ds)
    write_bundle(w.tmp / "f2.btbundle", sender_signer=ds, recipients=[], sequence=2, previous=None, records=[forged])
    refused(w.tmp / "f2.btbundle", w.trust, "signed by Dr Anna Åberg, not by its stated author")
    # ... or edits a signed record after signing (a new hash, listed honestly)
    good = w.lines[-1]
    edited = dict(good["record"], body={"form": "mini-cex", "result": "ej godkänd"})
    forged = {"record": edited, "hash": record_hash(edited), "signature": good["signature"]}
    write_bundle(w.tmp / "f3.btbundle", sender_signer=ds, recipients=[], sequence=2, previous=None, records=[forged])
    msg = refused(w.tmp / "f3.btbundle", w.trust, "signature of record 1")
    assert "does not match the signed content" in msg
    # the supervisor's own bundle: her records need no extra signature
    mine = line(wire(ss.identity, kind="assessment"))
    write_bundle(w.tmp / "s.btbundle", sender_signer=ss, recipients=[], sequence=1, previous=None, records=[mine])
    p = read_bundle(w.tmp / "s.btbundle", w.trust)
    assert p.sender.status == "unconfirmed" and p.lines[0].verification is None


def test_hostile_json(w):
    deep = b"[" * 100_000 + b"]" * 100_000
    # a line otherwise byte for byte canonical, whose repeated key's last value is the signed one:
    # parsed without care, it would hash as the signed record and be accepted
    first = canonical_bytes(w.lines[0])
    assert b'"deleted":false' in first
    twice = first.replace(b'"deleted":false', b'"deleted":true,"deleted":false', 1)
    for name, payload, match in [("deep", deep, "not valid JSON"), ("nan", b'{"a": NaN}', "not valid JSON"),
                                 ("dup", b'{"a": 1, "a": 2}', "not valid JSON"), ("dup-canonical", twice,
                                                                                   "not valid JSON")]:
        items = dict(entries(w.bundle))
        rest = b"".join(items["records.jsonl"].splitlines(keepends=True)[1:])
        rezip(w.tmp / f"{name}.btbundle",
              [(n, payload + b"\n" + rest if n == "records.jsonl" else d) for n, d in items.items()])
        refused(w.tmp / f"{name}.btbundle", w.trust, match)
    big = dict(w.lines[0]["record"], body={"n": 2**80})
    m = manifest_of(w)
    m["records"] = m["records"][:1]
    m["counts"] = {**m["counts"], "records": 1}
    # 2**80 is valid JSON but outside RFC 8785's integer range, so it has no canonical hash
    raw = json.dumps({"record": big, "hash": "0" * 64, "signature": None}).encode() + b"\n"
    refused(resigned(w, m, records=raw), w.trust, "canonical form")


def test_mutation_fuzz(w):
    counts = fuzz(w, 1200, seed=1126)
    assert sum(counts.values()) == 1200
    assert counts.get("accepted, identical content", 0) < 200  # only ZIP metadata we do not use
