"""Identity, trust, bundles and the sync folder on the command line.

`open` belongs to form_cmds; it can hand a .btbundle to `open_bundle` here.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import N_, _, language

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands
    from btdesk.services.portfolio import Portfolio


def register(sub: Subcommands) -> None:
    i = sub.add_parser("identity", help="this profile's key and certificate")
    iss = i.add_subparsers(metavar="ACTION", required=True)
    iss.add_parser("show", help="name, role, fingerprint and certificate status").set_defaults(func=cmd_identity_show)
    iss.add_parser("cert", help="print the certificate (PEM)").set_defaults(func=cmd_identity_cert)
    c = iss.add_parser("csr", help="write a certificate request for the BT unit")
    c.add_argument("--out", required=True, type=Path)
    c.set_defaults(func=cmd_identity_csr)
    ic = iss.add_parser("install-cert", help="install the certificate the BT unit issued")
    ic.add_argument("file", type=Path)
    ic.add_argument("--trust-root", action="store_true", help="also trust the root that issued it")
    ic.set_defaults(func=cmd_identity_install)
    e = iss.add_parser("export", help="a passphrase-protected copy of the identity, for a new laptop")
    e.add_argument("--out", required=True, type=Path)
    e.set_defaults(func=cmd_identity_export)
    im = iss.add_parser("import", help="install an identity export here (a new laptop)")
    im.add_argument("file", type=Path)
    im.set_defaults(func=cmd_identity_import)
    from btdesk.cli.token_cmds import register_identity

    register_identity(iss)  # use-token, tokens: a smart card as the identity

    t = sub.add_parser("trust", help="whose signatures this profile accepts")
    ts = t.add_subparsers(metavar="ACTION", required=True)
    tl = ts.add_parser("list", help="trusted roots, confirmed people, revocations, people seen")
    tl.set_defaults(func=cmd_trust_list)
    ar = ts.add_parser("add-root", help="trust a BT unit's root certificate")
    ar.add_argument("file", type=Path)
    ar.add_argument("--may-sign", metavar="KINDS",
                    help="what signatures under this root may vouch for, e.g. assessment,signoff,talk (default: all)")
    ar.set_defaults(func=cmd_trust_add_root)
    from btdesk.cli.token_cmds import register_trust

    register_trust(ts)  # add-crl: offline revocation lists for external roots
    cf = ts.add_parser("confirm", help="confirm a self-signed person's fingerprint (after checking it with them)")
    cf.add_argument("fingerprint")
    cf.add_argument("--assessor", action="store_true",
                    help="also as a handledare/assessor: their signed assessments of others count")
    cf.set_defaults(func=cmd_trust_confirm)

    x = sub.add_parser("export", help="write a signed bundle of what changed since the last one")
    x.add_argument("--to", required=True, type=Path, help="the .btbundle file to write")
    x.add_argument("--recipient", help="name or fingerprint (default: anyone)")
    x.add_argument("--all", action="store_true", help="everything, not only what changed")
    x.set_defaults(func=cmd_export)
    v = sub.add_parser("verify", help="check a bundle, a signed response or a request without importing it")
    v.add_argument("file", type=Path)
    v.set_defaults(func=cmd_verify)
    m = sub.add_parser("import", help="import bundles and signed responses (told apart by their content)")
    m.add_argument("files", type=Path, nargs="+")
    m.set_defaults(func=cmd_import)
    s = sub.add_parser("sync", help="send and receive bundles through a sync folder (outbox/, inbox/)")
    s.add_argument("--folder", type=Path, help="the sync folder (remembered)")
    s.set_defaults(func=cmd_sync)


def _pw(ctx: Context) -> Callable[[str], str]:
    return lambda prompt: ctx.passphrase(prompt)


ROLES = {"doctor": N_("BT-läkare"), "supervisor": N_("handledare"), "unit": N_("BT-enhet")}


# -- identity -----------------------------------------------------------------------
def cmd_identity_show(ctx: Context) -> int:
    from btdesk.identity import format_fingerprint, load_public

    p = ctx.portfolio()
    ident = load_public(p.home)
    print(_("Namn:         {name}").format(name=ident.name))
    print(_("Roll:         {role}").format(role=_(ROLES.get(ident.role or p.profile.role, ident.role or ""))))
    print(_("Fingeravtryck: {fp}").format(fp=format_fingerprint(ident.fingerprint)))
    status = _("självsignerat") if ident.status == "self-signed" else _("utfärdat av {issuer}").format(
        issuer=ident.issuer_name)
    print(_("Certifikat:   {status}, giltigt till {until}").format(status=status,
                                                                  until=f"{ident.not_after:%Y-%m-%d}"))
    from btdesk.identity.hsa import hsa_id
    from btdesk.identity.token_profile import describe

    card = describe(p.home)
    where = (_("på kortet {card}").format(card=card) if card
             else _("lösenfrasskyddad fil") if ident.key_in_file else _("operativsystemets nyckelring"))
    print(_("Nyckel:       {where}").format(where=where))
    if hsa_id(ident.cert):
        print(f"HSA-id:       {hsa_id(ident.cert)}")
    return 0


def cmd_identity_cert(ctx: Context) -> int:
    from btdesk.identity import load_public

    sys.stdout.write(load_public(ctx.portfolio().home).cert_pem.decode("ascii"))
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as e:
        raise BtdeskError(_("{path} kan inte skrivas: {strerror}.").format(path=path, strerror=e.strerror)) from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise BtdeskError(_("{path} kan inte läsas: {strerror}.").format(path=path, strerror=e.strerror)) from None


def cmd_identity_csr(ctx: Context) -> int:
    from btdesk.identity import make_csr

    p = ctx.portfolio()
    _write(ctx.args.out, make_csr(p.home, _pw(ctx)))
    print(_("Certifikatbegäran är skriven till {out}; ge den till din BT-enhet.").format(out=ctx.args.out))
    return 0


def cmd_identity_install(ctx: Context) -> int:
    from btdesk.identity import install_cert

    ident = install_cert(ctx.portfolio().home, _read(ctx.args.file), trust_root=ctx.args.trust_root)
    print(_("Installerat: {name}, certifikat {status}, giltigt till {until}.").format(
        name=ident.name, status=ident.status, until=f"{ident.not_after:%Y-%m-%d}"))
    return 0


def cmd_identity_export(ctx: Context) -> int:
    from btdesk.identity import export_identity

    p = ctx.portfolio()
    export_identity(p.home, ctx.args.out, _pw(ctx), _pw(ctx))
    print(_("Din identitet är skriven till {out}; förvara den och dess lösenfras säkert.").format(out=ctx.args.out))
    return 0


def cmd_identity_import(ctx: Context) -> int:
    from btdesk.services.exchange_identity import restore_identity

    ident, created = restore_identity(ctx.home, ctx.args.file, _pw(ctx))
    if created:
        print(_("Identiteten för {name} är installerad, med en ny portfölj; importera dina senaste buntar för att få "
                "tillbaka dina poster.").format(name=ident.name))
    else:
        print(_("Identiteten för {name} är installerad.").format(name=ident.name))
    return 0


# -- trust --------------------------------------------------------------------------
def cmd_trust_list(ctx: Context) -> int:
    from btdesk.identity import TrustStore
    from btdesk.services.exchange_trust import peers

    p = ctx.portfolio()
    for e in TrustStore(p.home).list():
        if e["kind"] == "revoked":
            print(_("spärrat     serienummer {serial} ({name}): {reason}").format(
                serial=e["serial"], name=e.get("name", ""), reason=e.get("reason", "")))
        else:
            extra = ((_("bekräftad av {who}, som bedömare") if e.get("assessor") else _("bekräftad av {who}")).format(
                who=e["confirmed_by"]) if e["kind"] == "confirmed" else _("betrodd rot"))
            print(f"{e['kind']:<10} {e['fingerprint'][:32]}  {e.get('name') or ''}  ({extra})")
    for peer in peers(p):
        print(_("sedd       {fp}  {name} ({role}, {trust})").format(fp=peer.fingerprint[:32], name=peer.name,
                                                                  role=peer.role or _("okänd roll"), trust=peer.trust))
    from btdesk.cli.token_cmds import print_policy_and_crls

    print_policy_and_crls(p.home)
    return 0


def cmd_trust_add_root(ctx: Context) -> int:
    from btdesk.cli.token_cmds import parse_may_sign, restrict_root
    from btdesk.identity import TrustStore

    kinds = parse_may_sign(ctx.args.may_sign)  # an unknown kind is refused before anything changes
    p = ctx.portfolio()
    fp = TrustStore(p.home).add_root(_read(ctx.args.file))
    print(_("Certifikat utfärdade av roten {fp} räknas nu som verifierade.").format(fp=fp[:32]))
    if kinds is not None:
        restrict_root(p.home, fp, kinds)
    return 0


def cmd_trust_confirm(ctx: Context) -> int:
    from btdesk.services.exchange_trust import confirm

    fp, name, n = confirm(ctx.portfolio(), ctx.args.fingerprint, assessor=ctx.args.assessor)
    if ctx.args.assessor:
        text = _("Bekräftade {name} ({fp}) som bedömare; {n} av hens poster är nu markerade som bekräftade av dig.")
    else:
        text = _("Bekräftade {name} ({fp}); {n} av hens poster är nu markerade som bekräftade av dig. Hens bedömningar "
                 "av andra räknas först när hen bekräftats med --assessor.")
    print(text.format(name=name, fp=fp[:32], n=n))
    return 0


# -- bundles ------------------------------------------------------------------------
def cmd_export(ctx: Context) -> int:
    from btdesk.services.exchange import export_bundle

    r = export_bundle(ctx.portfolio(), ctx.args.to, recipient=ctx.args.recipient, everything=ctx.args.all,
                      passphrase=_pw(ctx))
    if r is None:  # only with skip_empty, which this command does not ask for
        return 0
    print(r.message)
    if r.skipped_unsigned:
        print(_("{n} postversioner skrivna av andra utan deras signatur kan inte följa med och lämnades "
                "utanför.").format(n=r.skipped_unsigned))
    if r.missing_attachments:
        print(_("{n} bifogade filer saknas på den här datorn och lämnades utanför.").format(
            n=len(r.missing_attachments)))
    return 0


def cmd_verify(ctx: Context) -> int:
    from btdesk.services.exchange_import import verify_bundle
    from btdesk.services.signed_files import file_kind

    kind = file_kind(ctx.args.file)  # any btdesk file, told apart by its content
    if kind != "bundle":
        return _verify_signed(ctx, kind)
    v = verify_bundle(ctx.portfolio(), ctx.args.file)
    print(_("Avsändare:   {name} ({fp})").format(name=v.sender_name, fp=v.sender[:32]))
    print(_("Förtroende:  {trust}").format(trust=v.sender_text))
    print(_("Till:        {to}; bunt nummer {n}").format(to=", ".join(v.recipients) or _("vem som helst"),
                                                         n=v.sequence))
    signed = ", ".join(f"{n} {s}" for s, n in sorted(v.signed.items())) or _("inga")
    print(_("Poster:      {records} ({new} nya här); signerade av andra: {signed}").format(
        records=v.records, new=v.new, signed=signed))
    print(_("Bilagor:     {n}").format(n=v.attachments))
    print(_("Status:      redan importerad") if v.already else _("Status:      kan importeras"))
    return 0


def _verify_signed(ctx: Context, kind: str) -> int:
    """`btdesk verify` of a signed response or request: who signed it, and how far we trust them."""
    from btdesk.safetext import safe_text
    from btdesk.services import assessments, requests

    p = ctx.portfolio()
    if kind == "request":
        print(requests.read_request(ctx.args.file, p.home).describe())
        return 0
    wire, _sig, v = assessments.read_response(ctx.args.file, p.home)
    b = wire["body"]
    print(_("Signerad {kind} ({instrument}) för {doctor}: {trust}.").format(
        kind=safe_text(wire["kind"]), instrument=safe_text(b.get("instrument") or ""),
        doctor=safe_text(b.get("doctor") or "?"), trust=v.describe(language())))
    print(_("Status:      kan importeras") if b.get("doctor_fingerprint") == p.profile.fingerprint else
          _("Status:      till en annan läkare; den kan inte importeras här"))
    return 0


def _import_one(p: Portfolio, f: Path) -> list[str]:
    """Import any btdesk file by its content; the lines to print."""
    from btdesk.services import assessments, requests, supervisor
    from btdesk.services.exchange_import import import_bundle
    from btdesk.services.signed_files import file_kind

    kind = file_kind(f)
    if kind == "response":
        return [assessments.import_response(p, f).message]
    if kind == "request":
        if p.profile.role != "supervisor":
            raise BtdeskError(_("{name} är en bedömningsbegäran; den besvaras på handledarens profil.").format(
                                  name=f.name))
        opened = requests.read_request(f, p.home)
        supervisor.add_doctor_from_request(p, opened)
        return [opened.describe()]
    r = import_bundle(p, f)
    return [r.message] + [f"  {w}" for w in r.warnings]


def cmd_import(ctx: Context) -> int:
    from btdesk import logs

    p, failed = ctx.portfolio(), 0
    for f in ctx.args.files:
        try:
            lines = _import_one(p, f)
        except BtdeskError as e:
            failed += 1
            logs.refused(f, str(e))
            print(f"btdesk: {f.name}: {e}", file=sys.stderr)
            continue
        for line in lines:
            print(line)
    if failed and len(ctx.args.files) > 1:
        raise BtdeskError(_("{failed} av {files} paket avvisades; de andra importerades.").format(
                              failed=failed, files=len(ctx.args.files)))
    return 1 if failed else 0  # one file: its own sentence above is the whole story


def cmd_sync(ctx: Context) -> int:
    from btdesk import logs
    from btdesk.services.sync import sync

    summary = sync(ctx.portfolio(), ctx.args.folder, passphrase=_pw(ctx))
    logs.refused_all(summary.rejected)
    for line in summary.lines():
        print(line)
    print(summary.message)
    return 1 if summary.rejected else 0


def open_bundle(ctx: Context, path: Path) -> int:
    """For `btdesk open F.btbundle` (registered by form_cmds): verify, then import."""
    if Path(path).suffix != ".btbundle":
        raise UsageError(_("{name} är ingen .btbundle-fil").format(name=Path(path).name))
    import argparse

    given = ctx.args  # keep --home and the rest; only the file arguments differ
    try:
        ctx.args = argparse.Namespace(**{**vars(given), "file": Path(path)})
        cmd_verify(ctx)
        ctx.args = argparse.Namespace(**{**vars(given), "files": [Path(path)]})
        return cmd_import(ctx)
    finally:
        ctx.args = given
