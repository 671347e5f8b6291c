"""The cohort benchmark's fixture: a BT unit and the real `.btbundle` files of its doctors.

Every doctor is a real profile (`Portfolio.create`: its own key, passphrase-protected, and a
certificate the unit's CA issued), filled through the services the window uses: a BT year of
four placements, fortnightly supervision talks, activities, documents with attachments, and
about 18 assessments that supervisors (real identities, certificates from the same CA) signed
and the doctor imported as `.btresponse` files. Each doctor then exports one bundle for the
unit with `export_bundle`, exactly as `btdesk export` does.

Making 300 doctors takes minutes (a key derivation per passphrase), so the result is kept on
disk under a name made of VERSION and the sizes; change VERSION when what is generated
changes. The folder is built beside its final name and renamed into place, so a run that is
interrupted leaves no half-made fixture behind.
"""
from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.cache import cached, scratch_dir

VERSION = "cohort-1"
PASS = "bench passphrase 123"
START = date(2027, 1, 1)
PLAN = (("akut_sjukvard", "Södersjukhuset, akuten", 4), ("allmanmedicin", "Vårdcentralen Gubbängen", 4),
        ("geriatrik", "Dalens sjukhus", 2), ("psykiatri", "Psykiatri Södra", 2))
INSTRUMENTS = ("mini_cex", "dops", "cbd")
ASSESSMENTS = 18
DOCUMENTS = 3
UNIT_NAME = "Region Stockholm BT-enheten (bench)"


@dataclass(frozen=True)
class Fixture:
    root: Path
    unit_home: Path  # a template: copy it, never import into it
    bundles: list[Path]
    built_s: float | None  # None when it came from the cache


def fixture(doctors: int, supervisors: int, cache: Path | None = None,
            out: Callable[[str], None] = print) -> Fixture:
    """The cached fixture for these sizes, made first when missing."""
    root, built = cached(f"{VERSION}-{doctors}d-{supervisors}s",
                         lambda work: _make(work, doctors, supervisors), cache, out)
    return Fixture(root, root / "unit", sorted((root / "bundles").glob("*.btbundle")), built)


def _passphrase(_prompt: str) -> str:
    return PASS


def _make(work: Path, doctors: int, n_supervisors: int) -> None:
    from btdesk import identity as idn
    from btdesk.services.portfolio import Portfolio

    unit = Portfolio.create(work / "unit", name=UNIT_NAME, role="unit", programme_id="stockholm",
                            passphrase=_passphrase)
    try:
        idn.ca_init(unit.home, _passphrase)
        sups = [_supervisor(work / "supervisors" / f"s{i:02d}", unit.home, f"Dr Handledare {i:02d}")
                for i in range(n_supervisors)]
        (work / "bundles").mkdir()
        rnd = random.Random(2027)
        # The doctors' homes are thrown away once their bundle is written: make them in
        # memory where there is a tmpfs, so that thousands of commits do not wait for a disk.
        scratch = scratch_dir()
        try:
            for i in range(doctors):
                _doctor(work, scratch, i, unit, sups, rnd)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        unit.close()
    shutil.rmtree(work / "supervisors")
    idn.forget_session()


def _supervisor(home: Path, unit_home: Path, name: str):
    """A supervisor's identity enrolled with the unit; returns their signer."""
    from btdesk import identity as idn

    idn.create_identity(home, name, "supervisor", _passphrase)
    idn.install_cert(home, idn.ca_issue(unit_home, idn.make_csr(home, _passphrase), _passphrase))
    return idn.load_signer(home, _passphrase)


def _doctor(work: Path, scratch: Path, i: int, unit, sups: list, rnd: random.Random) -> None:
    from btdesk import identity as idn
    from btdesk.services.exchange import Recipient, export_bundle
    from btdesk.services.portfolio import Portfolio

    home = scratch / f"d{i:03d}"
    doc = Portfolio.create(home, name=f"Doktor {i:03d} Bench", role="doctor", programme_id="stockholm",
                           passphrase=_passphrase)
    try:
        idn.install_cert(home, idn.ca_issue(unit.home, idn.make_csr(home, _passphrase), _passphrase),
                         trust_root=True)
        _fill_year(doc, scratch, rnd)
        _assessments(doc, scratch, sups, rnd)
        export_bundle(doc, work / "bundles" / f"doktor-{i:03d}.btbundle", everything=True,
                      signer=idn.load_signer(home, _passphrase),
                      recipient=Recipient(unit.profile.fingerprint, unit.profile.name))
    finally:
        doc.close()
    shutil.rmtree(home)


def _fill_year(doc, work: Path, rnd: random.Random) -> None:
    """bt, four placements, fortnightly talks and activities, three documents (~56 records)."""
    from btdesk.services import bt, entries
    from btdesk.timeutil import add_months

    bt.set_bt(doc, start=START, huvudhandledare="Dr Karin Lind")
    day = START
    for n, (kind, site, months) in enumerate(PLAN):
        end = add_months(day, months) - timedelta(days=1)
        pl = bt.add_placement(doc, kind=kind, site=site, supervisor=f"Dr Handledare {n:02d}", start=day, end=end)
        t = day + timedelta(days=13)
        while t <= end:
            entries.save_talk(doc, date=t, placement=pl.id, participants=[pl.supervisor],
                              topics=["Veckans fall"], notes="Genomgång av lärandemål.",
                              agreed_actions=["Läsa på"], delmal=["BT1"])
            entries.save_activity(doc, type="clinical", title="Patientfall med handledare", date=t, hours=2,
                                  delmal=[f"BT{rnd.randint(1, 18)}"], placement=pl.id,
                                  notes="Handläggning diskuterad; lärdom noterad.")
            t += timedelta(days=15)
        day = end + timedelta(days=1)
    for k in range(DOCUMENTS):  # scanned course certificates: a few kB, barely compressible
        f = work / f"intyg-{k}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + rnd.randbytes(6_000))
        entries.add_document(doc, f, title=f"Kursintyg {k + 1}", date=START + timedelta(days=40 * k + 10),
                             delmal=["BT1"])
        f.unlink()


def _assessments(doc, work: Path, sups: list, rnd: random.Random) -> None:
    """ASSESSMENTS signed by supervisors and imported as the doctor imports a .btresponse."""
    from btdesk.services import assessments, bt
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import signed_bytes

    pls = bt.placements(doc)
    for k in range(ASSESSMENTS):
        signer = rnd.choice(sups)
        pl = pls[k % len(pls)]
        day = pl.start + timedelta(days=5 + 6 * (k // len(pls)))
        wire = _assessment_wire(signer.identity, doc.profile, pl.id, day, INSTRUMENTS[k % 3], rnd)
        resp = assessments.SignedResponse(wire, signer.sign(signed_bytes(wire)), cert_pem_of(signer), None)
        path = assessments.write_response(resp, work / f"response-{k}")
        assessments.import_response(doc, path)
        path.unlink()


def _assessment_wire(sup, doctor, placement: str, day: date, instrument: str, rnd: random.Random) -> dict[str, Any]:
    from btdesk.store.wire import new_wire

    body = {"template": instrument, "template_version": 1, "instrument": instrument, "doctor": doctor.name,
            "doctor_fingerprint": doctor.fingerprint, "request": None, "placement": placement,
            "date": day.isoformat(), "delmal": sorted({f"BT{rnd.randint(1, 18)}", "BT1"}),
            "ratings": {"anamnes": rnd.randint(3, 6), "status": rnd.randint(3, 6), "kommunikation": rnd.randint(3, 6)},
            "not_observed": [], "case": "Bröstsmärta, oklar genes",
            "text": {"went_well": "Strukturerad anamnes.", "improve": "Sammanfatta för patienten."}}
    return new_wire("assessment", body, author=sup.fingerprint, author_name=sup.name,
                    when=f"{day.isoformat()}T15:00:00Z")
