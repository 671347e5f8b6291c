"""A profile whose identity lives on a card: choosing it, remembering where it is, signing with it.

home/identity/token.json says which module, token and key (never the PIN); cert.pem holds the
card's certificate and the chain, as for a file key, so everything that only reads the public
identity works unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from btdesk.i18n import _

from .errors import IdentityError
from .files import cert_path, identity_dir, read_json, write_json
from .names import fingerprint
from .signer import signature_algorithm, verify_raw
from .token import (
    PinSource,
    TokenCert,
    TokenError,
    TokenSigner,
    certificates,
    choose,
    open_signer,
)
from .token_modules import find_module


def token_path(home: Path) -> Path:
    return identity_dir(home) / "token.json"


def uses_token(home: Path) -> bool:
    return token_path(home).exists()


@dataclass(frozen=True)
class TokenChoice:
    where: TokenCert
    middleware: str
    scheme: str
    chain: tuple[x509.Certificate, ...]


def resolve_module(module: str | None) -> tuple[str, str]:
    """(middleware, path): the given module, else the first known one installed here."""
    if module:
        from .token_modules import candidates

        known = {path: name for name, path in candidates()}
        return (known.get(module, "PKCS#11"), module)
    found = find_module()
    if found is None:
        raise TokenError(_("Inget kortprogram (Net iD eller OpenSC) hittades; ange det med --module."))
    return found


def prepare_token(pin: PinSource, *, module: str | None = None, slot: int | None = None,
                  label: str | None = None, pss: bool = False) -> TokenChoice:
    """Choose a certificate on the card and prove its key signs; writes nothing.

    A wrong PIN, a missing card or a certificate whose key is not on the card raises here,
    before `remember` writes anything, so the profile stays as it was.
    """
    middleware, path = resolve_module(module)
    where = choose(certificates(path, slot, label))
    signer = open_signer(where, pin, pss=pss)
    probe = b"btdesk: does this card hold the key of its certificate?"
    try:
        verify_raw(where.cert.public_key(), signature_algorithm(signer.key_type, "sha256"), "sha256",
                   signer.sign(probe, "sha256"), probe)
    except (InvalidSignature, ValueError, TypeError):
        raise TokenError(_("Kortets nyckel hör inte till certifikatet; ingenting ändrades.")) from None
    return TokenChoice(where, middleware, signer.key_type, tuple(signer.chain))


def remember(home: Path, c: TokenChoice) -> None:
    """Make the card this profile's identity: token.json (where; never the PIN), then cert.pem."""
    w = c.where
    write_json(token_path(home), {
        "format": "btdesk-token", "version": 1, "module": w.module, "middleware": c.middleware,
        "slot": w.slot, "token_label": w.token_label, "token_serial": w.token_serial,
        "cert_label": w.label, "key_id": w.key_id, "scheme": c.scheme, "fingerprint": fingerprint(w.cert),
    })
    from .profile import write_chain

    write_chain(home, [w.cert, *c.chain])


def token_config(home: Path) -> dict[str, Any]:
    cfg = read_json(token_path(home), None)
    keys = ("module", "slot", "token_label", "token_serial", "key_id", "scheme", "fingerprint")
    if not isinstance(cfg, dict) or cfg.get("format") != "btdesk-token" or any(k not in cfg for k in keys):
        raise IdentityError(_("Profilens kortinställningar (identity/token.json) är skadade; välj kortet "
                              "igen med 'btdesk identity use-token'."))
    return cfg


def token_signer(home: Path, pin: PinSource) -> TokenSigner:
    """The card signer this profile uses; asks for the PIN once per process."""
    cfg = token_config(home)
    chain = x509.load_pem_x509_certificates(cert_path(home).read_bytes())
    leaf = chain[0]
    if fingerprint(leaf) != cfg["fingerprint"]:
        raise IdentityError(_("Profilens certifikat är inte kortets; välj kortet igen."))
    where = TokenCert(cfg["module"], int(cfg["slot"]), cfg["token_label"], cfg["token_serial"],
                      cfg.get("cert_label", ""), cfg["key_id"], leaf)
    return open_signer(where, pin, pss=cfg["scheme"] == "rsa-pss", chain=chain[1:])


def describe(home: Path) -> str | None:
    """'SITHS-test (Net iD), RSA-PSS' for `identity show`; None when the key is not on a card."""
    if not uses_token(home):
        return None
    cfg = token_config(home)
    return f"{cfg['token_label']} ({cfg.get('middleware', 'PKCS#11')}), {cfg['scheme']}"

