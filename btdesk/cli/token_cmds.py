"""`btdesk identity use-token | tokens`: a smart card (PKCS#11) as this profile's identity.

Registered from exchange_cmds under `identity`, beside the file-key commands.
"""
from __future__ import annotations

import argparse
from typing import Any

from btdesk.cli.common import Context


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
    print(f"Kortet {card.token_label} används nu för underskrifter: {who}, utfärdat av {card.issuer}, "
          f"{card.scheme}, nyckelanvändning {card.usage}.")
    print(f"The card {card.token_label} now signs for this profile; fingerprint {card.fingerprint[:16]}….")
    return 0


def cmd_tokens(ctx: Context) -> int:
    from btdesk.identity.hsa import name_with_hsa
    from btdesk.identity.names import common_name
    from btdesk.services.token_identity import list_certificates

    path, certs = list_certificates(ctx.args.module, ctx.args.slot)
    print(f"Modul / module: {path}")
    if not certs:
        print("Inga kort med certifikat hittades. (No cards with certificates were found.)")
    for c in certs:
        print(f"slot {c.slot}  {c.token_label}  {c.label or '-'}  {name_with_hsa(c.cert, common_name(c.cert.subject))}"
              f"  {c.usage or 'no signing usage'}  utfärdare/issuer {common_name(c.cert.issuer)}")
    return 0
