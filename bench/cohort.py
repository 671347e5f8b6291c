"""`btdesk bench cohort`: a synthetic cohort imported into the unit store, then the overview.

300 doctors with a full year each (bt, four placements, fortnightly talks, activities,
checklist ticks and assessments signed by ≥ 40 supervisors whose certificates the unit
issued). "Import" here is what the unit store does per doctor: verify every signature
against the unit's trust store, then insert the doctor's records in one transaction. It is
compared with verifying the same signatures alone. The bundle reader (ZIP, manifest, schema)
is not part of this figure.
"""
from __future__ import annotations

import os
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from btdesk.timeutil import add_months

PASS = "bench passphrase 123"
STOCKHOLM = (("akut_sjukvard", 4), ("allmanmedicin", 4), ("geriatrik", 2), ("psykiatri", 2))
INSTRUMENTS = ("mini_cex", "dops", "cbd")


def _wire(author, name, kind, body, day):
    from btdesk.store.wire import new_wire

    return new_wire(kind, body, author=author, author_name=name, when=f"{day.isoformat()}T12:00:00Z")


def supervisors(unit_home: Path, n: int):
    """n supervisors with certificates issued by the unit's CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from btdesk.identity import Signer, ca_issue
    from btdesk.identity.names import fingerprint, make_name

    out = []
    for i in range(n):
        key = ec.generate_private_key(ec.SECP256R1())
        csr = (x509.CertificateSigningRequestBuilder()
               .subject_name(make_name(f"Dr Handledare {i:02d}", "supervisor")).sign(key, hashes.SHA256()))
        pem = ca_issue(unit_home, csr.public_bytes(serialization.Encoding.PEM), PASS)
        leaf, *chain = x509.load_pem_x509_certificates(pem)
        out.append((Signer(key, leaf, chain), fingerprint(leaf), f"Dr Handledare {i:02d}"))
    return out


def doctor_year(i: int, sups, rnd: random.Random):
    """One doctor's full BT year: (fingerprint, [(wire, signature or None)])."""
    from btdesk.canonical import canonical_bytes

    fp = f"{i:064x}"
    name = f"Doktor {i:03d}"
    start = date(2027, 1, 1) if i % 2 == 0 else date(2027, 7, 1)
    items = [(_wire(fp, name, "bt", {"programme": "stockholm", "start": start.isoformat(), "percent": 100,
                                     "huvudhandledare": "Dr Lind", "doctor": name}, start), None)]
    day = start
    for kind, months in STOCKHOLM:
        end = add_months(day, months) - timedelta(days=1)
        sup = rnd.choice(sups)
        pl = _wire(fp, name, "placement", {"kind": kind, "site": "Sjukhuset", "supervisor": sup[2],
                                           "start": day.isoformat(), "end": end.isoformat(), "percent": 100}, day)
        items.append((pl, None))
        t = day + timedelta(days=13)
        while t <= end:
            items.append((_wire(fp, name, "talk", {"type": "supervision", "date": t.isoformat(),
                                                   "placement": pl["id"], "participants": [sup[2]], "topics": ["x"],
                                                   "notes": "", "agreed_actions": [], "delmal": ["BT1"]}, t), None))
            items.append((_wire(fp, name, "activity", {"type": "clinical", "title": "Fall", "date": t.isoformat(),
                                                       "hours": 2, "delmal": [f"BT{rnd.randint(1, 18)}"],
                                                       "placement": pl["id"], "notes": ""}, t), None))
            t += timedelta(days=14)
        for k in range(3 * months // 2):
            signer, sfp, sname = rnd.choice(sups)
            d = day + timedelta(days=7 + 9 * k)
            w = _wire(sfp, sname, "assessment", {"instrument": INSTRUMENTS[k % 3], "placement": pl["id"],
                                                 "delmal": [f"BT{rnd.randint(1, 18)}"], "date": d.isoformat(),
                                                 "doctor_fingerprint": fp}, d)
            items.append((w, signer.sign(canonical_bytes(w))))
        day = end + timedelta(days=1)
    return fp, items


def run(doctors: int = 300, n_supervisors: int = 40, database_url: str | None = None) -> dict:
    from btdesk.canonical import canonical_bytes
    from btdesk.identity import TrustStore, ca_init, create_identity, forget_session, verify_detached
    from btdesk.services import cohort
    from btdesk.services.unit_store import UnitStore
    from btdesk.store.engine import sqlite_engine
    from btdesk.store.schema import ensure_schema

    tmp = Path(tempfile.mkdtemp(prefix="btdesk-bench-cohort-"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # the benchmark never touches the real keyring
    unit = tmp / "unit"
    create_identity(unit, "Bench BT-enheten", "unit", PASS)
    ca_init(unit, PASS)
    rnd = random.Random(7)
    t0 = time.perf_counter()
    sups = supervisors(unit, n_supervisors)
    cohort_data = [doctor_year(i, sups, rnd) for i in range(doctors)]
    t_make = time.perf_counter() - t0
    forget_session()
    n_records = sum(len(items) for _, items in cohort_data)
    signed = [(canonical_bytes(w), sig) for _, items in cohort_data for w, sig in items if sig]
    trust = TrustStore(unit)

    t0 = time.perf_counter()
    for data, sig in signed:
        verify_detached(data, sig, trust)
    t_verify = time.perf_counter() - t0

    if database_url:
        store = UnitStore.open_url(database_url)
    else:
        engine = sqlite_engine(tmp / "unit.sqlite")
        ensure_schema(engine, None)
        store = UnitStore(engine)
    t0 = time.perf_counter()
    for fp, items in cohort_data:
        for w, sig in items:
            if sig is not None and verify_detached(canonical_bytes(w), sig, trust).status != "verified":
                raise SystemExit("a synthetic signature did not verify")
        store.insert(items, subject=fp, origin="bench")
    t_import = time.perf_counter() - t0

    today = date(2028, 1, 15)
    t0 = time.perf_counter()
    rows = cohort.overview_of_store(store, today)
    t_overview = time.perf_counter() - t0
    t0 = time.perf_counter()
    st = cohort.statistics(cohort.doctors_of_store(store), today)
    t_stats = time.perf_counter() - t0
    store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "doctors": doctors, "supervisors": n_supervisors, "records": n_records, "signatures": len(signed),
        "store": "postgresql" if database_url else "sqlite", "make_s": round(t_make, 2),
        "verify_only_s": round(t_verify, 3), "import_s": round(t_import, 3),
        "records_per_s": round(n_records / t_import), "import_to_verify_ratio": round(t_import / t_verify, 2),
        "overview_s": round(t_overview, 3), "overview_rows": len(rows), "stats_s": round(t_stats, 3),
        "completed_within_12": st.within["12"], "peak_rss_mb": round(peak_mb),
    }
    print(f"Synthetic cohort: {doctors} doctors, {n_supervisors} supervisors, {n_records} records, "
          f"{len(signed)} signed assessments (made in {t_make:.1f} s).")
    print(f"Verifying the {len(signed)} signatures alone: {t_verify:.2f} s.")
    print(f"Import into the {result['store']} unit store (verify + insert): {t_import:.2f} s, "
          f"{result['records_per_s']} records/s, {result['import_to_verify_ratio']}× the verification alone.")
    print(f"Cohort overview of {len(rows)} doctors: {t_overview:.3f} s (aim < 1 s); statistics {t_stats:.3f} s.")
    print(f"Peak memory: {result['peak_rss_mb']} MB.")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return result


if __name__ == "__main__":
    run()
