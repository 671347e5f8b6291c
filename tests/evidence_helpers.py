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
    for i, body in enumerate(bodies):
        body = {**body, "doctor": doctor.profile.name, "doctor_fingerprint": doctor.profile.fingerprint}
        wire = new_wire(kind, body, author=who.fingerprint, author_name=who.name)
        resp = assessments.SignedResponse(wire, signer.sign(signed_bytes(wire)), cert_pem_of(signer), None)
        path = assessments.write_response(resp, home / f"given-{wire['id']}")
        out.append(assessments.import_response(doctor, path).record)
    if confirm:
        assessments.confirm_signer(doctor, who.fingerprint)
    return out
