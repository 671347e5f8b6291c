"""Report commands: dossier, print (one assessment); the certificates are in certificate_cmds."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from btdesk.cli.common import Context
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands


def register(sub: Subcommands) -> None:
    d = sub.add_parser("dossier", help="the final-assessment dossier as PDF")
    d.add_argument("--out", required=True, type=Path)
    d.add_argument("--sign", action="store_true", help="add a PAdES signature made with your key")
    d.set_defaults(func=cmd_dossier)

    from btdesk.cli import certificate_cmds

    certificate_cmds.register(sub)

    p = sub.add_parser("print", help="one signed assessment as a one-page PDF")
    p.add_argument("record_id")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_print)


def terminal_progress() -> Callable[[int, int], None] | None:
    """A percentage line on stderr when a person is watching; silent in pipes and logs."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = int(100 * done / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            print("\r" + _("Sammanställer … {pct} %").format(pct=f"{pct:3d}"), end="" if pct < 100 else "\n",
                  file=sys.stderr, flush=True)
    return show


def cmd_dossier(ctx: Context) -> int:
    from btdesk.services.dossier import build_dossier

    p = ctx.portfolio()
    out = ctx.args.out
    sign = None
    if ctx.args.sign:  # unlock first: a wrong passphrase should not leave an unsigned file behind
        from btdesk.services.pdf_keys import signing_material

        sign = (*signing_material(p.home, lambda prompt: ctx.passphrase(prompt)), p.profile.name)
    pages = build_dossier(p, out, progress=terminal_progress(), sign=sign)
    said = _("{out}: {pages} sidor, signerad") if ctx.args.sign else _("{out}: {pages} sidor")
    print(said.format(out=out, pages=pages))
    return 0


def cmd_print(ctx: Context) -> int:
    from btdesk.services.assessment_print import print_assessment

    print_assessment(ctx.portfolio(), ctx.args.record_id, ctx.args.out)
    print(ctx.args.out)
    return 0
