"""The plan from the command line: `btdesk placement add|list|edit|remove` and
`btdesk leave add|list|edit|remove`, with the same validation as the window (services/bt,
services/leave). Figures are time served as services/time_served computes it."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.tabular import Column, render, text_table
from btdesk.timeutil import months_tenths, months_text

STATE_SV = {"served": "tjänstgjord", "current": "pågår", "planned": "planerad"}


def _hidden() -> str:
    return argparse.SUPPRESS


def register(sub: Any) -> None:
    pl = sub.add_parser("placement", help="the placements of your BT plan")
    pls = pl.add_subparsers(metavar="ACTION", required=True)
    add = pls.add_parser("add", help="add a placement")
    _placement_args(add, required=True)
    add.set_defaults(func=cmd_placement_add)
    ls = pls.add_parser("list", help="list the placements with months served and planned")
    ls.add_argument("--format", choices=["table", "csv", "json"], default="table")
    ls.add_argument("--today", type=date.fromisoformat, help=_hidden())
    ls.set_defaults(func=cmd_placement_list)
    ed = pls.add_parser("edit", help="change a placement (only the options given)")
    ed.add_argument("id")
    _placement_args(ed, required=False)
    ed.add_argument("--bt-percent", action="store_true", help="no percent of its own: follow the BT's percent")
    ed.set_defaults(func=cmd_placement_edit)
    rm = pls.add_parser("remove", help="withdraw a placement (its history is kept)")
    rm.add_argument("id")
    rm.set_defaults(func=cmd_placement_remove)

    lv = sub.add_parser("leave", help="leave (föräldraledighet, sjukfrånvaro, tjänstledighet, other)")
    lvs = lv.add_subparsers(metavar="ACTION", required=True)
    la = lvs.add_parser("add", help="record a leave period")
    _leave_args(la, required=True)
    la.set_defaults(func=cmd_leave_add)
    ll = lvs.add_parser("list", help="list the leave periods")
    ll.add_argument("--format", choices=["table", "csv", "json"], default="table")
    ll.set_defaults(func=cmd_leave_list)
    le = lvs.add_parser("edit", help="change a leave period (only the options given)")
    le.add_argument("id")
    _leave_args(le, required=False)
    le.set_defaults(func=cmd_leave_edit)
    lr = lvs.add_parser("remove", help="withdraw a leave period (its history is kept)")
    lr.add_argument("id")
    lr.set_defaults(func=cmd_leave_remove)


def _placement_args(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--kind", required=required, help="a placement kind of your programme (see 'btdesk programme show')")
    p.add_argument("--site", required=required, help="the workplace")
    p.add_argument("--supervisor", help="the placement's handledare")
    p.add_argument("--start", required=required, help="first day, YYYY-MM-DD")
    p.add_argument("--end", required=required, help="last day, YYYY-MM-DD (inclusive)")
    p.add_argument("--percent", help="percent of full time (default: the BT's percent)")


def _leave_args(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--type", required=required,
                   help="foraldraledighet, sjukfranvaro, tjanstledighet or other")
    p.add_argument("--start", required=required, help="first day, YYYY-MM-DD")
    p.add_argument("--end", required=required, help="last day, YYYY-MM-DD (inclusive)")
    p.add_argument("--percent", default=None if not required else "100",
                   help="percent of full time on leave (default 100)")


def _given(args: argparse.Namespace, keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}


def _doctor(ctx: Context) -> Any:
    p = ctx.portfolio()
    if p.profile.role != "doctor":
        raise BtdeskError(_("Bara en BT-läkares profil har placeringar och ledighet."))
    return p


def _warn(p: Any) -> None:
    from btdesk.services import bt

    for w in bt.plan_warnings(p):
        print(f"Varning: {w.message}", file=sys.stderr)


def cmd_placement_add(ctx: Context) -> int:
    from btdesk.services import bt

    p = _doctor(ctx)
    a = ctx.args
    pl = bt.add_placement(p, kind=a.kind, site=a.site, supervisor=a.supervisor or "", start=a.start, end=a.end,
                          percent=a.percent)
    print(f"Placeringen {pl.kind_name} ({pl.site}) {pl.start}–{pl.end} sparad: {pl.id}")
    _warn(p)
    return 0


def cmd_placement_edit(ctx: Context) -> int:
    from btdesk.services import bt

    p = _doctor(ctx)
    changes = _given(ctx.args, ("kind", "site", "supervisor", "start", "end", "percent"))
    if ctx.args.bt_percent:
        if "percent" in changes:
            raise BtdeskError(_("Ange antingen --percent eller --bt-percent, inte båda."))
        changes["percent"] = None
    if not changes:
        raise BtdeskError(_("Inget att ändra; ange t.ex. --end eller --percent."))
    pl = bt.update_placement(p, ctx.args.id, **changes)
    print(f"Placeringen {pl.kind_name} ({pl.site}) {pl.start}–{pl.end} ändrad.")
    _warn(p)
    return 0


def cmd_placement_remove(ctx: Context) -> int:
    from btdesk.services import bt

    p = _doctor(ctx)
    bt.remove_placement(p, ctx.args.id)
    print(f"Placeringen {ctx.args.id} är borttagen; dess historik finns kvar.")
    _warn(p)
    return 0


def _placement_rows(ts: Any) -> list[dict[str, Any]]:
    return [{"id": r.placement.id, "kind": r.placement.kind, "name": r.placement.kind_name,
             "site": r.placement.site, "supervisor": r.placement.supervisor,
             "start": r.placement.start.isoformat(), "end": r.placement.end.isoformat(),
             "percent": r.placement.percent, "own_percent": r.placement.own_percent, "state": r.state,
             "served": months_tenths(r.served), "planned": months_tenths(r.planned),
             "leave": months_tenths(r.leave)} for r in ts.placements]


def cmd_placement_list(ctx: Context) -> int:
    from btdesk.services.time_served import time_served

    p = _doctor(ctx)
    ts = time_served(p, ctx.args.today)
    rows = _placement_rows(ts)
    keys = ("id", "kind", "site", "supervisor", "start", "end", "percent", "state", "served", "planned", "leave")

    def table() -> str:
        cols = (Column("Id", 38), Column("Typ", 16, clip=True), Column("Arbetsplats", 22, clip=True),
                Column("Period", 23), Column("Omfattning", 12), Column("Läge", 12),
                Column("Tjänstgjort", 12, ">"), Column("Planerat", 10, ">"), Column("Ledighet", 10, ">"))
        body = [(r["id"], r["name"], r["site"], f"{r['start']}–{r['end']}",
                 f"{r['percent']} %" + ("" if r["own_percent"] else " (BT)"), STATE_SV[r["state"]],
                 months_text(x.served), months_text(x.planned), months_text(x.leave))
                for r, x in zip(rows, ts.placements, strict=True)]
        return text_table(cols, body) + f"\n\n{ts.summary_sv()} (heltid)."

    sys.stdout.write(render(ctx.args.format, data=lambda: {"time_served": ts.to_dict(), "placements": rows},
                            header=keys, rows=lambda: ([r[k] for k in keys] for r in rows), table=table))
    return 0


def cmd_leave_add(ctx: Context) -> int:
    from btdesk.services.leave import add_leave

    p = _doctor(ctx)
    a = ctx.args
    lv = add_leave(p, type=a.type, start=a.start, end=a.end, percent=a.percent)
    print(f"{lv.type_name} {lv.start}–{lv.end} ({lv.percent} %) sparad: {lv.id}")
    return 0


def cmd_leave_edit(ctx: Context) -> int:
    from btdesk.services.leave import update_leave

    p = _doctor(ctx)
    changes = _given(ctx.args, ("type", "start", "end", "percent"))
    if not changes:
        raise BtdeskError(_("Inget att ändra; ange t.ex. --end eller --percent."))
    lv = update_leave(p, ctx.args.id, **changes)
    print(f"{lv.type_name} {lv.start}–{lv.end} ({lv.percent} %) ändrad.")
    return 0


def cmd_leave_remove(ctx: Context) -> int:
    from btdesk.services.leave import remove_leave

    remove_leave(_doctor(ctx), ctx.args.id)
    print(f"Ledigheten {ctx.args.id} är borttagen; dess historik finns kvar.")
    return 0


def cmd_leave_list(ctx: Context) -> int:
    from btdesk.services.leave import leave_periods

    rows = [{"id": lv.id, "type": lv.type, "type_name": lv.type_name, "start": lv.start.isoformat(),
             "end": lv.end.isoformat(), "percent": lv.percent} for lv in leave_periods(_doctor(ctx))]
    keys = ("id", "type", "start", "end", "percent")

    def table() -> str:
        if not rows:
            return "Ingen ledighet registrerad."
        cols = (Column("Id", 38), Column("Typ", 18), Column("Period", 23), Column("Omfattning", 0))
        return text_table(cols, [(r["id"], r["type_name"], f"{r['start']}–{r['end']}", f"{r['percent']} %")
                                 for r in rows])

    sys.stdout.write(render(ctx.args.format, data=lambda: rows, header=keys,
                            rows=lambda: ([r[k] for k in keys] for r in rows), table=table))
    return 0


def progress_head(pr: Any) -> str:
    """The first lines of `btdesk progress`: served and planned kept apart, one decimal."""
    def m(x: float) -> str:
        return months_text(x)

    lines = [f"{pr.doctor} – {pr.programme}, start {pr.start or '–'}, {pr.bt_percent} % av heltid",
             f"Tid: {pr.summary} (heltid, ledighet avräknad)",
             f"Primärvård {m(pr.primarvard_months)} tjänstgjorda (planerat {m(pr.primarvard_planned)}); "
             f"akut sjukvård {m(pr.akut_months)} tjänstgjorda (planerat {m(pr.akut_planned)})"]
    if pr.leave:
        lines.append(f"Ledighet: {m(pr.leave_months)} månader hittills (planerat {m(pr.leave_planned_months)})")
    if pr.completed_on:
        lines.append(f"Programmets tid tjänstgjord: {pr.completed_on}")
    elif pr.expected_end:
        how = f" (efter planens slut antaget {pr.bt_percent} %)" if pr.expected_end_presumed else ""
        lines.append(f"Beräknat slut: {pr.expected_end}{how}")
    lines.append("I fas: " + ("ja" if pr.in_phase else "nej – " + " ".join(pr.phase_reasons)))
    if pr.phase.get("explanation"):
        lines.append(f"  {pr.phase['explanation']}")
    if pr.phase.get("uncounted_assessments"):
        lines.append(f"  Ytterligare {pr.phase['uncounted_assessments']} signerade bedömningar räknas inte i fas: "
                     "de hör inte till en punkt på sin placerings checklista, eller punkten har redan de som krävs.")
    return "\n".join(lines)


ASSUMED = " (antagande / assumption)"


def programme_rules(prog: Any) -> str:
    """What `programme show` says about length, in phase, the introduction and the assumptions."""
    rule = prog.phase_rule
    lines = [f"Length: {prog.months:g} months full time. In phase: at least {rule.threshold:.0%} of what is "
             f"expected by now, expected counts rounded {rule.rounding}"
             f"{ASSUMED if 'in_phase' in prog.assumed else ''}."]
    if prog.introduction:
        lines.append(f"Introduction: {prog.introduction.text}, {prog.introduction.weeks:g} weeks at the start "
                     f"of the first placement{ASSUMED if 'introduction' in prog.assumed else ''}.")
    for key in sorted(prog.assumed - {"in_phase", "introduction"}):
        lines.append(f"{key} = {getattr(prog, key)}{ASSUMED}")
    if prog.assumptions:
        lines.append(f"Antaganden (assumptions, not the region's decision): {prog.assumptions}")
    return "\n".join(lines)
