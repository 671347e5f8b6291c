"""`btdesk final judge`: the extern bedömare or the huvudhandledare signs their final judgement.

Runs on the assessor's own profile; the signed .btfinal file goes to the BT unit, which imports
it with `btdesk unit final import`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands


def register(sub: Subcommands) -> None:
    f = sub.add_parser("final", help="the final assessment (slutbedömning) on an assessor's profile")
    acts = f.add_subparsers(metavar="ACTION", required=True)
    j = acts.add_parser("judge", help="sign your judgement per delmål and overall; writes a .btfinal file")
    j.add_argument("--request", type=Path, help="the .btfinalreq file the BT unit sent")
    j.add_argument("--doctor", help="the doctor's fingerprint (without --request)")
    j.add_argument("--doctor-name", help="the doctor's name (without --request)")
    j.add_argument("--programme", help="the doctor's programme, e.g. stockholm (without --request)")
    j.add_argument("--role", required=True, help="extern (extern bedömare) or huvudhandledare")
    j.add_argument("--delmal", action="append", default=[], metavar="ID=JUDGEMENT[:COMMENT]",
                   help="e.g. BT3=\"ej uppnått:saknar bedömning av akuta förlopp\"; repeat for each delmål")
    j.add_argument("--all", dest="default", metavar="JUDGEMENT",
                   help="the judgement of every delmål not named with --delmal")
    j.add_argument("--overall", required=True, metavar="JUDGEMENT", help="uppnått, ej uppnått or ej bedömt")
    j.add_argument("--comment", default="", help="your overall comment")
    j.add_argument("--date", default=None, help="the day of the judgement (default today)")
    j.add_argument("--out", type=Path, default=None, help="the .btfinal file (default: a name in this folder)")
    j.set_defaults(func=cmd_judge)


def _per_delmal(items: list[str]) -> dict[str, tuple[str, str]]:
    out = {}
    for item in items:
        key, sep, rest = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(_("--delmal {item!r} ska se ut som BT1=uppnått eller BT3=\"ej uppnått:varför\"").format(
                                 item=item))
        value, _sep, comment = rest.partition(":")
        out[key.strip().upper()] = (value, comment)
    return out


def cmd_judge(ctx: Context) -> int:
    from btdesk.services.final import judgement as fj
    from btdesk.services.final.codes import JUDGEMENTS
    from btdesk.services.final.schedule import read_request
    from btdesk.timeutil import parse_date

    a = ctx.args
    if a.request:
        req = read_request(a.request)
    elif a.doctor and a.doctor_name and a.programme:
        from btdesk.services.doctor_view import programme

        prog = programme(a.programme)
        req = {"doctor": a.doctor_name, "doctor_fingerprint": a.doctor.replace(":", "").lower(),
               "programme": prog.id, "schedule": None,
               "delmal": [{"id": d.id, "title": d.title} for d in prog.delmal]}
    else:
        raise BtdeskError(_("Ange enhetens begäransfil med --request, eller --doctor, --doctor-name och --programme."))
    p = ctx.portfolio()
    j = fj.judge(p, req, role=a.role, delmal=_per_delmal(a.delmal), overall=a.overall, comment=a.comment,
                 default=a.default, when=parse_date(a.date) if a.date else None, passphrase=ctx.passphrase)
    out = fj.write_judgement(j, a.out or Path(fj.judgement_file_name(j)))
    b = j.wire["body"]
    print(_("Ditt omdöme om {doctor} ({judgement}) är signerat i {out}; skicka det till BT-enheten.").format(
        doctor=b["doctor"], judgement=JUDGEMENTS[b["overall"]["judgement"]], out=out))
    return 0
