"""`btdesk privacy held | release ID`: records kept out of bundles because they hold a personnummer."""
from __future__ import annotations

import argparse

from btdesk.cli.common import Context
from btdesk.i18n import _


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("privacy", help="records held back from export because they hold a personnummer")
    ps = p.add_subparsers(dest="privacy_cmd", required=True)
    h = ps.add_parser("held", help="list the records export holds back")
    h.set_defaults(func=cmd_held)
    r = ps.add_parser("release", help="let one record travel although it holds a personnummer")
    r.add_argument("record", metavar="ID")
    r.set_defaults(func=cmd_release)


def cmd_held(ctx: Context) -> int:
    from btdesk.safetext import safe_text
    from btdesk.services.recipients import held_records, masked

    rows = held_records(ctx.portfolio())
    for r in rows:
        title = r.body.get("title") or r.body.get("text") or r.body.get("notes") or ""
        print(f"{r.id}  {r.kind:<12} {masked(safe_text(str(title)))[:70]}")
    print(_("{n} poster innehåller ett personnummer och stannar utanför buntarna tills de ändras eller släpps.").format(
        n=len(rows)))
    return 0


def cmd_release(ctx: Context) -> int:
    from btdesk.services.recipients import release

    r = release(ctx.portfolio(), ctx.args.record)
    print(_("Den här versionen av posten {id} ({kind}) följer med i nästa bunt trots att den innehåller ett "
            "personnummer.").format(kind=r.kind, id=r.id))
    return 0
