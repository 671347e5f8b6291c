"""`btdesk unit …`: the BT unit as the region's certificate authority, and its cohort views."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.tabular import FORMATS, Column, render, text_table

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands


def register(sub: Subcommands) -> None:
    u = sub.add_parser("unit", help="the BT unit: certificates, cohort overview, statistics")
    acts = u.add_subparsers(metavar="ACTION", required=True)

    i = acts.add_parser("init-ca", help="make this unit profile the region's certificate authority")
    i.add_argument("--out", type=Path, help="also write the root certificate (PEM) to this file")
    i.set_defaults(func=cmd_init_ca)

    c = acts.add_parser("issue-cert", help="issue a certificate for a request (CSR) file")
    c.add_argument("csr", type=Path, metavar="CSR")
    c.add_argument("--out", type=Path, required=True, metavar="CERT")
    c.add_argument("--days", type=int, default=None, help="validity in days (default: three years)")
    c.add_argument("--role", choices=("handledare", "doctor"), default=None,
                   help="the holder's role as the unit knows it, stated in the certificate; only a handledare's "
                        "assessments count (default: what the request asks)")
    c.set_defaults(func=cmd_issue_cert)

    r = acts.add_parser("revoke", help="revoke a certificate this unit issued")
    r.add_argument("serial", metavar="SERIAL", help="as `unit certs` shows it (its first hex digits), or in full")
    r.add_argument("--reason", required=True, help="shown to everyone who checks the certificate")
    r.set_defaults(func=cmd_revoke)

    ls = acts.add_parser("certs", help="the certificates this unit has issued")
    ls.add_argument("--format", choices=FORMATS, default="table")
    ls.set_defaults(func=cmd_certs)

    im = acts.add_parser("import", help="import doctors' and supervisors' bundles (default: the sync inbox)")
    im.add_argument("paths", nargs="*", type=Path, metavar="DIR|F",
                    help="bundle files or folders holding them; none: the sync folder's inbox")
    im.add_argument("--folder", type=Path, default=None,
                    help="the sync folder whose inbox/ to import (remembered for next time)")
    im.set_defaults(func=cmd_import)

    rt = acts.add_parser("return", help="a doctor's own signed bundles as the unit received them (a new laptop)")
    rt.add_argument("--doctor", required=True, metavar="FP", help="the doctor's fingerprint (or its first digits)")
    rt.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder to put the bundles in")
    rt.set_defaults(func=cmd_return)

    co = acts.add_parser("cohort", help="every doctor: months served, in phase, last bundle")
    co.add_argument("--format", choices=FORMATS, default="table")
    co.add_argument("--stale-days", type=int, default=42,
                    help="warn when a doctor's last bundle is older than this (default 42)")
    co.add_argument("--today", default=None, help=_hidden())
    co.set_defaults(func=cmd_cohort)

    _register_final(acts.add_parser("final", help="the final assessment: schedule, import judgements, archive"))

    cm = acts.add_parser("committee", help="the competence committee: final judgements side by side per delmål")
    cm.add_argument("--format", choices=FORMATS, default="table")
    cm.set_defaults(func=cmd_committee)

    st = acts.add_parser("stats", help="completion within 12, 14 and 18 months, leavers, supervision")
    st.add_argument("--format", choices=("table", "json"), default="table")
    st.add_argument("--today", default=None, help=_hidden())
    st.set_defaults(func=cmd_stats)


def _register_final(fin: argparse.ArgumentParser) -> None:
    facts = fin.add_subparsers(metavar="STEP", required=True)
    fs = facts.add_parser("schedule", help="schedule a doctor's final assessment and assign the extern bedömare")
    fs.add_argument("--doctor", required=True, metavar="FP", help="the doctor's fingerprint (or its first digits)")
    fs.add_argument("--date", required=True, metavar="DATE")
    fs.add_argument("--assessor", required=True, metavar="NAME", help="the extern bedömare")
    fs.add_argument("--out", type=Path, default=None,
                    help="also write the request file for the two assessors (.btfinalreq)")
    fs.set_defaults(func=cmd_final_schedule)
    fi = facts.add_parser("import", help="import a signed judgement (.btfinal)")
    fi.add_argument("files", nargs="+", type=Path, metavar="F")
    fi.set_defaults(func=cmd_final_import)
    fa = facts.add_parser("archive", help="archive decision and dossier together, with their SHA-256")
    fa.add_argument("--doctor", required=True, metavar="FP")
    fa.add_argument("--out", required=True, type=Path, metavar="DIR")
    fa.add_argument("--today", default=None, help=_hidden())
    fa.set_defaults(func=cmd_final_archive)


def _hidden() -> str:
    return argparse.SUPPRESS


# -- certificate authority ----------------------------------------------------------


def cmd_init_ca(ctx: Context) -> int:
    from cryptography.hazmat.primitives import serialization

    from btdesk.identity import ca_init

    ident = ca_init(ctx.home, ctx.passphrase)
    if ctx.args.out:
        _write(ctx.args.out, ident.cert.public_bytes(serialization.Encoding.PEM))
    print(f"{ident.name} is now a certificate authority (fingerprint {ident.fingerprint[:16]}…)."
          + (f" Its root certificate is in {ctx.args.out}." if ctx.args.out else ""))
    return 0


def cmd_issue_cert(ctx: Context) -> int:
    from cryptography import x509

    from btdesk.identity import ca_issue

    a = ctx.args
    try:
        csr = a.csr.read_bytes()
    except FileNotFoundError:
        raise BtdeskError(_("Begäransfilen {csr} finns inte.").format(csr=a.csr)) from None
    except OSError as e:
        raise BtdeskError(_("Begäransfilen {csr} kan inte läsas: {strerror}.").format(
                              csr=a.csr, strerror=e.strerror)) from None
    if a.days is not None and a.days < 1:
        raise BtdeskError(_("Ett certifikat ska gälla minst en dag."))
    kw = {} if a.days is None else {"days": a.days}
    pem = ca_issue(ctx.home, csr, ctx.passphrase, role=a.role, **kw)
    _write(a.out, pem)
    leaf = x509.load_pem_x509_certificates(pem)[0]
    from btdesk.identity.names import common_name
    from btdesk.identity.standing import certified_role
    from btdesk.short_ids import short_serial

    role = certified_role(leaf)
    print(f"Issued a certificate for {common_name(leaf.subject)} as {role} (serial {short_serial(leaf.serial_number)}, "
          f"valid until {leaf.not_valid_after_utc:%Y-%m-%d}) in {a.out}."
          + ("" if a.role else " The role is what the request asked for; give --role to state it yourself."))
    return 0


def cmd_return(ctx: Context) -> int:
    from btdesk.services.unit_return import return_bundles

    out = return_bundles(ctx.home, ctx.args.doctor, ctx.args.out)
    print(_("{n} buntar skrivna till {out}; på sin nya dator, efter att ha återställt sin identitet, importerar "
            "läkaren dem med: {command}").format(n=len(out), out=ctx.args.out,
                                                 command=f"btdesk import {ctx.args.out}/*.btbundle"))
    return 0


def cmd_revoke(ctx: Context) -> int:
    from btdesk.identity import ca_revoke
    from btdesk.short_ids import short_serial

    e = ca_revoke(ctx.home, ctx.args.serial, ctx.args.reason)
    print(_("Certifikatet för {name} (serienummer {serial}) är spärrat: {reason}.").format(
        name=e["name"], serial=short_serial(e["serial"]), reason=e["revoked"]["reason"]))
    return 0


CERT_COLUMNS = ("serial", "name", "role", "status", "issued", "not_after", "reason", "fingerprint")


def cmd_certs(ctx: Context) -> int:
    from btdesk.identity import ca_list
    from btdesk.short_ids import short_serial

    rows: list[dict[str, Any]] = [{k: e.get(k) for k in CERT_COLUMNS} for e in ca_list(ctx.home)]
    cols = (Column("Serial", 10), Column("Name", 28, clip=True), Column("Role", 12), Column("Status", 9),
            Column("Valid until", 12), Column("Reason", 0))
    sys.stdout.write(render(
        ctx.args.format, data=lambda: rows, header=CERT_COLUMNS,
        rows=lambda: ([r[k] for k in CERT_COLUMNS] for r in rows),
        table=lambda: text_table(cols, ([short_serial(r["serial"]), r["name"], r["role"], r["status"],
                                         (r["not_after"] or "")[:10], r["reason"] or ""] for r in rows))
        if rows else "This unit has not issued any certificates yet."))
    return 0


def _write(path: Path, data: bytes) -> None:
    from btdesk.identity.files import atomic_write

    try:
        atomic_write(Path(path), data)
    except OSError as e:
        raise BtdeskError(_("{path} kan inte skrivas: {strerror}.").format(path=path, strerror=e.strerror)) from None


# -- receiving --------------------------------------------------------------------------


def cmd_import(ctx: Context) -> int:
    from btdesk.services import unit_import as ui

    a = ctx.args
    if a.paths and a.folder:
        raise BtdeskError(_("Ange antingen paketfiler eller en synkmapp med --folder, inte båda."))
    with ui.open_target(ctx.home) as target:
        progress = _terminal_progress() if sys.stderr.isatty() else None
        if a.paths:
            summary = ui.import_files(target, ui.bundle_files(a.paths), progress=progress)
        else:
            summary = ui.import_inbox(target, a.folder, progress=progress)
    from btdesk import logs

    logs.refused_all(summary.rejected)
    for line in summary.lines():
        print(line)
    print(summary.message)
    return 1 if summary.rejected else 0


def _terminal_progress() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print("\r" + _("Importerar bunt {n} av {total} ({pct} %)").format(n=min(done + 1, total), total=total, pct=pct),
              end=end, file=sys.stderr, flush=True)
    return show


# -- cohort ---------------------------------------------------------------------------


def cmd_cohort(ctx: Context) -> int:
    from btdesk.services import cohort

    today = _today(ctx.args.today)
    with cohort.open_unit_store(ctx.home) as store:
        rows = cohort.overview_of_store(store, today, stale_days=ctx.args.stale_days)
    none_yet = _("Enheten har inte importerat någon BT-läkares paket än.") + "\n"
    sys.stdout.write(render(ctx.args.format, data=lambda: [r.to_dict() for r in rows], header=cohort.CSV_COLUMNS,
                            rows=lambda: (r.csv_row() for r in rows),
                            table=lambda: cohort.table(rows) if rows else none_yet))
    return 0


def cmd_stats(ctx: Context) -> int:
    from btdesk.services import cohort

    today = _today(ctx.args.today)
    with cohort.open_unit_store(ctx.home) as store:
        st = cohort.statistics(cohort.doctors_of_store(store), today)
    sys.stdout.write(render(ctx.args.format, data=st.to_dict, table=lambda: cohort.stats_table(st)))
    return 0


def _today(text: str | None) -> date:
    from btdesk.timeutil import parse_date

    return parse_date(text) if text else date.today()


# -- final assessment ---------------------------------------------------------------------


def cmd_final_schedule(ctx: Context) -> int:
    from btdesk.services import unit_import as ui
    from btdesk.services.final.schedule import schedule, write_request

    a = ctx.args
    with ui.open_target(ctx.home) as target:
        r = schedule(target, a.doctor, _today(a.date), a.assessor)
        out = write_request(ui.store_of(target), r.body["doctor_fingerprint"], a.out) if a.out else None
    b = r.body
    print(f"The final assessment of {b['doctor']} is scheduled for {b['date']} with {b['assessor']} as "
          f"extern bedömare" + (f"; send {out} to the extern bedömare and the huvudhandledare." if out else "."))
    return 0


def cmd_final_import(ctx: Context) -> int:
    from btdesk import logs
    from btdesk.services import unit_import as ui
    from btdesk.services.final.judgement import import_judgement

    failed = 0
    with ui.open_target(ctx.home) as target:
        for f in ctx.args.files:
            try:
                print(import_judgement(target, f).message)
            except BtdeskError as e:
                failed += 1
                logs.refused(f, str(e))
                print(f"btdesk: {e}", file=sys.stderr)
    if failed:
        raise BtdeskError(_("{failed} av {files} omdömen avvisades; de andra importerades.").format(
                              failed=failed, files=len(ctx.args.files)))
    return 0


def cmd_final_archive(ctx: Context) -> int:
    from btdesk.services import unit_import as ui
    from btdesk.services.final.archive import archive

    a = ctx.args
    with ui.open_target(ctx.home) as target:
        folder, sums = archive(target, a.doctor, a.out, today=_today(a.today))
    print(_("Beslutet och dossiern är arkiverade i {folder}:").format(folder=folder))
    for name, h in sums.items():
        print(f"  {name}  SHA-256 {h}")
    return 0


def cmd_committee(ctx: Context) -> int:
    from btdesk.cli.final_output import (
        COMMITTEE_CSV,
        committee_csv_rows,
        committee_table,
    )
    from btdesk.services import unit_import as ui
    from btdesk.services.final.committee import committee

    with ui.open_target(ctx.home) as target:
        rows = committee(ui.store_of(target))
    sys.stdout.write(render(ctx.args.format, data=lambda: [r.to_dict() for r in rows], header=COMMITTEE_CSV,
                            rows=lambda: committee_csv_rows(rows), table=lambda: committee_table(rows)))
    return 0
