"""The supervisor's demo: Dr Erik Berg as a handledare finds him after a few months with a BT-läkare.

Filled through the real paths, like the doctor's demo: a demo BT-läkare (Amira Haddad, made in
a temporary folder and gone afterwards) asks, Erik opens each request, signs and answers it; he
writes talks unasked; and one request from her is still waiting for him."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from btdesk.services.portfolio import Portfolio


def supervisor_filler(today: date, step: Callable[[int, int], None]) -> Callable[[Portfolio], None]:
    """`initial` for Portfolio.create: runs inside the creation, so a half-made demo never appears."""
    def fill(sup: Portfolio) -> None:
        from btdesk.services.demo import fill_doctor, passphrase_for_demo
        from btdesk.services.demo_assessments import add_demo_assessments

        with tempfile.TemporaryDirectory(prefix="btdesk-demo-") as tmp:
            step(1, 4)
            doctor = Portfolio.create(Path(tmp) / "bt-lakare", name="Amira Haddad", role="doctor",
                                      programme_id=sup.programme.id, passphrase=passphrase_for_demo(),
                                      initial=lambda d: fill_doctor(d, today))
            try:
                step(2, 4)
                add_demo_assessments(doctor, today=today, sup=sup, side=Path(tmp))
                step(3, 4)
                _open_request(doctor, sup, today, Path(tmp))
            finally:
                doctor.close()
    return fill


def _open_request(doctor: Portfolio, sup: Portfolio, today: date, folder: Path) -> None:
    """A DOPS she asked for three days ago, opened by Erik and not yet answered."""
    from btdesk.services import bt, requests, sent_requests, supervisor
    from btdesk.services.demo import passphrase_for_demo

    current = next((p for p in bt.placements(doctor) if p.start <= today <= p.end), None)
    path, _sent = sent_requests.make_request(
        doctor, folder / "dops", instrument="dops", case="Pleuratappning", delmal=["BT1"],
        to=sup.profile.name, on=today - timedelta(days=3), placement=current.id if current else None,
        passphrase=passphrase_for_demo())
    supervisor.add_doctor_from_request(sup, requests.read_request(path, sup.home))
