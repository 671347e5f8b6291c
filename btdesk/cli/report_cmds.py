"""Report commands: dossier, certificate, print (one assessment)."""
from __future__ import annotations

import sys
from pathlib import Path

from btdesk.cli.common import Context


def register(sub) -> None:
    d = sub.add_parser("dossier", help="the final-assessment dossier as PDF")
    d.add_argument("--out", required=True, type=Path)
    d.add_argument("--sign", action="store_true", help="add a PAdES signature made with your key")
    d.set_defaults(func=cmd_dossier)

    c = sub.add_parser("certificate", help="Socialstyrelsen's BT certificates (Bilaga 1–4), filled, to sign by hand")
    c.add_argument("kind", choices=["bilaga1", "bilaga2", "bilaga3", "bilaga4"])
    c.add_argument("--out", required=True, type=Path)
    c.add_argument("--delmal", default="", help="Bilaga 2: the delmål it covers, e.g. BT1,BT2")
    c.add_argument("--activities-text", help="Bilaga 2: your own text for the activities field")
    c.add_argument("--checked-text", help="Bilaga 2: your own text for how achievement was checked")
    c.add_argument("--personnummer", default="", help="the signer's personnummer; printed, never stored")
    c.add_argument("--applicant-personnummer", default="", help="your personnummer; printed, never stored")
    c.add_argument("--signer-name", default="", help="Namnförtydligande of the signer")
    c.add_argument("--specialty", default="", help="Specialitet of the signer")
    c.add_argument("--workplace", default="", help="Tjänsteställe of the signer")
    c.set_defaults(func=cmd_certificate)

    p = sub.add_parser("print", help="one signed assessment as a one-page PDF")
    p.add_argument("record_id")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_print)


def terminal_progress():
    """A percentage line on stderr when a person is watching; silent in pipes and logs."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = int(100 * done / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            print(f"\rSammanställer … {pct:3d} %", end="" if pct < 100 else "\n", file=sys.stderr, flush=True)
    return show


def cmd_dossier(ctx: Context) -> int:
    from btdesk.services.dossier import build_dossier

    p = ctx.portfolio()
    out = ctx.args.out
    if ctx.args.sign:  # unlock first: a wrong passphrase should not leave an unsigned file behind
        from btdesk.services.pdf_keys import signing_material

        material = signing_material(p.home, lambda prompt: ctx.passphrase(prompt))
    pages = build_dossier(p, out, progress=terminal_progress())
    if ctx.args.sign:
        from btdesk.reports.pdfsign import sign_path

        sign_path(out, *material, name=p.profile.name)
    print(f"{out}: {pages} sidor{', signerad' if ctx.args.sign else ''}")
    return 0


def cmd_certificate(ctx: Context) -> int:
    from btdesk.services.certificates import build_certificate

    a = ctx.args
    build_certificate(ctx.portfolio(), a.kind, a.out, delmal=[x for x in a.delmal.split(",") if x.strip()],
                      activities=a.activities_text, checked=a.checked_text, personnummer=a.personnummer,
                      applicant_personnummer=a.applicant_personnummer, signer_name=a.signer_name,
                      specialty=a.specialty, workplace=a.workplace)
    print(a.out)
    return 0


def cmd_print(ctx: Context) -> int:
    from btdesk.services.assessment_print import print_assessment

    print_assessment(ctx.portfolio(), ctx.args.record_id, ctx.args.out)
    print(ctx.args.out)
    return 0
