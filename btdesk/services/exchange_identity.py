"""A new laptop: install an exported identity and give it a portfolio to import bundles into."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.identity.profile import PublicIdentity


def restore_identity(home: Path, file: Path, passphrase: PassphraseSource) -> tuple[PublicIdentity, bool]:
    """Import the identity file; create the profile row when this home has no portfolio.

    Returns (PublicIdentity, created). Re-importing one's own bundles afterwards restores
    what was synced (they are signed by this very identity).
    """
    from sqlalchemy.orm import Session

    from btdesk.identity import import_identity
    from btdesk.services.portfolio import DB_NAME, Portfolio
    from btdesk.store.models import Profile

    home = Path(home).expanduser()
    had_db = (home / DB_NAME).exists()
    ident = import_identity(home, Path(file), passphrase)
    if had_db:
        with Portfolio.open(home) as p:
            if p.profile.fingerprint != ident.fingerprint:
                raise BtdeskError(_("Identiteten installerades, men portföljen hör till en annan nyckel; "
                                    "använd en tom mapp."))
        return ident, False
    engine, lock, _unused = Portfolio._open_db(home)
    try:
        with Session(engine) as s, s.begin():
            s.add(Profile(id=str(uuid.uuid4()), name=ident.name, role=ident.role or "doctor",
                          fingerprint=ident.fingerprint, programme_id=None, created=now_iso()))
    finally:
        engine.dispose()
        lock.release()
    return ident, True
