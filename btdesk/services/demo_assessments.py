"""Demo: a supervisor (Erik Berg) whose real signed assessments of every instrument sit in
the demo doctor's portfolio, made through the real request → sign → response → import path.

Trust as it should be: a demo BT unit's CA certifies Erik and the doctor trusts that unit,
so his assessments are verified; one more Mini-CEX comes from a self-signed supervisor
nobody has confirmed (Sara Nilsson), so every view shows the difference — it is listed,
marked, and counts nowhere until the doctor confirms her fingerprint."""
from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.forms import NOT_OBSERVED, list_templates, scale_for

if TYPE_CHECKING:
    from btdesk.forms.template import Template
    from btdesk.programme.model import Programme
    from btdesk.services.bt import Placement
    from btdesk.services.portfolio import Portfolio

SUPERVISOR = "Erik Berg"
UNCONFIRMED = "Sara Nilsson"
UNIT = "Demo BT-enheten"
TEXTS = {"went_well": "Strukturerat arbetssätt och gott bemötande av patienten.",
         "improve": "Sammanfatta oftare för patienten och stäm av förståelsen.",
         "action": "Ny observation om två veckor med fokus på sammanfattning.",
         "comment": "Bra samtal; överenskomna åtgärder är rimliga.",
         "notes": "Vi gick igenom veckans patienter och BT-läkarens frågor om prioritering."}
LISTS = {"topics": ["Prioritering på akutmottagningen", "Återkoppling från Mini-CEX"],
         "agreed_actions": ["Be om en DOPS vid nästa artärpunktion", "Läsa PM om sepsis"],
         "participants": []}


def _values(t: Template, programme: Programme, day: date, i: int, case: str) -> dict[str, Any]:
    """Plausible values for any template, chosen by field type (no per-instrument code)."""
    v: dict[str, Any] = {}
    for n, f in enumerate(t.fields):
        if f.type == "rating":
            levels = [lv.value for lv in scale_for(t, f, programme).levels]
            v[f.id] = levels[min(len(levels) - 1, (len(levels) * 2) // 3 + (n + i) % 2 - 1)]
            if n % 7 == 3 and scale_for(t, f, programme).not_observed:
                v[f.id] = NOT_OBSERVED
        elif f.type == "entrustment":
            v[f.id] = 3
        elif f.type == "checkbox":
            v[f.id] = True
        elif f.type == "text":
            v[f.id] = TEXTS.get(f.id, TEXTS["went_well"])
        elif f.type == "line":
            v[f.id] = case
        elif f.type == "date":
            v[f.id] = (day - timedelta(days=50 if f.id == "round_opened" else 0)).isoformat()
        elif f.type == "duration":
            v[f.id] = max(f.min, min(f.max, 15))
        elif f.type in ("setting", "complexity"):
            v[f.id] = f.options[(i + n) % len(f.options)]
        elif f.type == "delmal":
            v[f.id] = ["BT1", "BT9"]
        elif f.type == "rater_mix":
            v[f.id] = {c.id: max(c.min, 3) for c in f.categories}
        elif f.type == "list":
            v[f.id] = list(LISTS.get(f.id, LISTS["topics"]))
    return v


def _supervisor(doctor: Portfolio, home: Path, side: Path) -> Portfolio:
    """Erik's portfolio at home: opened, or made with a certificate from a demo unit (in side)."""
    from btdesk.services.demo import passphrase_for_demo
    from btdesk.services.portfolio import Portfolio

    if (home / "portfolio.sqlite").exists():
        return Portfolio.open(home)
    sup = Portfolio.create(home, name=SUPERVISOR, role="supervisor", programme_id=doctor.programme.id,
                           passphrase=passphrase_for_demo())
    certify(sup.home, doctor.home, side / (home.name + "-enhet"))
    return sup


def _unasked_talk(doctor: Portfolio, sup: Portfolio, t: Template, i: int, today: date, day: date,
                  out_dir: Path) -> int:
    """A talk Erik signs for a doctor he knows from a request; 0 when he knows her not yet."""
    from btdesk.services import assessments, supervisor, talks_signed
    from btdesk.services.demo import passphrase_for_demo

    fp = doctor.profile.fingerprint
    known = next((d for d in supervisor.doctors(sup) if d["fingerprint"] == fp), None)
    if known is None:  # no request yet, so no doctor: the supervisor cannot address a talk
        return 0
    kp = known.get("placement") or {}
    tday = min(today, date.fromisoformat(kp["end"])) - timedelta(days=2) if kp.get("end") else day
    resp = talks_signed.new_talk(sup, _values(t, sup.programme, tday, i, ""), doctor_fingerprint=fp,
                                 passphrase=passphrase_for_demo())
    assessments.import_response(doctor, assessments.write_response(
        resp, out_dir / assessments.response_file_name(resp)))
    return 1


def add_demo_assessments(doctor: Portfolio, supervisor_home: Path | str | None = None,
                         today: date | None = None, *, sup: Portfolio | None = None,
                         side: Path | None = None) -> int:
    """Returns how many signed records were imported into the doctor's portfolio. sup: Erik's
    portfolio when the caller has it open (the supervisor demo); side: where the demo unit and
    the unconfirmed supervisor live (by default beside Erik's home)."""
    from btdesk.services import assessments, bt, requests, supervisor
    from btdesk.services.demo import passphrase_for_demo

    pw = passphrase_for_demo()
    home = sup.home if sup is not None else (
        Path(supervisor_home) if supervisor_home else Path(tempfile.mkdtemp(prefix="btdesk-demo-sup-")))
    side = side or home.parent
    owned = sup is None
    if sup is None:
        sup = _supervisor(doctor, home, side)
    else:
        certify(sup.home, doctor.home, side / (home.name + "-enhet"))
    today = today or date.today()
    pls = [p for p in bt.placements(doctor) if p.start <= today] or bt.placements(doctor)
    out_dir = Path(tempfile.mkdtemp(prefix="btdesk-demo-responses-"))
    n = 0
    try:
        talks = sorted(doctor.records("talk"), key=lambda r: r.body.get("date", ""))
        for i, t in enumerate(list_templates(doctor.programme)):
            pl = pls[i % len(pls)] if pls else None
            day = min(today, pl.end) - timedelta(days=3 + i) if pl else today - timedelta(days=3 + i)
            talk_id = None
            if t.record_kind == "talk":  # the supervisor writes it unasked, as in real life
                n += _unasked_talk(doctor, sup, t, i, today, day, out_dir)
                continue
            if t.record_kind == "signoff":
                if not talks:
                    continue
                talk_id = talks[-1].id
            case = {"dops": "Artärblodgas", "msf_360": ""}.get(t.id, "Bröstsmärta, oklar genes")
            req_file = requests.write_request(
                doctor, out_dir / f"{t.id}", instrument=t.instrument, case=case, delmal=["BT1", "BT9"],
                to=sup.profile.name, on=day, placement=pl.id if pl else None, talk_id=talk_id, passphrase=pw)
            opened = requests.read_request(req_file, sup.home)
            supervisor.add_doctor_from_request(sup, opened)
            values = _values(t, sup.programme, date.fromisoformat(opened.request["date"]), i, case or "360°-omgång")
            resp = assessments.build_response(sup, t, values, doctor=opened.request["doctor"],
                                              request=opened.request, passphrase=pw)
            supervisor.mark_answered(sup, opened.request["id"])
            path = assessments.write_response(resp, out_dir / assessments.response_file_name(resp))
            assessments.import_response(doctor, path)
            n += 1
        n += _unconfirmed_assessment(doctor, side / (home.name + "-obekraftad"), pls, today, out_dir)
    finally:
        if owned:
            sup.close()
    return n


def certify(sup_home: Path, doctor_home: Path, unit_home: Path) -> None:
    """A demo BT unit with its own CA issues the supervisor's certificate; the doctor trusts it."""
    from btdesk import identity as idn
    from btdesk.services.demo import passphrase_for_demo

    pw = passphrase_for_demo()
    if not idn.has_identity(unit_home):
        idn.create_identity(unit_home, UNIT, "unit", pw)
        idn.ca_init(unit_home, pw)
    idn.install_cert(sup_home, idn.ca_issue(unit_home, idn.make_csr(sup_home, pw), pw))
    from cryptography.hazmat.primitives import serialization

    root = idn.load_public(unit_home).cert.public_bytes(serialization.Encoding.PEM)
    idn.TrustStore(doctor_home).add_root(root)


def _unconfirmed_assessment(doctor: Portfolio, home: Path, pls: list[Placement], today: date,
                            out_dir: Path) -> int:
    """One Mini-CEX from a self-signed supervisor whom nobody has confirmed."""
    from btdesk.forms import load_template
    from btdesk.services import assessments, requests
    from btdesk.services.demo import passphrase_for_demo
    from btdesk.services.portfolio import Portfolio

    pw = passphrase_for_demo()
    if (home / "portfolio.sqlite").exists():
        return 0
    pl = next((p for p in pls if p.kind == "allmanmedicin"), pls[-1] if pls else None)
    with Portfolio.create(home, name=UNCONFIRMED, role="supervisor", programme_id=doctor.programme.id,
                          passphrase=pw) as other:
        t = load_template("mini_cex", other.programme)
        day = min(today, pl.end) - timedelta(days=1) if pl else today
        req = requests.write_request(doctor, out_dir / "obekraftad", instrument="mini_cex", case="Hypertoni",
                                     delmal=["BT1"], to=UNCONFIRMED, on=day, placement=pl.id if pl else None,
                                     passphrase=pw)
        opened = requests.read_request(req, other.home)
        resp = assessments.build_response(other, t, _values(t, other.programme, day, 1, "Hypertoni"),
                                          doctor=opened.request["doctor"], request=opened.request, passphrase=pw)
        assessments.import_response(doctor, assessments.write_response(resp, out_dir / "obekraftad.btresponse"))
    return 1
