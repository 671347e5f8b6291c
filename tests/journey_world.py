"""The people of the journeys before a journey starts, each in a home of their own (closed, so
that a window or the CLI opens it as the app would): the region's BT unit with its CA, Amira
certified by it and ten weeks into BT at Södersjukhuset, Dr Erik Berg certified by it too (a
supervisor profile without a programme), and Dr Sara Nilsson at a clinic outside the region,
with a self-signed identity. What the other role sends is made here as a real file."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from btdesk import identity as idn
from btdesk.services.portfolio import Portfolio
from journey_kit import PW

TODAY = date.today()
START = TODAY - timedelta(weeks=10)
PLAN = [("akut_sjukvard", "Södersjukhuset", "Erik Berg", 0, 120),
        ("allmanmedicin", "VC Gubbängen", "Sara Nilsson", 121, 242),
        ("geriatrik", "Dalens sjukhus", "Olof Ek", 243, 303),
        ("psykiatri", "Psykiatri Södra", "Maria Holm", 304, 364)]


@dataclass
class People:
    tmp: Path
    unit: Path
    amira: Path
    berg: Path
    nilsson: Path


def _create(home: Path, name: str, role: str, programme: str | None = "stockholm") -> Portfolio:
    return Portfolio.create(home, name=name, role=role, programme_id=programme, passphrase=lambda _: PW)


def make_people(tmp: Path, start: date = START) -> People:
    from btdesk.services import bt

    unit = _create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PW)
    amira = _create(tmp / "amira", "Amira Haddad", "doctor")
    idn.install_cert(amira.home, idn.ca_issue(unit.home, idn.make_csr(amira.home, PW), PW), trust_root=True)
    bt.set_bt(amira, start=start, huvudhandledare="Dr Karin Lind")
    for kind, site, sup, a, b in PLAN:
        bt.add_placement(amira, kind=kind, site=site, supervisor=sup, start=start + timedelta(days=a),
                         end=start + timedelta(days=b))
    berg = _create(tmp / "berg", "Erik Berg", "supervisor", programme=None)
    idn.install_cert(berg.home, idn.ca_issue(unit.home, idn.make_csr(berg.home, PW), PW), trust_root=True)
    nilsson = _create(tmp / "nilsson", "Sara Nilsson", "supervisor")
    # she checks the doctors' requests against the region's root, but signs with her own key
    from cryptography.hazmat.primitives import serialization

    idn.TrustStore(nilsson.home).add_root(idn.load_public(unit.home).cert.public_bytes(serialization.Encoding.PEM))
    for p in (unit, amira, berg, nilsson):
        p.close()
    idn.forget_session()  # each person unlocks their own key, as on their own laptop
    return People(tmp, unit.home, amira.home, berg.home, nilsson.home)


def request_file(people: People, out: Path, *, instrument: str = "mini_cex", case: str = "Chest pain",
                 delmal: tuple[str, ...] = ("BT1", "BT9"), to: str = "Erik Berg") -> Path:
    """Amira's request, as the file she e-mails (journey 1 makes it in her window)."""
    from btdesk.services.sent_requests import make_request

    with Portfolio.open(people.amira) as p:
        path, _req = make_request(p, out, instrument=instrument, case=case, delmal=list(delmal), to=to,
                                  passphrase=lambda _: PW)
    idn.forget_session()
    return Path(path)


MINI_CEX: dict[str, Any] = {
    "setting": "Akutmottagning", "complexity": "Hög", "observed_minutes": 15, "feedback_minutes": 5,
    "interviewing": 6, "examination": 5, "professionalism": 7, "counselling": 5, "judgement": 6,
    "organisation": 6, "overall": 6, "entrustment": 3, "went_well": "Strukturerad anamnes.",
    "improve": "Sammanfatta tydligare.", "action": "Ny Mini-CEX om tva veckor."}


def answer(home: Path, request: Path, out: Path, values: dict[str, Any] = MINI_CEX) -> Path:
    """A supervisor's signed response to a request, as the file he e-mails back (journey 2 makes
    it in his window)."""
    from btdesk.forms import load_template
    from btdesk.services import requests
    from btdesk.services.answer import sign_and_answer
    from btdesk.services.profile_edit import programme_for

    with Portfolio.open(home) as sup:
        opened = requests.read_request(request, sup.home)
        r = opened.request
        template = load_template(r["instrument"], programme_for(sup, r.get("programme")))
        sign_and_answer(sup, template, {**values, "case": r["case"], "delmal": r["delmal"], "date": r["date"]},
                        doctor=r["doctor"], request=r, passphrase=lambda _: PW, choose_path=lambda _n: str(out))
    idn.forget_session()
    return out
