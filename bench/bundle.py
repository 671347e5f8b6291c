"""`btdesk bench bundle`: export and import of a full-year portfolio, and how import time
compares with the raw cost of the signature verifications it must do.

A doctor with ≥ 600 entries, 50 attachments and 40 supervisor-signed assessments exports
everything for the BT unit; a fresh unit imports it. Then the same signatures (the
manifest's and every signed record's) are verified again in a loop, in this process, so
the ratio says how much import costs beyond the cryptography it cannot avoid.
"""
from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PASS = os.environ.get("BTDESK_PASSPHRASE") or "bench passphrase 2027"


def _portfolio(home: Path, name: str, role: str):
    from btdesk.services.portfolio import Portfolio

    return Portfolio.create(home, name=name, role=role, programme_id="stockholm", passphrase=lambda _: PASS)


def build(tmp: Path, entries: int = 600, attachments: int = 50, assessments: int = 40):
    from btdesk import identity as idn
    from btdesk.services import bt

    unit = _portfolio(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    doc = _portfolio(tmp / "doc", "Amira Haddad", "doctor")
    idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
    sup_home = tmp / "sup"
    sup = _portfolio(sup_home, "Dr Erik Berg", "supervisor")
    idn.install_cert(sup.home, idn.ca_issue(unit.home, idn.make_csr(sup.home, PASS), PASS))
    sup_signer = idn.load_signer(sup.home, PASS)
    rng = random.Random(2027)
    start = date(2027, 1, 1)
    bt.set_bt(doc, start=start.isoformat(), huvudhandledare="Dr Karin Lind")
    for i in range(attachments):  # scanned certificates: ~30 kB each, barely compressible
        f = tmp / f"intyg-{i}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + rng.randbytes(30_000))
        sha, size = doc.add_attachment(f)
        doc.put("document", {"title": f"Intyg {i}", "filename": f.name, "sha256": sha, "size": size,
                             "mime": "application/pdf", "date": (start + timedelta(days=i * 7)).isoformat(),
                             "delmal": ["BT1"], "placement": None})
    made = attachments
    while made < entries:
        day = (start + timedelta(days=rng.randrange(365))).isoformat()
        kind = rng.choice(("activity", "activity", "talk", "reflection"))
        if kind == "activity":
            body = {"type": "course", "title": f"Kurs {made}", "date": day, "hours": 4, "delmal": ["BT1", "BT9"],
                    "placement": None, "notes": "Anteckningar " * 20}
        elif kind == "talk":
            body = {"type": "supervision", "date": day, "placement": None, "participants": ["Dr Erik Berg"],
                    "topics": ["Prioritering"], "notes": "Samtal " * 30, "agreed_actions": ["Göra DOPS"], "delmal": []}
        else:
            body = {"text": "Reflektion " * 40, "date": day, "links": [], "delmal": ["BT17"]}
        r = doc.put(kind, body)
        if made % 5 == 0:  # some entries are edited later: more versions travel
            doc.put(kind, dict(body, notes="Uppdaterad") if kind != "reflection" else dict(body, text="Ny"), r.id)
        made += 1
    from btdesk.services import assessments as asm
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import new_wire, signed_bytes

    for i in range(assessments):  # signed by the supervisor, imported as the doctor imports a .btresponse
        day = (start + timedelta(days=i * 9)).isoformat()
        wire = new_wire("assessment", {"instrument": "mini_cex", "placement": None, "delmal": ["BT1"], "date": day,
                                       "doctor": doc.profile.name, "doctor_fingerprint": doc.profile.fingerprint},
                        author=sup.profile.fingerprint, author_name=sup.profile.name, when=f"{day}T12:00:00Z")
        resp = asm.SignedResponse(wire, sup_signer.sign(signed_bytes(wire)), cert_pem_of(sup_signer), None)
        asm.import_response(doc, asm.write_response(resp, tmp / f"response-{i}"))
    sup.close()
    return unit, doc


def run(entries: int = 600) -> dict:
    from btdesk import identity as idn
    from btdesk.bundle import read_bundle
    from btdesk.canonical import canonical_bytes
    from btdesk.services.exchange import Recipient, export_bundle
    from btdesk.services.exchange_import import import_bundle

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t = time.perf_counter()
        unit, doc = build(tmp, entries=entries)
        t_build = time.perf_counter() - t
        signer = idn.load_signer(doc.home, PASS)
        t = time.perf_counter()
        r = export_bundle(doc, tmp / "year.btbundle", everything=True, signer=signer,
                          recipient=Recipient(unit.profile.fingerprint, unit.profile.name))
        t_export = time.perf_counter() - t
        t = time.perf_counter()
        got = import_bundle(unit, r.path)
        t_import = time.perf_counter() - t
        # the signatures import had to check, verified again in a loop
        parsed = read_bundle(r.path, idn.TrustStore(unit.home))
        checks = [(parsed.manifest_bytes, None)] + [(canonical_bytes(ln.record), ln.signature)
                                                     for ln in parsed.lines if ln.signature]
        import zipfile
        with zipfile.ZipFile(r.path) as z:
            manifest_sig = z.read("manifest.p7s")
        checks[0] = (parsed.manifest_bytes, manifest_sig)
        passes = []
        for _ in range(5):
            trust = idn.TrustStore(unit.home)  # import builds one per bundle too
            t = time.perf_counter()
            for data, sig in checks:
                idn.verify_detached(data, sig, trust)
            passes.append(time.perf_counter() - t)
        t_verify = statistics.median(passes)
        figures = {
            "records": r.records, "attachments": r.attachments, "signed_records": len(checks) - 1,
            "bundle_mb": round(r.path.stat().st_size / 2**20, 2), "build_s": round(t_build, 2),
            "export_s": round(t_export, 3), "import_s": round(t_import, 3), "imported_new": got.new,
            "baseline": {"what": "verifying the bundle's signatures alone (median of 5)",
                         "signatures": len(checks), "seconds": round(t_verify, 4)},
            "ratio": round(t_import / t_verify, 1) if t_verify else None,
        }
        unit.close()
        doc.close()
    return figures


def report(figures: dict, out=print) -> None:
    for k, v in figures.items():
        if k == "baseline":
            out(f"{'baseline':<16} {v['what']}: {v['signatures']} signatures in {v['seconds']} s")
        else:
            out(f"{k:<16} {v}")


def main() -> None:
    report(run())


if __name__ == "__main__":
    main()
