"""Core commands: profile, demo, programme, progress, entries, history, selftest."""
from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError
from btdesk.i18n import N_, _, language, months_shown, number_shown
from btdesk.tabular import render

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("profile", help="create the profile of this home")
    ps = p.add_subparsers(metavar="ACTION", required=True)
    c = ps.add_parser("create", help="create a profile (doctor, supervisor or unit) with a key pair")
    c.add_argument("--role", required=True, choices=["doctor", "supervisor", "unit"])
    c.add_argument("--name", required=True)
    c.add_argument("--programme", help="programme id for a doctor (see 'btdesk programme list')")
    c.add_argument("--start", type=date.fromisoformat, help="BT start date, YYYY-MM-DD")
    c.add_argument("--percent", type=int, default=100, help="percent of full time")
    c.add_argument("--huvudhandledare", default="")
    c.set_defaults(func=cmd_profile_create)
    e = ps.add_parser("edit", help="change the profile's name or programme; the key stays the same")
    e.add_argument("--name")
    e.add_argument("--programme", help="programme id (see 'btdesk programme list')")
    e.set_defaults(func=cmd_profile_edit)

    d = sub.add_parser("demo", help="create a realistic demo profile in this home")
    d.add_argument("--role", choices=["doctor", "supervisor", "unit"], default="doctor")
    d.add_argument("--if-missing", action="store_true", help="do nothing when a portfolio exists")
    d.set_defaults(func=cmd_demo)

    pr = sub.add_parser("programme", help="the regional BT programmes")
    prs = pr.add_subparsers(metavar="ACTION", required=True)
    prs.add_parser("list", help="list the shipped programmes").set_defaults(func=cmd_programme_list)
    sh = prs.add_parser("show", help="show one programme")
    sh.add_argument("id")
    sh.set_defaults(func=cmd_programme_show)
    ck = prs.add_parser("check", help="validate a programme file")
    ck.add_argument("file")
    ck.set_defaults(func=cmd_programme_check)

    g = sub.add_parser("progress", help="progress per delmål and placement, months served, in phase")
    g.add_argument("--format", choices=["table", "csv", "json"], default="table")
    g.add_argument("--today", type=date.fromisoformat, help=argparse_hidden())
    g.set_defaults(func=cmd_progress)

    e = sub.add_parser("entries", help="list the portfolio's records")
    e.add_argument("--kind", help="activity, talk, placement, document, reflection, assessment …")
    e.add_argument("--deleted", action="store_true", help="include withdrawn records")
    e.set_defaults(func=cmd_entries)

    h = sub.add_parser("history", help="every version of one record")
    h.add_argument("id")
    h.set_defaults(func=cmd_history)

    a = sub.add_parser("activity", help="log a learning activity")
    a.add_argument("--type", default="course", choices=["course", "seminar", "self_study", "teaching", "clinical"])
    a.add_argument("--title", required=True)
    a.add_argument("--date", type=date.fromisoformat, default=date.today())
    a.add_argument("--hours", type=float)
    a.add_argument("--delmal", default="", help="comma-separated, e.g. BT1,BT9")
    a.add_argument("--notes", default="")
    a.set_defaults(func=cmd_activity)

    s = sub.add_parser("selftest", help="is this installation sound?")
    s.set_defaults(func=cmd_selftest)


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


def cmd_profile_create(ctx: Context) -> int:
    from btdesk.services import bt
    from btdesk.services.portfolio import Portfolio

    a = ctx.args
    if a.role == "doctor" and not a.programme:
        raise BtdeskError(_("En läkares profil behöver ett program; lägg till --programme (se 'btdesk "
                            "programme list')."))
    def start_bt(p: Portfolio) -> None:  # part of the creation: a doctor without BT is not created
        bt.set_bt(p, start=a.start or date.today(), percent=a.percent, huvudhandledare=a.huvudhandledare)

    p = Portfolio.create(ctx.home, name=a.name, role=a.role, programme_id=a.programme,
                         passphrase=lambda prompt: ctx.passphrase(prompt, confirm=True),
                         initial=start_bt if a.role == "doctor" else None)
    ctx.adopt(p)
    print(_("Profilen {name} ({role}) är skapad i {home}.").format(role=_role_word(a.role), name=p.profile.name,
                                                                 home=ctx.home))
    return 0


def cmd_profile_edit(ctx: Context) -> int:
    from btdesk.services.profile_edit import edit_profile

    a = ctx.args
    if a.name is None and a.programme is None:
        raise BtdeskError(_("Ange vad som ska ändras: --name NAMN och/eller --programme ID."))
    prof = edit_profile(ctx.portfolio(), name=a.name, programme_id=a.programme)
    print(_("Profil: {name}, {role}, program {programme}; nyckeln är oförändrad.").format(
        name=prof.name, role=prof.role, programme=prof.programme_id or _("inget")))
    return 0


def cmd_demo(ctx: Context) -> int:
    from btdesk.services.demo import create_demo
    from btdesk.services.portfolio import DB_NAME

    if ctx.args.if_missing and (ctx.home / DB_NAME).exists():
        ctx.portfolio()  # a usable portfolio, or the one sentence why not (exit 1)
        return 0
    # the documented demo passphrase (or BTDESK_PASSPHRASE), never a terminal prompt
    p = create_demo(ctx.home, ctx.args.role)
    ctx.adopt(p)
    print(_("En demoprofil ({role}), {name}, är skapad i {home}.").format(role=_role_word(ctx.args.role),
                                                                        name=p.profile.name,
                                                                        home=ctx.home))
    return 0


ITEM_TYPES = {"activity": N_("aktivitet"), "assessment": N_("bedömning"),
              "supervision_topic": N_("handledningsämne"), "deeper_study": N_("fördjupning")}


def cmd_programme_list(ctx: Context) -> int:
    from btdesk.programme import list_programmes

    for prog in list_programmes():
        kinds = ", ".join(_("{kind} {months} mån").format(kind=k.name_in(language()), months=number_shown(k.months))
                          for k in prog.placement_kinds)
        flag = "" if prog.verified else "  " + _("(ej kontrollerat)")
        print(f"{prog.id:<12} {prog.name_in(language())}: {kinds}{flag}")
    return 0


def cmd_programme_show(ctx: Context) -> int:
    from btdesk.programme import load_programme

    prog = load_programme(ctx.args.id)
    print(f"{prog.name_in(language())} ({prog.id}), {prog.region}")
    print(_("Källa: {source}. Kontrollerat mot den officiella texten: {verified}.").format(
        source=prog.source_in(language()).rstrip("."), verified=_("ja") if prog.verified else _("nej")))
    from btdesk.cli.plan_cmds import ASSUMED, programme_rules

    print(programme_rules(prog))
    for k in prog.placement_kinds:
        counts = ", ".join(sorted(k.counts_as)) or "–"
        print("\n" + _("{kind}: {months} månader{assumed}; räknas som: {counts}; handledningssamtal var "
                       "{days}:e dag{days_assumed}").format(
            kind=k.name_in(language()), months=number_shown(k.months),
            assumed=_(ASSUMED) if "months" in k.assumed else "", counts=counts,
            days=k.supervision_interval_days,
            days_assumed=_(ASSUMED) if "supervision_interval_days" in k.assumed else ""))
        for item in k.checklist:
            extra = " " + _("(minst {n} {instrument})").format(n=item.min_count, instrument=item.instrument) \
                if item.instrument else ""
            kind = _(ITEM_TYPES.get(item.type, item.type))
            print(f"  [{kind}] {item.text_in(language())}{extra} {' '.join(item.delmal)}")
    print("\n" + _("Delmål:"))
    for d in prog.delmal:
        print(f"  {d.id:<5} {d.title_in(language())}")
    return 0


def cmd_programme_check(ctx: Context) -> int:
    from btdesk.programme import check_file

    prog = check_file(ctx.args.file)
    print(_("{file}: giltigt program {id} med {delmal} delmål och {kinds} placeringstyper.").format(
        file=ctx.args.file, id=prog.id, delmal=len(prog.delmal), kinds=len(prog.placement_kinds)))
    return 0


STATUS_SV = {"none": N_("inget underlag"), "started": N_("påbörjat"), "evidenced": N_("underlag finns")}


def cmd_progress(ctx: Context) -> int:
    from btdesk.services.progress import progress

    pr = progress(ctx.portfolio(), ctx.args.today)
    if ctx.args.format != "table":
        sys.stdout.write(render(ctx.args.format, data=pr.to_dict,
                                header=("delmal", "title", "evidence", "assessments", "chosen", "status"),
                                rows=lambda: ([d.id, d.title, d.evidence, d.assessments, d.chosen, d.status]
                                              for d in pr.delmal), table=str))
        return 0
    from btdesk.cli.plan_cmds import STATE_SV, progress_head

    print(progress_head(pr))
    for w in pr.warnings:
        print(_("Varning: {warning}").format(warning=w))
    head = (_("Placering"), _("Period"), _("Läge"), _("Tjänstg."), _("Planerat"), _("Checklista"),
            _("Bedömningar"), _("Samtal"))
    print("\n" + "".join(f"{h:{w}}" for h, w in zip(head, ("<22", "<25", "<13", ">9", ">9", ">11", ">13", ">9"),
                                                   strict=True)))
    for pl in pr.placements:
        state = _(STATE_SV[pl.state])
        print(f"{pl.name:<22}{pl.start + '–' + pl.end:<25}{state:<13}{months_shown(pl.served_months):>9}"
              f"{months_shown(pl.fte_months):>9}{pl.checklist_done:>5}/{pl.checklist_total:<4}"
              f"{pl.assessments_done:>8}/{pl.assessments_required:<4}{pl.talks_held:>5}/{pl.talks_expected_by_now:<3}")
    evidence, assessed, status = _("Underlag"), _("Bedöm."), _("Status")
    print(f"\n{'Delmål':<7}{evidence:>9}{assessed:>9}  {status}")
    for d in pr.delmal:
        print(f"{d.id:<7}{d.evidence:>9}{d.assessments:>9}  {_(STATUS_SV[d.status]):<16} {d.title}")
    return 0


def cmd_entries(ctx: Context) -> int:
    p = ctx.portfolio()
    # a listing, not a count: everything held here, whoever it is about and however far trusted
    rows = p.records(ctx.args.kind, include_deleted=ctx.args.deleted, everyone=True, uncounted=True)
    for r in sorted(rows, key=lambda r: (r.kind, r.body.get("date") or r.body.get("start") or "", r.id)):
        title = r.body.get("title") or r.body.get("site") or r.body.get("instrument") or r.body.get("type", "")
        when = r.body.get("date") or r.body.get("start") or ""
        flags = ("  " + _("[borttagen]") if r.deleted else "") + ("  " + _("[konflikt]") if r.conflict else "") + \
            ("  " + _("[signerad]") if r.signed else "")
        print(f"{r.id}  {r.kind:<11} v{r.version:<3} {when:<10}  {title}{flags}")
    return 0


def cmd_history(ctx: Context) -> int:
    for v in ctx.portfolio().history(ctx.args.id):
        state = _("borttagen av {author}") if v.deleted else _("sparad av {author}")
        print(f"v{v.version}  {v.updated}  {state.format(author=v.author_name)}  {v.hash[:12]}")
        print("    " + json.dumps(v.body, ensure_ascii=False, sort_keys=True))
    return 0


def cmd_activity(ctx: Context) -> int:
    from btdesk.services import bt
    from btdesk.services.entries import save_activity

    p = ctx.portfolio()
    a = ctx.args
    cur = bt.current_placement(p, a.date)
    r, warnings = save_activity(p, type=a.type, title=a.title, date=a.date, hours=a.hours,
                                delmal=[x for x in a.delmal.split(",") if x.strip()],
                                placement=cur.id if cur else None, notes=a.notes)
    for w in warnings:
        print(_("Varning: {warning}").format(warning=w), file=sys.stderr)
    print(_("Aktiviteten {id} är sparad.").format(id=r.id))
    return 0


def cmd_selftest(ctx: Context) -> int:
    from btdesk.services.selftest import run_checks

    checks = run_checks(ctx.home, ctx.qt_check)
    bad = 0
    for ok, what, detail in checks:
        bad += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {what}: {detail}")
    if bad:
        print("btdesk: " + _("{bad} kontroll(er) misslyckades; se raderna märkta FAIL.").format(bad=bad),
              file=sys.stderr)
    return 1 if bad else 0


def _role_word(role: str) -> str:
    """A role in the run's words, never its key ("handledare", not "supervisor")."""
    return {"doctor": _("BT-läkare"), "supervisor": _("handledare"), "unit": _("BT-enhet")}.get(role, role)
