"""Use case: make a smart card this profile's identity (`btdesk identity use-token`, Inställningar).

The card is asked to sign before anything changes; then the profile's fingerprint, the card
settings and the certificate are written together, so a wrong PIN or a missing card leaves the
profile exactly as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.identity.token import PinSource, TokenCert
    from btdesk.services.portfolio import Portfolio


@dataclass(frozen=True)
class CardIdentity:
    name: str
    hsa_id: str | None
    issuer: str
    fingerprint: str
    token_label: str
    middleware: str
    scheme: str
    usage: str | None


def list_certificates(module: str | None = None, slot: int | None = None) -> tuple[str, list[TokenCert]]:
    """(module path, end-entity certificates on the present cards), read without a PIN."""
    from btdesk.identity.token import certificates
    from btdesk.identity.token_profile import resolve_module

    _, path = resolve_module(module)
    return path, certificates(path, slot)


def use_token(p: Portfolio, pin: PinSource, *, module: str | None = None, slot: int | None = None,
              label: str | None = None, pss: bool = False) -> CardIdentity:
    from sqlalchemy import select

    from btdesk.identity.hsa import hsa_id
    from btdesk.identity.names import common_name, fingerprint
    from btdesk.identity.token_profile import prepare_token, remember
    from btdesk.services.portfolio import ProfileInfo
    from btdesk.store.models import Profile

    if p.profile.role == "unit":
        from btdesk.identity.token import TokenError

        raise TokenError(_("En BT-enhets nyckel är dess utfärdare (CA) och kan inte bytas mot ett kort."))
    choice = prepare_token(pin, module=module, slot=slot, label=label, pss=pss)
    cert = choice.where.cert
    fp = fingerprint(cert)
    with p.transaction() as s:  # the files are written inside: a failed write rolls the fingerprint back
        row = s.scalar(select(Profile))
        assert row is not None
        row.fingerprint = fp
        remember(p.home, choice)
        p.profile = ProfileInfo.of(row)
    return CardIdentity(common_name(cert.subject), hsa_id(cert), common_name(cert.issuer), fp,
                        choice.where.token_label, choice.middleware, choice.scheme, choice.where.usage)
