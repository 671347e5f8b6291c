"""`btdesk identity use-token | tokens`: a smart card (PKCS#11) as this profile's identity.

Registered from exchange_cmds under `identity`, beside the file-key commands.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import _


def register_identity(actions: Any) -> None:
    u = actions.add_parser("use-token", help="sign with a smart card (SITHS, PIV, YubiKey) through PKCS#11")
    u.add_argument("--module", help="the PKCS#11 library (default: Net iD or OpenSC where installed)")
    u.add_argument("--slot", type=int, help="the reader slot (default: any with a card)")
    u.add_argument("--label", help="the certificate's label on the card (default: the signing certificate)")
    u.add_argument("--pss", action="store_true", help="RSA keys: sign with RSA-PSS instead of PKCS#1 v1.5")
    u.set_defaults(func=cmd_use_token)
    t = actions.add_parser("tokens", help="cards and certificates the PKCS#11 module sees (no PIN needed)")
    t.add_argument("--module", help="the PKCS#11 library (default: Net iD or OpenSC where installed)")
    t.add_argument("--slot", type=int)
    t.set_defaults(func=cmd_tokens)


def _pin(ctx: Context) -> Any:
    return lambda prompt: ctx.passphrase(prompt)


def cmd_use_token(ctx: Context) -> int:
    from btdesk.services.token_identity import use_token

    a: argparse.Namespace = ctx.args
    card = use_token(ctx.portfolio(), _pin(ctx), module=a.module, slot=a.slot, label=a.label, pss=a.pss)
    who = f"{card.name} (HSA-id {card.hsa_id})" if card.hsa_id else card.name
    print(_("Kortet {card} används nu för underskrifter: {who}, utfärdat av {issuer}, {scheme}, nyckelanvändning "
            "{usage}; fingeravtryck {fp}….").format(card=card.token_label, who=who, issuer=card.issuer,
                                                    scheme=card.scheme, usage=card.usage, fp=card.fingerprint[:16]))
    return 0


def cmd_tokens(ctx: Context) -> int:
    from btdesk.identity.hsa import name_with_hsa
    from btdesk.identity.names import common_name
    from btdesk.services.token_identity import list_certificates

    path, certs = list_certificates(ctx.args.module, ctx.args.slot)
    print(_("Modul: {path}").format(path=path))
    if not certs:
        print(_("Inga kort med certifikat hittades."))
    for c in certs:
        print(f"slot {c.slot}  {c.token_label}  {c.label or '-'}  {name_with_hsa(c.cert, common_name(c.cert.subject))}"
              "  " + _("{usage}  utfärdare {issuer}").format(usage=c.usage or _("ingen signeringsanvändning"),
                                                          issuer=common_name(c.cert.issuer)))
    return 0


def register_trust(actions: Any) -> None:
    c = actions.add_parser("add-crl", help="import a revocation list (CRL) of a trusted root, offline")
    c.add_argument("file", type=Path)
    c.set_defaults(func=cmd_add_crl)


def parse_may_sign(text: str | None) -> list[str] | None:
    from btdesk.identity.trust_policy import KINDS

    if text is None:
        return None
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(_("{unknown!r} är ingen sort; välj bland {KINDS}.").format(
                             unknown=unknown[0], KINDS=', '.join(KINDS)))
    return kinds


def restrict_root(home: Path, fp: str, kinds: list[str]) -> None:
    from btdesk.identity import TrustStore
    from btdesk.identity.trust_policy import restrict

    name = next((e["name"] for e in TrustStore(home).list() if e["kind"] == "root" and e["fingerprint"] == fp), "")
    restrict(home, fp, name, kinds)
    print(_("Förtroendepolicy: {name} får signera {kinds}.").format(name=name,
                                                                   kinds=", ".join(kinds) or _("ingenting")))


def cmd_add_crl(ctx: Context) -> int:
    from btdesk.identity.crl_import import add_crl

    try:
        data = ctx.args.file.read_bytes()
    except OSError as e:
        raise BtdeskError(_("{file} kan inte läsas: {strerror}.").format(
                              file=ctx.args.file, strerror=e.strerror)) from None
    fresh = add_crl(ctx.portfolio().home, data)
    print(_("{n} nya spärrade certifikat; {crl}.").format(n=fresh.new_entries, crl=fresh.describe()))
    return 0


def print_policy_and_crls(home: Path) -> None:
    from btdesk.identity import TrustStore
    from btdesk.identity.crl_import import freshness
    from btdesk.identity.trust_policy import describe

    for line in describe(home):
        print(f"policy     {line}")
    known = {f.issuer for f in freshness(home)}
    for f in freshness(home):
        print(f"crl        {f.describe()}")
    for e in TrustStore(home).list():
        if e["kind"] == "root" and e["name"] not in known:
            print("crl        " + _("ingen spärrlista från {name}: spärrar kontrolleras bara mot det som kommit i "
                                    "buntar").format(name=e["name"]))
