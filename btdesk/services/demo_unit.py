"""The BT unit's demo: Region Stockholm's BT unit with a small cohort, as its administrator sees it.

Filled through the real paths: the unit's own CA issues each demo BT-läkare's certificate; each of
them (made in a temporary folder, gone afterwards) sends the unit a signed bundle; the unit
imports those files as `unit import` does. The three started at different times, and two have
not sent anything for a while, so the Kullen view shows doctors in and out of phase."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from btdesk.services.portfolio import Portfolio
from btdesk.timeutil import add_months

# name, and how many months ago she last sent her portfolio (her BT began five months before that)
COHORT = (("Amira Haddad", 0), ("Johan Lindqvist", 2), ("Sofia Karlsson", 5))


def unit_filler(today: date, step: Callable[[int, int], None]) -> Callable[[Portfolio], None]:
    """`initial` for Portfolio.create: runs inside the creation, so a half-made demo never appears."""
    def fill(unit: Portfolio) -> None:
        from btdesk import identity as idn
        from btdesk.services.demo import passphrase_for_demo
        from btdesk.services.unit_import import import_files

        pw = passphrase_for_demo()
        idn.ca_init(unit.home, pw)
        with tempfile.TemporaryDirectory(prefix="btdesk-demo-") as tmp:
            bundles = []
            for i, (name, months_ago) in enumerate(COHORT):
                step(i + 1, len(COHORT) + 2)
                bundles.append(_doctor_bundle(unit, name, add_months(today, -months_ago), Path(tmp) / f"d{i}"))
            step(len(COHORT) + 1, len(COHORT) + 2)
            import_files(unit, bundles)
    return fill


def _doctor_bundle(unit: Portfolio, name: str, last_sent: date, home: Path) -> Path:
    """Her portfolio as of last_sent, certified by the unit, sent to the unit as one signed bundle."""
    from btdesk import identity as idn
    from btdesk.services.demo import fill_doctor, passphrase_for_demo
    from btdesk.services.exchange import export_bundle

    pw = passphrase_for_demo()
    with Portfolio.create(home, name=name, role="doctor", programme_id=unit.programme.id, passphrase=pw,
                          initial=lambda d: fill_doctor(d, last_sent)) as doctor:
        idn.install_cert(home, idn.ca_issue(unit.home, idn.make_csr(home, pw), pw), trust_root=True)
        sent = export_bundle(doctor, home.with_suffix(".btbundle"), recipient=unit.profile.fingerprint,
                             passphrase=pw)
    assert sent is not None  # a filled portfolio always has something to send
    return sent.path
