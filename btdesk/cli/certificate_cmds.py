"""Certificate commands: `certificate bilagaN`, and the details the forms ask for (`applicant`, `signer`)."""
from __future__ import annotations

import argparse
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError
from btdesk.i18n import _

APPLICANT_FLAGS = {  # flag -> Applicant field
    "surname": "surname", "given_name": "given_name", "personnummer": "personnummer", "address": "address",
    "postcode": "postcode", "city": "city", "phone": "phone_private", "email": "email", "workplace": "workplace",
    "work_phone": "phone_work", "degree_country": "degree_country", "degree_date": "degree_date",
}
ATTACHMENT_FLAGS = ("attachments_delmal", "attachments_fullgjord", "attachments_baskompetens",
                    "attachments_fore_legitimation", "attachments_utlandsk")


def register(sub: Any) -> None:
    c = sub.add_parser("certificate", help="Socialstyrelsen's BT certificates (Bilaga 1–4), to sign by hand")
    c.add_argument("kind", choices=["bilaga1", "bilaga2", "bilaga3", "bilaga4"])
    c.add_argument("--out", required=True, type=Path)
    c.add_argument("--form", type=Path, help="Socialstyrelsen's fillable PDF to fill in, instead of btdesk's drawing")
    c.add_argument("--draft", action="store_true", help="print even if not yet true, watermarked UTKAST")
    c.add_argument("--delmal", help="Bilaga 2: the delmål it covers, e.g. BT1,BT2")
    c.add_argument("--activities-text", dest="activities", help="Bilaga 2: your own text for the activities field")
    c.add_argument("--checked-text", dest="checked", help="Bilaga 2: your own text for how it was checked")
    c.add_argument("--signer-name", help="Namnförtydligande: handledare (2), verksamhetschef (3), huvudhandledare (4)")
    c.add_argument("--specialty", help="Specialitet of the signer (Bilaga 2, 4)")
    c.add_argument("--workplace", help="Tjänsteställe of the signer (Bilaga 2–4)")
    c.add_argument("--personnummer", help="the signer's personnummer (Bilaga 2, 4)")
    c.add_argument("--external-name", help="Bilaga 4: the extern bedömare")
    c.add_argument("--external-specialty", help="Bilaga 4: the extern bedömare's specialty")
    c.add_argument("--external-workplace", help="Bilaga 4: the extern bedömare's Tjänsteställe")
    c.add_argument("--external-personnummer", help="Bilaga 4: the extern bedömare's personnummer")
    c.add_argument("--applicant-personnummer", help="your personnummer, if not the one stored")
    c.add_argument("--bilaga-nr", help="Bilaga 2–4: your number for this attachment")
    c.add_argument("--place-date", help="Ort och datum, if you want it printed rather than handwritten")
    c.set_defaults(func=cmd_certificate)

    a = sub.add_parser("applicant", help="your details for the certificates (kept on this computer only)")
    asub = a.add_subparsers(dest="action", required=True)
    asub.add_parser("show").set_defaults(func=cmd_applicant_show)
    s = asub.add_parser("set")
    for flag in APPLICANT_FLAGS:
        s.add_argument("--" + flag.replace("_", "-"))
    s.add_argument("--licence", action="append", metavar="LAND:DATUM", help="up to three, e.g. Sverige:2025-06-30")
    for flag in ATTACHMENT_FLAGS:
        s.add_argument("--" + flag.replace("_", "-"), help="Bilaga 1: the number(s) you give that attachment")
    s.set_defaults(func=cmd_applicant_set)

    g = sub.add_parser("signer", help="the signers' details for the certificates (kept on this computer only)")
    gsub = g.add_subparsers(dest="action", required=True)
    gsub.add_parser("list").set_defaults(func=cmd_signer_list)
    gs = gsub.add_parser("set")
    gs.add_argument("name")
    gs.add_argument("--specialty")
    gs.add_argument("--workplace")
    gs.add_argument("--personnummer")
    gs.add_argument("--role", choices=["huvudhandledare", "extern_bedomare", "verksamhetschef"])
    gs.set_defaults(func=cmd_signer_set)
    gr = gsub.add_parser("remove")
    gr.add_argument("name")
    gr.set_defaults(func=cmd_signer_remove)


def options_from(args: argparse.Namespace) -> Any:
    from btdesk.services.certificates import Options

    names = {f.name for f in fields(Options)} - {"delmal", "draft"}
    o = Options(**{n: getattr(args, n) for n in names}, draft=args.draft)
    o.delmal = [x for x in (args.delmal or "").split(",") if x.strip()]
    return o


def cmd_certificate(ctx: Context) -> int:
    from btdesk.services.certificates import build_certificate

    a = ctx.args
    data = build_certificate(ctx.portfolio(), a.kind, a.out, options_from(a), form=a.form)
    print(f"{a.out}{' (utkast)' if data.draft else ''}")
    return 0


def cmd_applicant_show(ctx: Context) -> int:
    from btdesk.services.certificate_details import load

    for k, v in asdict(load(ctx.portfolio()).applicant).items():
        print(f"{k}: {v}")
    return 0


def _licences(values: list[str]) -> list[tuple[str, str]]:
    out = []
    for v in values:
        country, sep, day = v.rpartition(":")
        if not sep or not country.strip():
            raise BtdeskError(_("--licence {v}: skriv LAND:DATUM, t.ex. Sverige:2025-06-30.").format(v=v))
        out.append((country, day))
    return out


def cmd_applicant_set(ctx: Context) -> int:
    from btdesk.services.certificate_details import load, set_applicant

    a = ctx.args
    p = ctx.portfolio()
    changes: dict[str, Any] = {field: getattr(a, flag) for flag, field in APPLICANT_FLAGS.items()
                               if getattr(a, flag) is not None}
    if a.licence is not None:
        changes["licences"] = _licences(a.licence)
    rows = [getattr(a, f) for f in ATTACHMENT_FLAGS]
    if any(r is not None for r in rows):
        old = load(p).applicant.attachment_numbers
        changes["attachment_numbers"] = [new if new is not None else prev
                                         for new, prev in zip(rows, old, strict=True)]
    if not changes:
        raise BtdeskError(_("Ange minst ett fält att ändra, t.ex. --surname."))
    set_applicant(p, **changes)
    print(_("Uppgifterna för intyg är sparade."))
    return 0


def cmd_signer_list(ctx: Context) -> int:
    from btdesk.services.certificate_details import load

    d = load(ctx.portfolio())
    roles = {n: r for r, n in d.roles}
    for s in d.signers:
        print(" · ".join(x for x in (s.name, roles.get(s.name, ""), s.specialty, s.workplace,
                                     _("personnummer sparat") if s.personnummer else "") if x))
    return 0


def cmd_signer_set(ctx: Context) -> int:
    from btdesk.services.certificate_details import set_signer

    a = ctx.args
    set_signer(ctx.portfolio(), a.name, role=a.role, specialty=a.specialty, workplace=a.workplace,
               personnummer=a.personnummer)
    print(_("{name}: sparat.").format(name=a.name))
    return 0


def cmd_signer_remove(ctx: Context) -> int:
    from btdesk.services.certificate_details import remove_signer

    remove_signer(ctx.portfolio(), ctx.args.name)
    print(_("{name}: borttagen.").format(name=ctx.args.name))
    return 0
