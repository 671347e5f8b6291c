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
from btdesk.i18n import N_, _, language, months_shown, number_shown
from btdesk.tabular import Column, render, text_table
from btdesk.timeutil import months_tenths

STATE_SV = {"served": N_("tjänstgjord"), "current": N_("pågår"), "planned": N_("planerad")}  # shown through _()


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
        print(_("Varning: {warning}").format(warning=w.message), file=sys.stderr)


def cmd_placement_add(ctx: Context) -> int:
    from btdesk.services import bt

    p = _doctor(ctx)
    a = ctx.args
    pl = bt.add_placement(p, kind=a.kind, site=a.site, supervisor=a.supervisor or "", start=a.start, end=a.end,
                          percent=a.percent)
    print(_("Placeringen {kind} ({site}) {start}–{end} sparad: {id}").format(
        kind=pl.kind_name, site=pl.site, start=pl.start, end=pl.end, id=pl.id))
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
    print(_("Placeringen {kind} ({site}) {start}–{end} ändrad.").format(
        kind=pl.kind_name, site=pl.site, start=pl.start, end=pl.end))
    _warn(p)
    return 0


def cmd_placement_remove(ctx: Context) -> int:
    from btdesk.services import bt

    p = _doctor(ctx)
    bt.remove_placement(p, ctx.args.id)
    print(_("Placeringen {id} är borttagen; dess historik finns kvar.").format(id=ctx.args.id))
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
        cols = (Column("Id", 38), Column(_("Typ"), 16, clip=True), Column(_("Arbetsplats"), 22, clip=True),
                Column(_("Period"), 23), Column(_("Omfattning"), 12), Column(_("Läge"), 12),
                Column(_("Tjänstgjort"), 12, ">"), Column(_("Planerat"), 10, ">"), Column(_("Ledighet"), 10, ">"))
        body = [(r["id"], r["name"], r["site"], f"{r['start']}–{r['end']}",
                 f"{r['percent']} %" + ("" if r["own_percent"] else " (BT)"), _(STATE_SV[r["state"]]),
                 months_shown(x.served), months_shown(x.planned), months_shown(x.leave))
                for r, x in zip(rows, ts.placements, strict=True)]
        return text_table(cols, body) + "\n\n" + _("{summary} (heltid).").format(summary=ts.summary_sv())

    sys.stdout.write(render(ctx.args.format, data=lambda: {"time_served": ts.to_dict(), "placements": rows},
                            header=keys, rows=lambda: ([r[k] for k in keys] for r in rows), table=table))
    return 0


def cmd_leave_add(ctx: Context) -> int:
    from btdesk.services.leave import add_leave

    p = _doctor(ctx)
    a = ctx.args
    lv = add_leave(p, type=a.type, start=a.start, end=a.end, percent=a.percent)
    print(_("{type} {start}–{end} ({percent} %) sparad: {id}").format(
        type=lv.type_name, start=lv.start, end=lv.end, percent=lv.percent, id=lv.id))
    return 0


def cmd_leave_edit(ctx: Context) -> int:
    from btdesk.services.leave import update_leave

    p = _doctor(ctx)
    changes = _given(ctx.args, ("type", "start", "end", "percent"))
    if not changes:
        raise BtdeskError(_("Inget att ändra; ange t.ex. --end eller --percent."))
    lv = update_leave(p, ctx.args.id, **changes)
    print(_("{type} {start}–{end} ({percent} %) ändrad.").format(
        type=lv.type_name, start=lv.start, end=lv.end, percent=lv.percent))
    return 0


def cmd_leave_remove(ctx: Context) -> int:
    from btdesk.services.leave import remove_leave

    remove_leave(_doctor(ctx), ctx.args.id)
    print(_("Ledigheten {id} är borttagen; dess historik finns kvar.").format(id=ctx.args.id))
    return 0


def cmd_leave_list(ctx: Context) -> int:
    from btdesk.services.leave import leave_periods

    rows = [{"id": lv.id, "type": lv.type, "type_name": lv.type_name, "start": lv.start.isoformat(),
             "end": lv.end.isoformat(), "percent": lv.percent} for lv in leave_periods(_doctor(ctx))]
    keys = ("id", "type", "start", "end", "percent")

    def table() -> str:
        if not rows:
            return _("Ingen ledighet registrerad.")
        cols = (Column("Id", 38), Column(_("Typ"), 18), Column(_("Period"), 23), Column(_("Omfattning"), 0))
        return text_table(cols, [(r["id"], r["type_name"], f"{r['start']}–{r['end']}", f"{r['percent']} %")
                                 for r in rows])

    sys.stdout.write(render(ctx.args.format, data=lambda: rows, header=keys,
                            rows=lambda: ([r[k] for k in keys] for r in rows), table=table))
    return 0


def progress_head(pr: Any) -> str:
    """The first lines of `btdesk progress`: served and planned kept apart, one decimal."""
    m = months_shown
    lines = [_("{doctor} – {programme}, start {start}, {percent} % av heltid").format(
                 doctor=pr.doctor, programme=pr.programme, start=pr.start or "–", percent=pr.bt_percent),
             _("Tid: {summary} (heltid, ledighet avräknad)").format(summary=pr.summary),
             _("Primärvård {primarvard} tjänstgjorda (planerat {primarvard_planned}); akut sjukvård {akut} "
               "tjänstgjorda (planerat {akut_planned})").format(
                 primarvard=m(pr.primarvard_months), primarvard_planned=m(pr.primarvard_planned),
                 akut=m(pr.akut_months), akut_planned=m(pr.akut_planned))]
    if pr.leave:
        lines.append(_("Ledighet: {taken} månader hittills (planerat {planned})").format(
            taken=m(pr.leave_months), planned=m(pr.leave_planned_months)))
    if pr.completed_on:
        lines.append(_("Programmets tid tjänstgjord: {day}").format(day=pr.completed_on))
    elif pr.expected_end:
        how = (_(" (efter planens slut antaget {percent} %)").format(percent=pr.bt_percent)
               if pr.expected_end_presumed else "")
        lines.append(_("Beräknat slut: {day}{how}").format(day=pr.expected_end, how=how))
    lines.append(_("I fas: ja") if pr.in_phase else
                 _("I fas: nej – {reasons}").format(reasons=" ".join(pr.phase_reasons)))
    if pr.phase.get("explanation"):
        lines.append(f"  {pr.phase['explanation']}")
    if pr.phase.get("uncounted_assessments"):
        lines.append("  " + _("Ytterligare {n} signerade bedömningar räknas inte i fas: de hör inte till en punkt "
                              "på sin placerings checklista, eller punkten har redan de som krävs.").format(
            n=pr.phase["uncounted_assessments"]))
    return "\n".join(lines)


ASSUMED = N_(" (antagande)")


def programme_rules(prog: Any) -> str:
    """What `programme show` says about length, in phase, the introduction and the assumptions."""
    rule = prog.phase_rule
    assumed = _(ASSUMED)
    lines = [_("Längd: {months} månader på heltid. I fas: minst {threshold:.0%} av det som väntas vid det här "
               "laget, väntade antal avrundade {rounding}{assumed}.").format(
        months=number_shown(prog.months), threshold=rule.threshold, rounding=rule.rounding,
        assumed=assumed if "in_phase" in prog.assumed else "")]
    if prog.introduction:
        lines.append(_("Introduktion: {text}, {weeks} veckor i början av den första placeringen{assumed}.").format(
            text=prog.introduction.text_in(language()), weeks=number_shown(prog.introduction.weeks),
            assumed=assumed if "introduction" in prog.assumed else ""))
    for key in sorted(prog.assumed - {"in_phase", "introduction"}):
        lines.append(f"{key} = {getattr(prog, key)}{assumed}")
    if prog.assumptions:
        lines.append(_("Antaganden (inte regionens beslut): {assumptions}").format(
            assumptions=prog.assumptions_in(language())))
    return "\n".join(lines)
