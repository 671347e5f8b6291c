"""Assessment requests and responses on the command line.

`open` is shared with the bundle commands: when that module already registered it, it
should hand .btrequest/.btresponse files to `open_signed_file` here.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import N_, _, data_text, months_shown

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands


# the trust column of `btdesk assessments`, in the run's language
TRUST_WORDS = {"verified": N_("verifierad"), "confirmed": N_("bekräftad"), "unconfirmed": N_("obekräftad"),
               "own": N_("egen"), "invalid": N_("ogiltig"), "unsigned": N_("osignerad")}

def register(sub: Subcommands) -> None:
    r = sub.add_parser("request", help="assessment requests (doctor → supervisor)")
    rs = r.add_subparsers(metavar="ACTION", required=True)
    c = rs.add_parser("create", help="sign a request file for an assessment or a talk sign-off")
    c.add_argument("--instrument", help="mini_cex, dops, cbd, medsittning, msf_360, placement_summary")
    c.add_argument("--talk", help="ask for the sign-off of this talk (record id) instead")
    c.add_argument("--case", default="")
    c.add_argument("--delmal", default="", help="comma-separated, e.g. BT1,BT9")
    c.add_argument("--to", default="", help="the supervisor's name")
    c.add_argument("--date", type=date.fromisoformat)
    c.add_argument("--placement", help="placement record id (default: the current one)")
    c.add_argument("--out", required=True, type=Path)
    c.set_defaults(func=cmd_request_create)
    s = rs.add_parser("show", help="check a request's signature and show it")
    s.add_argument("file", type=Path)
    s.set_defaults(func=cmd_request_show)

    a = sub.add_parser("assess", help="fill, sign and save an assessment or a supervision talk from a JSON of "
                                      "values (scripted)")
    a.add_argument("--instrument", help="the form (needed without --request); supervision_talk for a talk")
    a.add_argument("--request", type=Path, help="the doctor's .btrequest file")
    a.add_argument("--doctor", help="fingerprint of one of your doctors (an unasked assessment)")
    a.add_argument("--values", required=True, help="a JSON file of field values, or - for stdin")
    a.add_argument("--out", required=True, type=Path)
    a.set_defaults(func=cmd_assess)

    rp = sub.add_parser("response", help="signed assessment responses (supervisor → doctor)")
    rps = rp.add_subparsers(metavar="ACTION", required=True)
    sh = rps.add_parser("show", help="check a response's signature without importing it")
    sh.add_argument("file", type=Path)
    sh.set_defaults(func=cmd_response_show)
    im = rps.add_parser("import", help="import a signed response into this portfolio")
    im.add_argument("file", type=Path, nargs="+")
    im.set_defaults(func=cmd_response_import)

    ls = sub.add_parser("assessments", help="signed assessments in this portfolio, with trust status")
    ls.add_argument("--format", choices=["table", "json"], default="table")
    ls.set_defaults(func=cmd_assessments)

    d = sub.add_parser("doctors", help="a supervisor's doctors: placement, months served, assessments and talks")
    d.add_argument("--add-cert", type=Path, help="add a doctor from their certificate file")
    d.add_argument("--format", choices=["table", "json"], default="table")
    d.set_defaults(func=cmd_doctors)

    if "open" not in getattr(sub, "choices", {}):
        o = sub.add_parser("open", help="a request or response file: opens what fits")
        o.add_argument("file", type=Path)
        o.add_argument("--no-window", action="store_true", help="do not open the form window")
        o.set_defaults(func=lambda ctx: open_signed_file(ctx, ctx.args.file, window=not ctx.args.no_window))


def _csv(text: str) -> list[str]:
    return [x.strip() for x in (text or "").split(",") if x.strip()]


def cmd_request_create(ctx: Context) -> int:
    from btdesk.services import requests

    a = ctx.args
    if not a.instrument and not a.talk:
        raise UsageError(_("ange vilket formulär med --instrument, eller vilket samtal med --talk"))
    out = requests.write_request(ctx.portfolio(), a.out, instrument=a.instrument or "", case=a.case,
                                 delmal=_csv(a.delmal), to=a.to, on=a.date, placement=a.placement,
                                 talk_id=a.talk, passphrase=ctx.passphrase)
    print(_("Begäran är sparad i {out}; skicka den till {to}.").format(out=out, to=a.to or _("din handledare")))
    return 0


def cmd_request_show(ctx: Context) -> int:
    from btdesk.services import requests

    o = requests.read_request(ctx.args.file, ctx.home)
    r = o.request
    print(o.describe())
    print("  " + _("läkare: {doctor}  fall: {case}  delmål: {delmal}  datum: {date}").format(
        doctor=r["doctor"]["name"], case=r["case"] or "-", delmal=", ".join(r["delmal"]) or "-", date=r["date"]))
    return 0


def _values(spec: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if spec == "-" else Path(spec).read_text("utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as e:
        raise BtdeskError(_("Värdena kunde inte läsas som JSON ({e}).").format(e=e)) from None
    if not isinstance(data, dict):
        raise BtdeskError(_("Värdefilen ska innehålla ett JSON-objekt med fält-id → värde."))
    return data


def cmd_assess(ctx: Context) -> int:
    from btdesk.forms import load_template
    from btdesk.services import requests, supervisor
    from btdesk.services.answer import sign_and_answer

    a, p = ctx.args, ctx.portfolio()
    req = None
    if a.request:
        opened = requests.read_request(a.request, p.home)
        supervisor.add_doctor_from_request(p, opened)
        req, doctor = opened.request, opened.request["doctor"]
        instrument = req["instrument"]
    else:
        if not a.instrument or not a.doctor:
            raise UsageError(_("en obegärd bedömning behöver --instrument och --doctor"))
        d = supervisor.doctor(p, a.doctor)
        instrument, doctor = a.instrument, {"name": d["name"], "fingerprint": d["fingerprint"]}
    values = _values(a.values)
    if req:  # what the request said, unless the values say otherwise
        values.setdefault("case", req.get("case"))
        values.setdefault("delmal", req.get("delmal"))
        values.setdefault("date", req.get("date"))
    t = load_template(instrument, p.programme)
    done = sign_and_answer(p, t, values, doctor=doctor, request=req, passphrase=ctx.passphrase,
                           choose_path=lambda _name: a.out)
    print(_("Signerad {form} för {doctor} sparad i {path}.").format(form=data_text(t.title), doctor=doctor["name"],
                                                                     path=done.path))
    return 0


def cmd_response_show(ctx: Context) -> int:
    from btdesk.identity.trust_text import describe_trust
    from btdesk.services import assessments

    wire, _sig, v = assessments.read_response(ctx.args.file, ctx.home)
    b = wire["body"]
    print(_("{instrument} för {doctor} från {signer}: {trust}.").format(
        instrument=b.get("instrument"), doctor=b.get("doctor"), signer=v.signer_name, trust=describe_trust(v)))
    return 0


def cmd_response_import(ctx: Context) -> int:
    from btdesk.services import assessments

    for f in ctx.args.file:
        print(assessments.import_response(ctx.portfolio(), f).message)
    return 0


def cmd_assessments(ctx: Context) -> int:
    from dataclasses import asdict

    from btdesk.services import assessments

    rows = assessments.assessment_rows(ctx.portfolio())
    if ctx.args.format == "json":
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        why = "  " + _("(räknas inte: {why})").format(why=r.not_counted_because) if r.not_counted_because else ""
        trust = _(TRUST_WORDS.get(r.trust, r.trust))
        print(f"{r.date}  {r.instrument_name:<28} {r.signer:<22} {trust:<11} {','.join(r.delmal)}{why}")
    if not rows:
        print(_("Inga signerade bedömningar ännu."))
    return 0


def cmd_doctors(ctx: Context) -> int:
    from dataclasses import asdict

    from btdesk.services import supervisor

    p = ctx.portfolio()
    if ctx.args.add_cert:
        d = supervisor.add_doctor_from_cert(p, ctx.args.add_cert)
        print(_("{name} är tillagd bland dina läkare.").format(name=d["name"]))
    rows = supervisor.dashboard(p)
    if ctx.args.format == "json":
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        # served, never planned; as of the doctor's last request, which is all a supervisor is told
        months = (_("{months} mån tjänstgjorda (per {as_of})").format(months=months_shown(r.months_served),
                                                                       as_of=r.months_as_of)
                  if r.months_served is not None else _("tjänstgjort: okänt"))
        talks = r.talks.text() if r.talks else _("samtal okända")
        counts = _("givna {given}  begärda {due}  samtal: {talks}").format(given=r.given, due=len(r.due), talks=talks)
        print(f"{r.name:<24} {r.placement or '-':<32} {months:<36} {counts}")
        if r.talks:
            print(f"{'':<24} {r.talks.source}")
    if not rows:
        print(_("Inga läkare ännu: öppna en läkares begäran, eller lägg till hens certifikat med --add-cert."))
    return 0


def open_signed_file(ctx: Context, path: Path, *, window: bool = True) -> int:
    """A request: register the doctor and say how to answer it (the window, through the `btdesk`
    entry point, opens its form instead); a response: import it. Returns the exit code.
    `window` is accepted for `--no-window`, which the command line no longer needs."""
    path = Path(path)
    if path.suffix == ".btbundle":
        from btdesk.cli.exchange_cmds import open_bundle

        return open_bundle(ctx, path)
    if path.suffix == ".btresponse":
        from btdesk.services import assessments

        print(assessments.import_response(ctx.portfolio(), path).message)
        return 0
    if path.suffix != ".btrequest":
        raise BtdeskError(_("btdesk vet inte hur {name} öppnas; den öppnar .btrequest-, .btresponse- och "
                            ".btbundle-filer.").format(name=path.name))
    from btdesk.services import requests, supervisor

    p = ctx.portfolio()
    opened = requests.read_request(path, p.home)
    supervisor.add_doctor_from_request(p, opened)
    print(opened.describe())
    # The form is the window's (the `btdesk` entry point routes `btdesk open REQUEST` there on a
    # screen); the Qt-free command line says how to answer without it.
    print(_("Fyll i den med: {command}").format(
        command=f"btdesk assess --request {path} --values VALUES.json --out RESPONSE.btresponse"))
    return 0
