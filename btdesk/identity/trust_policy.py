"""What a signature under a trusted root may vouch for: home/identity/trust-policy.json.

A root listed here may sign only the kinds it names; a root not listed may sign everything
(a BT unit's own root, as before). Example: the SITHS roots may sign assessments, sign-offs and
talks, while final judgements need a certificate the unit issued:

    {"format": "btdesk-trust-policy", "version": 1,
     "roots": {"<root fingerprint>": {"name": "SITHS Root CA v1", "may_sign": ["assessment", "signoff"]}}}

The file is validated whenever it is read; a damaged policy refuses every restricted root rather
than letting anything through.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from btdesk.i18n import N_, _

from .errors import IdentityError, SignatureError
from .files import identity_dir, write_json

FORMAT = "btdesk-trust-policy"
# what a signature can vouch for: a bundle's manifest, and the signed record kinds
KINDS = ("bundle", "request", "assessment", "talk", "signoff", "final_judgement", "final_assessment",
         "final_archive", "revocations")
KIND_WORDS = {"bundle": N_("paket"), "request": N_("förfrågningar"), "assessment": N_("bedömningar"),
              "talk": N_("samtal"), "signoff": N_("signeringar av samtal"), "final_judgement": N_("slutbedömningar"),
              "final_assessment": N_("slutbedömningsscheman"), "final_archive": N_("arkiverade slutbedömningar"),
              "revocations": N_("spärrlistor")}
_cache: dict[str, tuple[float, dict[str, Any]]] = {}


def policy_path(home: Path) -> Path:
    return identity_dir(home) / "trust-policy.json"


def _problem(why: str) -> IdentityError:
    return IdentityError(_("Förtroendepolicyn (identity/trust-policy.json) är ogiltig: {why}.").format(why=why))


def validate(doc: Any) -> dict[str, Any]:
    """The policy's roots, or one sentence naming the first thing wrong."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != 1:
        raise _problem(_("formatet {format} version 1 väntas").format(format=FORMAT))
    roots = doc.get("roots")
    if not isinstance(roots, dict):
        raise _problem(_("roots ska vara ett objekt med rotfingeravtryck som nycklar"))
    for fp, entry in roots.items():
        if not (isinstance(fp, str) and len(fp) == 64 and all(c in "0123456789abcdef" for c in fp)):
            raise _problem(_("{fp!r} är inget rotfingeravtryck (64 hexadecimala siffror)").format(fp=str(fp)[:70]))
        if not isinstance(entry, dict) or not isinstance(entry.get("may_sign"), list):
            raise _problem(_("roten {fp} behöver en may_sign-lista").format(fp=fp[:16]))
        unknown = [k for k in entry["may_sign"] if k not in KINDS]
        if unknown:
            raise _problem(_("{kind!r} är ingen sort; använd {kinds}").format(
                kind=str(unknown[0])[:40], kinds=", ".join(KINDS)))
    return roots


def load(home: Path) -> dict[str, Any]:
    """The validated roots of the policy ({} when there is none); cached until the file changes."""
    path = policy_path(home)
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return {}
    hit = _cache.get(str(path))
    if hit and hit[0] == mtime:
        return hit[1]
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        raise _problem(_("den är ingen läsbar JSON")) from None
    roots = validate(doc)
    _cache[str(path)] = (mtime, roots)
    return roots


def restrict(home: Path, root_fp: str, name: str, may_sign: list[str]) -> None:
    """Set what signatures under this root may vouch for (replacing an earlier rule for it)."""
    roots = dict(load(home))
    roots[root_fp] = {"name": name, "may_sign": sorted(set(may_sign), key=KINDS.index)}
    doc = {"format": FORMAT, "version": 1, "roots": roots}
    validate(doc)
    write_json(policy_path(home), doc)


def rule(home: Path, root_fp: str) -> dict[str, Any] | None:
    """This root's entry in the policy, or None when it may sign everything (a BT unit's root).
    A damaged policy counts as a restriction: nothing under it gains standing from it."""
    try:
        found: dict[str, Any] | None = load(home).get(root_fp)
    except IdentityError:
        return {"may_sign": []}
    return found


def check(home: Path, root_fp: str, kind: str | None, who: str) -> None:
    """Refuse a signature whose root the policy does not allow for this kind."""
    if kind is None:
        return
    try:
        rule = load(home).get(root_fp)
    except IdentityError as e:
        raise SignatureError(str(e)) from None
    if rule is not None and kind not in rule["may_sign"]:
        what = _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind
        raise SignatureError(
            _("Förtroendepolicyn låter inte certifikat från {root} signera {what}, så underskriften av {who} "
              "godtas inte.").format(root=rule.get('name') or root_fp[:16], what=what, who=who))


def describe(home: Path) -> list[str]:
    """One line per restricted root, for `btdesk trust list` and the window."""
    return [_("{root}: får signera {kinds}").format(
        root=e.get("name") or fp[:16], kinds=", ".join(_(KIND_WORDS[k]) for k in e["may_sign"]) or _("ingenting"))
        for fp, e in load(home).items()]
