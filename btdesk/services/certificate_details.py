"""What the certificates ask that the records do not hold: the applicant's own details and the
signers' specialty, workplace and personnummer.

Kept in this portfolio's local settings, never in a record: settings do not travel in bundles,
so a personnummer stays on this laptop.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Protocol

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.personnummer import normalize
from btdesk.timeutil import parse_date

KEY = "certificate.details"
ROLES = ("huvudhandledare", "extern_bedomare", "verksamhetschef")
ATTACHMENT_ROWS = 5  # Bilaga 1's list of attached certificates
LICENCE_ROWS = 3


class Settings(Protocol):
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class Applicant:
    surname: str = ""
    given_name: str = ""
    personnummer: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    phone_private: str = ""
    email: str = ""
    workplace: str = ""
    phone_work: str = ""
    degree_country: str = ""
    degree_date: str = ""  # ISO date
    licences: tuple[tuple[str, str], ...] = ()  # (country, ISO date), at most three
    attachment_numbers: tuple[str, ...] = ("",) * ATTACHMENT_ROWS


@dataclass(frozen=True)
class Signer:
    name: str
    specialty: str = ""
    workplace: str = ""
    personnummer: str = ""


@dataclass(frozen=True)
class Details:
    applicant: Applicant = field(default_factory=Applicant)
    signers: tuple[Signer, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (role, signer name)

    def signer(self, name: str) -> Signer:
        return next((s for s in self.signers if s.name.casefold() == name.strip().casefold()), Signer(name.strip()))

    def role(self, role: str) -> str:
        return dict(self.roles).get(role, "")


def load(p: Settings) -> Details:
    raw = p.setting(KEY)
    if not raw:
        return Details()
    d = json.loads(raw)
    a = d.get("applicant", {})
    known = {f.name for f in fields(Applicant)}
    applicant = Applicant(**{k: v for k, v in a.items() if k in known and k not in ("licences", "attachment_numbers")},
                          licences=tuple((str(c), str(t)) for c, t in a.get("licences", [])),
                          attachment_numbers=_rows(a.get("attachment_numbers", [])))
    return Details(applicant, tuple(Signer(**s) for s in d.get("signers", [])),
                   tuple((str(r), str(n)) for r, n in d.get("roles", [])))


def _rows(values: list[Any]) -> tuple[str, ...]:
    vals = [str(v) for v in values][:ATTACHMENT_ROWS]
    return tuple(vals + [""] * (ATTACHMENT_ROWS - len(vals)))


def _save(p: Settings, d: Details) -> None:
    p.set_setting(KEY, json.dumps(asdict(d), ensure_ascii=False, sort_keys=True))


def _iso(value: str, what: str) -> str:
    if not value.strip():
        return ""
    try:
        return parse_date(value.strip()).isoformat()
    except ValueError:
        raise BtdeskError(_("{what}: ”{value}” är inget datum (ÅÅÅÅ-MM-DD).").format(what=what, value=value)) from None


def set_applicant(p: Settings, **changes: Any) -> Applicant:
    """Change the given fields only; everything is checked before anything is saved."""
    d = load(p)
    known = {f.name for f in fields(Applicant)}
    bad = sorted(set(changes) - known)
    if bad:
        raise BtdeskError(_("Okänt fält för sökanden: {bad}.").format(bad=", ".join(bad)))
    clean: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v for k, v in changes.items()}
    if "personnummer" in clean:
        clean["personnummer"] = normalize(clean["personnummer"])
    if "degree_date" in clean:
        clean["degree_date"] = _iso(clean["degree_date"], "Läkarexamen")
    if "licences" in clean:
        rows = [(str(c).strip(), _iso(str(t), "Legitimation")) for c, t in clean["licences"]]
        if len(rows) > LICENCE_ROWS:
            raise BtdeskError(_("Blanketten har plats för {n} legitimationer.").format(n=LICENCE_ROWS))
        clean["licences"] = tuple(rows)
    if "attachment_numbers" in clean:
        clean["attachment_numbers"] = _rows(list(clean["attachment_numbers"]))
    applicant = replace(d.applicant, **clean)
    _save(p, replace(d, applicant=applicant))
    return applicant


def set_signer(p: Settings, name: str, *, role: str | None = None, **changes: str) -> Signer:
    """Add or change one signer (by name) and, with `role`, make them that role's signer."""
    name = name.strip()
    if not name:
        raise BtdeskError(_("En intygsutfärdare behöver ett namn."))
    if role is not None and role not in ROLES:
        raise BtdeskError(_("Okänd roll {role}; välj {known}.").format(role=role, known=", ".join(ROLES)))
    d = load(p)
    clean = {k: v.strip() for k, v in changes.items() if v is not None}
    if "personnummer" in clean:
        clean["personnummer"] = normalize(clean["personnummer"])
    signer = replace(d.signer(name), **clean)
    others = tuple(s for s in d.signers if s.name.casefold() != name.casefold())
    roles = dict(d.roles)
    if role is not None:
        roles[role] = name
    _save(p, Details(d.applicant, others + (signer,), tuple(sorted(roles.items()))))
    return signer


def remove_signer(p: Settings, name: str) -> None:
    d = load(p)
    if not any(s.name.casefold() == name.strip().casefold() for s in d.signers):
        raise BtdeskError(_("Ingen intygsutfärdare heter {name}.").format(name=name))
    keep = tuple(s for s in d.signers if s.name.casefold() != name.strip().casefold())
    roles = tuple((r, n) for r, n in d.roles if n.casefold() != name.strip().casefold())
    _save(p, Details(d.applicant, keep, roles))
