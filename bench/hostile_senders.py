"""Hostile senders: well-formed, validly signed bundles and responses that try to say things
about someone else, or to count without trust (bench/fuzz_bundle.py attacks the file format;
this attacks who may say what about whom).

A world is made once (keys are the slow part): a BT unit with its CA, a victim doctor (Bo)
and an attacking doctor (Amira), both certified by the unit, a real supervisor the unit
certified whose two assessments of Bo count, a stranger, Amira's self-made assessor
"Erik Berg" (self-signed, the same name as a real supervisor), and a handledare certified by
another region's unit, which nobody here trusts (valid, so unconfirmed). Amira's own certified
key signing an assessment of Bo is an attack too: a doctor may not vouch (identity.standing).
Each case picks a sender, a target (Bo's own portfolio or the unit) and a few records — kinds, subjects named in the
body, signatures by whom — at random, imports them through the real import path, and checks
the property: no count at the doctor or the unit changes from unconfirmed or misattributed
input. A refusal (one sentence, nothing changed) is an allowed outcome.

    python -m bench.hostile_senders [N] [SEED]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PASS = "hostile bench passphrase"
KINDS = ("assessment", "assessment", "signoff", "talk", "bt", "placement", "activity", "checklist", "evidence")
# Amira's own account (her talks, activities) is hers to give; what others vouch for about her is not
ASSESSOR = ("assessment", "signoff", "final_judgement")


@dataclass
class Person:
    name: str
    home: Path
    signer: Any
    fingerprint: str


class FastSigner:
    """The same detached CMS (openssl accepts both) from cryptography's own builder: an order of
    magnitude faster than building it in asn1crypto, which matters over thousands of cases."""

    def __init__(self, signer: Any):
        self.identity, self.cert, self.chain = signer.identity, signer.cert, signer.chain
        self._key = signer.key_signer._key  # the bench made these keys itself

    def sign(self, data: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.serialization import pkcs7

        b = pkcs7.PKCS7SignatureBuilder().set_data(bytes(data)).add_signer(self.cert, self._key, hashes.SHA256())
        for extra in self.chain:
            b = b.add_certificate(extra)
        opts = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCapabilities]
        return b.sign(serialization.Encoding.DER, opts)


@dataclass
class World:
    tmp: Path
    unit: Any  # Portfolio (role unit)
    bo: Any  # Portfolio: the victim's own portfolio
    people: dict[str, Person]
    placements: list[str]
    sequence: dict[tuple[str, str], int] = field(default_factory=dict)
    baseline: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.unit.close()
        self.bo.close()


def _person(tmp: Path, key: str, name: str, role: str, unit_home: Path | None) -> Person:
    from btdesk import identity as idn

    home = tmp / key
    idn.create_identity(home, name, role, lambda _: PASS)
    if unit_home is not None:
        idn.install_cert(home, idn.ca_issue(unit_home, idn.make_csr(home, PASS), PASS), trust_root=True)
    signer = FastSigner(idn.load_signer(home, lambda _: PASS))
    return Person(name, home, signer, signer.identity.fingerprint)


def _other_region(tmp: Path) -> Path:
    """Another region's BT unit with its own root, which neither Bo nor the unit trusts."""
    from btdesk import identity as idn

    home = tmp / "other_region"
    idn.create_identity(home, "Region Norr BT-enheten", "unit", lambda _: PASS)
    idn.ca_init(home, lambda _: PASS)
    return home


def _doctor(tmp: Path, name: str, unit_home: Path) -> Any:
    from btdesk import identity as idn
    from btdesk.services import bt
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.create(tmp / name.split()[0].lower(), name=name, role="doctor", programme_id="stockholm",
                         passphrase=lambda _: PASS)
    idn.install_cert(p.home, idn.ca_issue(unit_home, idn.make_csr(p.home, PASS), PASS), trust_root=True)
    bt.set_bt(p, start="2027-01-01", huvudhandledare="Dr Karin Lind")
    bt.add_placement(p, kind="akut_sjukvard", site="Södersjukhuset", supervisor="Dr Erik Berg",
                     start="2027-01-01", end="2027-04-30")
    bt.add_placement(p, kind="allmanmedicin", site="VC Gubbängen", supervisor="Dr Sara Nilsson",
                     start="2027-05-01", end="2027-08-31")
    return p


def make_world(tmp: Path) -> World:
    """Everyone, with their keys (made once), and what honestly counts before any attack."""
    from btdesk import identity as idn
    from btdesk.services.exchange import Recipient, export_bundle
    from btdesk.services.exchange_import import import_bundle
    from btdesk.services.portfolio import Portfolio

    unit = Portfolio.create(tmp / "unit", name="Region Stockholm BT-enheten", role="unit",
                            programme_id="stockholm", passphrase=lambda _: PASS)
    idn.ca_init(unit.home, PASS)
    bo = _doctor(tmp, "Bo Ek", unit.home)
    amira = _doctor(tmp, "Amira Haddad", unit.home)
    people = {
        "erik": _person(tmp, "erik", "Erik Berg", "supervisor", unit.home),  # the real one, certified
        "fake_erik": _person(tmp, "fake_erik", "Erik Berg", "supervisor", None),  # Amira's second profile
        "stranger": _person(tmp, "stranger", "Okänd Främling", "doctor", None),
        "foreign": _person(tmp, "foreign", "Erik Berg", "supervisor", _other_region(tmp)),
    }
    for p in (bo, amira):
        s = p.profile
        people[s.name.split()[0].lower()] = Person(s.name, p.home, FastSigner(idn.load_signer(p.home, lambda _: PASS)),
                                                   s.fingerprint)
    placements = [r.id for r in bo.records("placement")]
    _honest_assessments(bo, people["erik"], placements)
    to_unit = Recipient(unit.profile.fingerprint, unit.profile.name, "unit")
    for p in (bo, amira):
        import_bundle(unit, export_bundle(p, tmp / f"{p.profile.name}.btbundle", recipient=to_unit,
                                          passphrase=lambda _: PASS).path)
    amira.close()
    w = World(tmp, unit, bo, people, placements)
    w.baseline = snapshot(w)
    w.figures = figures(w)
    assert w.figures["bo_unit"]["assessments_done"] == 2, w.figures  # the honest evidence counts
    return w


def _honest_assessments(bo: Any, erik: Person, placements: list[str]) -> None:
    from btdesk.services import assessments
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import new_wire, signed_bytes

    for i, inst in enumerate(("mini_cex", "dops")):
        body = {"instrument": inst, "placement": placements[0], "delmal": ["BT1"], "date": f"2027-02-1{i}",
                "doctor": "Bo Ek", "doctor_fingerprint": bo.profile.fingerprint, "ratings": {}}
        wire = new_wire("assessment", body, author=erik.fingerprint, author_name=erik.name)
        resp = assessments.SignedResponse(wire, erik.signer.sign(signed_bytes(wire)), cert_pem_of(erik.signer), None)
        assessments.import_response(bo, assessments.write_response(resp, erik.home / f"honest-{i}"))


# -- what must never change -------------------------------------------------------------------
def snapshot(w: World) -> dict[str, frozenset[tuple[str, str]]]:
    """The counted records: all of Bo's (at Bo and at the unit), and the assessments of Amira."""
    from btdesk.services.cohort import UnitStore

    store = UnitStore(w.unit.engine)
    bo_fp, amira_fp = w.people["bo"].fingerprint, w.people["amira"].fingerprint
    at_unit = store.records_by_subject(kinds=None)
    return {
        "bo_own": frozenset((r.kind, r.hash) for r in w.bo.records()),
        "bo_unit": frozenset((r.kind, r.hash) for r in at_unit.get(bo_fp, [])),
        "amira_unit": frozenset((r.kind, r.hash) for r in at_unit.get(amira_fp, []) if r.kind in ASSESSOR),
    }


def figures(w: World) -> dict[str, Any]:
    """Progress and cohort figures, for the end of a run."""
    from btdesk.services.cohort import UnitStore, overview_of_store
    from btdesk.services.progress import progress

    today = date(2027, 6, 15)
    pr = progress(w.bo, today)
    rows = {r.fingerprint: r for r in overview_of_store(UnitStore(w.unit.engine), today)}
    keep = ("months_served", "assessments_done", "talks_held", "delmal", "in_phase", "start", "left")
    unit_rows = {who: {k: getattr(rows[w.people[who].fingerprint], k) for k in keep if
                       hasattr(rows[w.people[who].fingerprint], k)} for who in ("bo", "amira")}
    return {"bo_own": {"start": pr.start, "months": pr.months_served, "in_phase": pr.in_phase,
                       "delmal": [(d.id, d.status, d.assessments) for d in pr.delmal],
                       "placements": [(x.id, x.assessments_done, x.talks_held) for x in pr.placements]},
            "bo_unit": unit_rows["bo"],
            "amira_unit": {k: v for k, v in unit_rows["amira"].items() if k in ("assessments_done",)}}


# -- one hostile case -------------------------------------------------------------------------
def _body(kind: str, rng: random.Random, named: str | None, w: World) -> dict[str, Any]:
    day = (date(2027, 1, 5) + timedelta(days=rng.randrange(150))).isoformat()
    pl = rng.choice(w.placements + [None])
    dm = sorted(set(rng.sample([f"BT{i}" for i in range(1, 19)], rng.randint(1, 3))))
    b: dict[str, Any]
    if kind == "assessment":
        b = {"instrument": rng.choice(("mini_cex", "dops", "cbd", "medsittning")), "placement": pl, "date": day,
             "delmal": dm, "ratings": {"overall": rng.randint(1, 9)}}
    elif kind == "signoff":
        b = {"target": {"id": rng.choice(w.placements), "hash": "0" * 64, "kind": "talk"}, "date": day}
    elif kind == "talk":
        b = {"type": "supervision", "date": day, "placement": pl, "participants": ["Erik Berg"],
             "topics": ["x"], "notes": "", "agreed_actions": [], "delmal": dm}
    elif kind == "bt":
        b = {"programme": "stockholm", "start": rng.choice(("2020-01-01", "2027-01-01", "2026-06-01")),
             "percent": 100, "huvudhandledare": "x", "doctor": "Bo Ek", "left": rng.random() < 0.5}
    elif kind == "placement":
        b = {"kind": "akut_sjukvard", "site": "X", "supervisor": "Dr Erik Berg", "start": "2027-01-01",
             "end": "2027-12-31", "percent": 100}
    elif kind == "checklist":
        b = {"placement": pl, "item": "akut_minicex", "done": True, "date": day, "evidence": [], "note": ""}
    elif kind == "evidence":
        b = {"delmal": dm[0], "records": []}
    else:
        b = {"type": "course", "title": rng.choice(("ALS", "Kurs\x1b[8m", "Erik Berg\u202e")), "date": day, "hours": 8,
             "delmal": dm, "placement": pl, "notes": ""}
    if named is not None:
        b["doctor_fingerprint"] = named
        b["doctor"] = rng.choice(("Bo Ek", "Amira Haddad", "x"))
    return b


@dataclass
class Case:
    target: str  # "bo" | "unit"
    sender: str
    kinds: list[str]
    path: Path


def _lines(w: World, rng: random.Random, sender: Person, n: int) -> tuple[list[dict[str, Any]], list[str]]:
    from btdesk.store.wire import new_wire, signed_bytes

    bo, amira = w.people["bo"].fingerprint, w.people["amira"].fingerprint
    lines, kinds = [], []
    for _ in range(n):
        kind = rng.choice(KINDS)
        named = rng.choice((bo, bo, amira, sender.fingerprint, "f" * 64, None))
        # who signs: nobody (it rides on the bundle), the sender, or a signer with no standing
        by = rng.choice(("none", "none", "sender", "fake_erik", "stranger", "foreign", "amira", "amira_self"))
        if by == "amira_self":  # Amira's own key on an assessment of herself
            signer, named = w.people["amira"], amira
            kind = rng.choice(("assessment", "signoff"))  # her own signed talk is her own account
        elif by in ("fake_erik", "stranger", "foreign", "amira"):
            signer = w.people[by]  # Amira's certified key may sign, but a doctor may not vouch for Bo
        else:
            signer = sender
        wire = new_wire(kind, _body(kind, rng, named, w), author=signer.fingerprint, author_name=signer.name)
        sig = signer.signer.sign(signed_bytes(wire)) if by != "none" else None
        lines.append({"record": wire, "signature": sig})
        kinds.append(kind)
    return lines, kinds


def write_raw(path: Path, signer: Any, recipients: list[dict[str, str]], sequence: int,
              lines: list[dict[str, Any]]) -> None:
    """A bundle as an attacker writes it: the format exactly, without btdesk's own writer."""
    import base64
    import zipfile

    from btdesk.canonical import canonical_bytes, record_hash

    out = []
    for ln in lines:
        sig = ln["signature"]
        out.append({"record": ln["record"], "hash": record_hash(ln["record"]),
                    "signature": base64.b64encode(sig).decode("ascii") if sig else None})
    ident = signer.identity
    manifest = {"format": "btbundle", "format_version": 1, "created": "2027-06-01T10:00:00Z",
                "sender": {"name": ident.name, "fingerprint": ident.fingerprint, "role": ident.role},
                "recipients": recipients, "sequence": sequence, "previous": None,
                "records": [{"id": x["record"]["id"], "version": x["record"]["version"], "hash": x["hash"]}
                            for x in out],
                "attachments": [], "counts": {"records": len(out), "attachments": 0}}
    mb = canonical_bytes(manifest)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", mb)
        z.writestr("manifest.p7s", signer.sign(mb))
        z.writestr("records.jsonl", b"".join(canonical_bytes(x) + b"\n" for x in out))


def make_case(w: World, rng: random.Random, i: int) -> Case:

    target = rng.choice(("bo", "unit"))
    sender_key = rng.choice(("stranger", "fake_erik", "amira", "foreign"))
    sender = w.people[sender_key]
    lines, kinds = _lines(w, rng, sender, rng.randint(1, 4))
    to = w.people["bo"].fingerprint if target == "bo" else w.unit.profile.fingerprint
    key = (sender.fingerprint, to)
    w.sequence[key] = w.sequence.get(key, 0) + 1
    path = w.tmp / "cases" / f"{i:05d}.btbundle"
    path.parent.mkdir(exist_ok=True)
    write_raw(path, sender.signer, rng.choice(([{"fingerprint": to}], [])), w.sequence[key], lines)
    return Case(target, sender_key, kinds, path)


@dataclass
class Report:
    cases: int = 0
    imported: int = 0
    refused: int = 0
    records: int = 0
    seconds: float = 0.0


def _memory_keyring() -> Any:
    """Keys in memory for the run: a passphrase file costs a deliberate second of scrypt each."""
    import keyring
    import keyring.backend

    class Memory(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]
        store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    return previous


def scratch() -> Path:
    """A folder in memory where there is one (the checks are about rules, not disks)."""
    shm = Path("/dev/shm")
    return Path(tempfile.mkdtemp(prefix="btdesk-hostile-", dir=shm if shm.is_dir() else None))


def run(n: int = 2000, seed: int = 11, tmp: Path | None = None, check_every: int = 10) -> Report:
    """`check_every`: compare what counts after every so many cases (and always at the end);
    a change persists, so a later check still sees it."""
    import keyring

    from btdesk.errors import BtdeskError
    from btdesk.services.exchange_import import import_bundle

    tmp = Path(tmp or scratch())
    previous = _memory_keyring()
    try:
        w = make_world(tmp)
    finally:
        keyring.set_keyring(previous)
    rng = random.Random(seed)
    rep, t0 = Report(), time.perf_counter()
    try:
        for i in range(n):
            case = make_case(w, rng, i)
            target = w.bo if case.target == "bo" else w.unit
            try:
                got = import_bundle(target, case.path)
                rep.imported += 1
                rep.records += got.new
            except BtdeskError as e:
                rep.refused += 1
                assert "\n" not in str(e), str(e)
            rep.cases += 1
            if i % check_every == 0:
                now = snapshot(w)
                assert now == w.baseline, f"case {i} ({case}) changed what counts: " \
                    f"{ {k: sorted(now[k] ^ w.baseline[k]) for k in now if now[k] != w.baseline[k]} }"
            case.path.unlink()
        assert snapshot(w) == w.baseline
        assert figures(w) == w.figures, (figures(w), w.figures)
    finally:
        w.close()
    rep.seconds = time.perf_counter() - t0
    return rep


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    r = run(n, seed)
    print(f"{r.cases} hostile cases: {r.imported} imported ({r.records} records), {r.refused} refused, "
          f"{r.seconds:.1f} s; no count changed.")
