"""Changing the profile of a home without a new key: its name and its programme.

A supervisor needs no programme of his own: each request brings its doctor's, and
`programme_for` picks it. Whoever wants one anyway (or a doctor moving region) sets it here.
The key, the fingerprint and every record stay as they are.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from btdesk.errors import BtdeskError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.programme.model import Programme
    from btdesk.services.portfolio import Portfolio, ProfileInfo


def programme_for(p: Portfolio, programme_id: str | None = None) -> Programme:
    """The programme a form is filled under: the one named (a request carries its doctor's),
    else the profile's own; a region this installation lacks falls back to the profile's."""
    from btdesk.programme import load_programme

    if programme_id and programme_id != p.profile.programme_id:
        try:
            return load_programme(programme_id)
        except BtdeskError:
            if p.profile.programme_id is None:
                raise
    own: Programme = p.programme  # Portfolio is not annotated yet
    return own


def edit_profile(p: Portfolio, *, name: str | None = None, programme_id: str | None = None) -> ProfileInfo:
    """New name and/or programme for this home's profile (validated first; nothing half-changed)."""
    from btdesk.programme import load_programme
    from btdesk.store.models import Profile

    clean = " ".join(name.split()) if name is not None else None
    if clean == "":
        raise BtdeskError(_("En profil behöver ett namn."))
    prog = load_programme(programme_id) if programme_id is not None else None  # refused before any change
    with p.transaction() as s:
        row = s.get(Profile, p.profile.id)
        if row is None:
            raise BtdeskError(_("Den här hemmappen har ingen profil att ändra."))
        if clean is not None:
            row.name = clean
        if prog is not None:
            row.programme_id = prog.id
    if clean is not None:
        p.profile.name = clean
    if prog is not None:
        p.set_programme(prog.id)  # also the programme in use from now on
    return p.profile
