"""Real evidence for tests: assessments signed by a supervisor and imported as .btresponse
files, as they reach a doctor, so they count only as far as the trust rule says."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PW = os.environ.get("BTDESK_PASSPHRASE", "correct horse battery staple")


def supervisor_home(doctor: Any, name: str = "Dr Erik Berg") -> Path:
    """One supervisor per doctor home (made once), beside the doctor's home."""
    from btdesk.services.portfolio import Portfolio

    home = Path(doctor.home).with_name(Path(doctor.home).name + "-" + name.split()[-1].lower())
    if not (home / "portfolio.sqlite").exists():
        Portfolio.create(home, name=name, role="supervisor", programme_id="stockholm",
                         passphrase=lambda _: PW).close()
    return home


def give(doctor: Any, bodies: list[dict[str, Any]], *, kind: str = "assessment", confirm: bool = True,
         name: str = "Dr Erik Berg") -> list[Any]:
    """Sign each body as the supervisor, import it into the doctor's portfolio; with `confirm`
    the doctor confirms the supervisor's fingerprint (so the records count)."""
    from btdesk.identity import load_public, load_signer
    from btdesk.services import assessments
    from btdesk.services.signed_files import cert_pem_of
    from btdesk.store.wire import new_wire, signed_bytes

    home = supervisor_home(doctor, name)
    who = load_public(home)
    signer = load_signer(home, lambda _: PW)
    out = []
    for body in bodies:
        body = {**body, "doctor": doctor.profile.name, "doctor_fingerprint": doctor.profile.fingerprint}
        wire = new_wire(kind, body, author=who.fingerprint, author_name=who.name)
        resp = assessments.SignedResponse(wire, signer.sign(signed_bytes(wire)), cert_pem_of(signer), None)
        path = assessments.write_response(resp, home / f"given-{wire['id']}")
        out.append(assessments.import_response(doctor, path).record)
    if confirm:
        assessments.confirm_signer(doctor, who.fingerprint)
    return out


def give_in_bundle(doctor: Any, kind: str, bodies: list[dict[str, Any]], *, name: str = "Dr Eva Extern") -> None:
    """Records of any kind signed by someone else and naming the doctor, reaching her in that
    person's bundle (final judgements travel so); the doctor confirms the signer."""
    from btdesk.identity import load_signer
    from btdesk.services import assessments
    from btdesk.services.exchange import export_bundle
    from btdesk.services.exchange_import import import_bundle
    from btdesk.services.portfolio import Portfolio

    with Portfolio.open(supervisor_home(doctor, name)) as who:
        signer = load_signer(who.home, lambda _: PW)
        for body in bodies:
            who.put(kind, {**body, "doctor": doctor.profile.name, "doctor_fingerprint": doctor.profile.fingerprint},
                    sign=signer.sign)
        out = export_bundle(who, who.home / f"{kind}.btbundle", passphrase=lambda _: PW)
        fp = who.profile.fingerprint
    import_bundle(doctor, out.path)
    assessments.confirm_signer(doctor, fp)
