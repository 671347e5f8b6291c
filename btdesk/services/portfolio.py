"""The portfolio facade: one home folder, one profile, one database, one lock.

Every write is one transaction (a short-lived Session per operation, as TagStudio does).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.store import records as rec
from btdesk.store.attachments import AttachmentStore
from btdesk.store.engine import sqlite_engine
from btdesk.store.lock import HomeLock
from btdesk.store.models import Attachment, Profile, RecordHead, RecordVersion, Setting
from btdesk.store.schema import check_file, ensure_schema
from btdesk.timeutil import now_iso

if TYPE_CHECKING:
    from btdesk.programme.model import Programme

DB_NAME = "portfolio.sqlite"
ROLES = ("doctor", "supervisor", "unit")

PassphraseSource = Callable[[str], str]


@dataclass
class ProfileInfo:
    """A plain copy of the profile row, safe to hold outside a session."""

    id: str
    name: str
    role: str
    fingerprint: str
    programme_id: str | None
    created: str

    @classmethod
    def of(cls, row: Profile) -> ProfileInfo:
        return cls(row.id, row.name, row.role, row.fingerprint, row.programme_id, row.created)


class NoProfile(BtdeskError):
    pass


class SignedRecordFrozen(BtdeskError):
    pass


def prepare_home(home: Path) -> Path:
    home = Path(home).expanduser()
    try:
        home.mkdir(parents=True, exist_ok=True)
        probe = home / f".write-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except PermissionError:
        raise BtdeskError(
            _("btdesk får inte skriva i {home} (åtkomst nekad); välj en annan mapp med --home.").format(home=home)
        ) from None
    except OSError as e:
        raise BtdeskError(_("btdesk kan inte använda {home} som sin hemmapp: {reason}.").format(
            home=home, reason=e.strerror)) from None
    return home


class Portfolio:
    def __init__(self, home: Path, engine: Engine, lock: HomeLock, profile: ProfileInfo) -> None:
        self.home = home
        self.engine = engine
        self._lock = lock
        self.profile = profile
        self.attachments = AttachmentStore(home / "attachments")
        self.migration_backup: str | None = None
        self._programme: Programme | None = None

    # -- opening -----------------------------------------------------------
    @classmethod
    def _open_db(cls, home: Path) -> tuple[Engine, HomeLock, str | None]:
        home = prepare_home(home)
        lock = HomeLock(home)
        lock.acquire()
        try:
            check_file(home / DB_NAME)
            engine = sqlite_engine(home / DB_NAME)
            backup = ensure_schema(engine, home / DB_NAME)
        except BaseException:
            lock.release()
            raise
        return engine, lock, backup

    @classmethod
    def open_locked(cls, home: Path, lock: HomeLock) -> Portfolio:
        """Open a portfolio whose home lock the caller already holds (a profile just created)."""
        engine = sqlite_engine(home / DB_NAME)
        with Session(engine) as s:
            row = s.scalar(select(Profile))
            if row is None:
                raise NoProfile(_("Portföljen i {home} har ingen profil; skapa en med 'btdesk profile "
                                  "create'.").format(home=home))
            profile = ProfileInfo.of(row)
        return cls(home, engine, lock, profile)

    @classmethod
    def open(cls, home: Path) -> Portfolio:
        home = Path(home).expanduser()
        if not (home / DB_NAME).exists():
            raise NoProfile(
                _("Det finns ingen portfölj i {home}; skapa en med 'btdesk profile create' eller prova "
                  "'btdesk demo'.").format(home=home)
            )
        engine, lock, backup = cls._open_db(home)
        with Session(engine) as s:
            row = s.scalar(select(Profile))
            profile = ProfileInfo.of(row) if row is not None else None
        if profile is None:
            lock.release()
            engine.dispose()
            raise NoProfile(_("Portföljen i {home} har ingen profil; skapa en med 'btdesk profile create'.").format(
                                home=home))
        p = cls(home, engine, lock, profile)
        p.migration_backup = backup
        return p

    @classmethod
    def create(
        cls, home: Path, *, name: str, role: str, programme_id: str | None = None,
        passphrase: PassphraseSource | None = None, initial: Callable[[Portfolio], None] | None = None,
    ) -> Portfolio:
        """A new profile, all or nothing; `initial` fills it before it appears (btdesk.services.profile_create)."""
        if role not in ROLES:
            raise BtdeskError(_("Okänd roll {role!r}; välj doctor, supervisor eller unit.").format(role=role))
        if not name.strip():
            raise BtdeskError(_("En profil behöver ett namn."))
        home = Path(home).expanduser()
        if programme_id is not None:
            from btdesk.programme import load_programme

            programme_id = load_programme(programme_id).id
        from btdesk.services.profile_create import create_portfolio

        return create_portfolio(home, name=name.strip(), role=role, programme_id=programme_id,
                                passphrase=passphrase, initial=initial)

    def close(self) -> None:
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            yield s

    # -- programme ---------------------------------------------------------
    @property
    def programme(self) -> Programme:
        if self._programme is None:
            from btdesk.programme import load_programme

            pid = self.profile.programme_id
            if pid is None:
                bt = self.latest("bt")
                pid = bt.body.get("programme") if bt else None
            if pid is None:
                raise BtdeskError(_("Profilen har inget BT-program; ange ett med 'btdesk profile create --programme'."))
            self._programme = load_programme(pid)
        return self._programme

    def set_programme(self, programme_id: str) -> None:
        from btdesk.programme import load_programme

        prog = load_programme(programme_id)
        with self.transaction() as s:
            s.get_one(Profile, self.profile.id).programme_id = prog.id
        self.profile.programme_id = prog.id
        self._programme = prog

    # -- records -----------------------------------------------------------
    def _wire(self, kind: str, body: dict[str, Any], record_id: str, version: int, prev: str | None,
              created: str, deleted: bool = False) -> dict[str, Any]:
        from btdesk.store.wire import make_wire

        return make_wire(record_id=record_id, kind=kind, version=version, prev=prev,
                         author=self.profile.fingerprint, author_name=self.profile.name,
                         created=created, updated=now_iso(), deleted=deleted, body=body)

    def put(self, kind: str, body: dict[str, Any], record_id: str | None = None, *,
            sign: Callable[[bytes], bytes] | None = None) -> rec.RecordView:
        """Create a record, or a new version of an existing one, in one transaction."""
        with self.transaction() as s:
            if record_id is None:
                wire = self._wire(kind, body, str(uuid.uuid4()), 1, None, now_iso())
            else:
                head = self._head(s, record_id)
                cur = s.get_one(RecordVersion, head.vid)
                self._check_editable(cur)
                wire = self._wire(cur.kind, body, record_id, cur.version + 1, cur.hash, cur.created)
            sig = self._sign(wire, sign)
            v, _ = rec.insert_version(s, wire, signature=sig)
            return rec.view(v)

    def delete(self, record_id: str) -> rec.RecordView:
        """A withdrawal is a tombstone version; the history stays."""
        with self.transaction() as s:
            head = self._head(s, record_id)
            cur = s.get_one(RecordVersion, head.vid)
            self._check_editable(cur)
            wire = self._wire(cur.kind, cur.body, record_id, cur.version + 1, cur.hash, cur.created, True)
            v, _ = rec.insert_version(s, wire)
            return rec.view(v)

    def restore(self, record_id: str) -> rec.RecordView:
        """Undo of a deletion: a new live version with the last body."""
        with self.transaction() as s:
            head = self._head(s, record_id)
            cur = s.get_one(RecordVersion, head.vid)
            wire = self._wire(cur.kind, cur.body, record_id, cur.version + 1, cur.hash, cur.created)
            v, _ = rec.insert_version(s, wire)
            return rec.view(v)

    def _sign(self, wire: dict[str, Any], sign: Callable[[bytes], bytes] | None) -> bytes | None:
        if sign is None:
            return None
        from btdesk.store.wire import signed_bytes

        return sign(signed_bytes(wire))

    def _check_editable(self, cur: RecordVersion) -> None:
        if cur.author == self.profile.fingerprint:
            return
        if cur.signature is not None:
            raise SignedRecordFrozen(
                _("Posten ({kind}) är signerad av {author_name} och kan inte ändras; lägg till en egen "
                  "reflektion till den i stället.").format(kind=cur.kind, author_name=cur.author_name)
            )
        # a version by a second author would be refused by everyone who receives it
        raise SignedRecordFrozen(
            _("Posten ({kind}) tillhör {author_name} och kan bara ändras i hens egen btdesk.").format(
                kind=cur.kind, author_name=cur.author_name)
        )

    def _head(self, s: Session, record_id: str) -> RecordHead:
        head = s.get(RecordHead, record_id)
        if head is None:
            raise BtdeskError(_("Portföljen har ingen post {id}.").format(id=record_id))
        return head

    def get(self, record_id: str) -> rec.RecordView:
        with Session(self.engine) as s:
            head = self._head(s, record_id)
            return rec.view(s.get_one(RecordVersion, head.vid), head.conflict)

    def records(self, kind: str | None = None, *, include_deleted: bool = False, everyone: bool = False,
                uncounted: bool = False) -> list[rec.RecordView]:
        """Current records about this profile's own doctor (with `everyone`: about anybody)
        that count as evidence (btdesk.services.evidence); with `uncounted` also those that do
        not, marked `counted=False`, for views that show them."""
        from btdesk.services.evidence import Verdict, counts
        from btdesk.store.exchange_models import RecordTrust

        q = (select(RecordVersion, RecordHead.conflict, RecordHead.subject, RecordTrust.status,
                    RecordTrust.own_signature, RecordTrust.fingerprint, RecordTrust.standing)
             .join(RecordHead, RecordHead.vid == RecordVersion.vid)
             .outerjoin(RecordTrust, RecordTrust.hash == RecordVersion.hash))
        if kind is not None:
            q = q.where(RecordHead.kind == kind)
        if not include_deleted:
            q = q.where(RecordHead.deleted.is_(False))
        if not everyone:
            q = q.where(RecordHead.subject.is_(None))
        me, out, assesses = self.profile.fingerprint, [], self.profile.role != "doctor"
        with Session(self.engine) as s:
            for v, conflict, subject, status, own, signer, standing in s.execute(q).all():
                verdict = Verdict(status, bool(own), signer, standing) if status is not None else None
                ok = counts(v.kind, v.author, v.signature is not None, verdict, me=me, subject=subject,
                            me_assesses=assesses)
                if ok or uncounted:
                    out.append(rec.view(v, conflict, ok))
        return out

    def latest(self, kind: str) -> rec.RecordView | None:
        items = self.records(kind)
        return max(items, key=lambda r: r.updated) if items else None

    def history(self, record_id: str) -> list[rec.RecordView]:
        with Session(self.engine) as s:
            self._head(s, record_id)
            return [rec.view(v) for v in rec.history(s, record_id)]

    def conflicts(self) -> dict[str, list[rec.RecordView]]:
        with Session(self.engine) as s:
            ids = s.scalars(select(RecordHead.record_id).where(RecordHead.conflict.is_(True))).all()
            return {i: [rec.view(v) for v in rec.leaves(s, i)] for i in ids}

    def resolve(self, record_id: str, keep_hash: str, body: dict[str, Any] | None = None) -> rec.RecordView:
        """End a conflict: a new version on top of the chosen leaf that supersedes the others."""
        with self.transaction() as s:
            lv = rec.leaves(s, record_id)
            chosen = next((v for v in lv if v.hash == keep_hash), None)
            if chosen is None:
                raise BtdeskError(_("Den versionen är inte en av postens motstridiga versioner."))
            new_body = dict(body if body is not None else chosen.body)
            new_body[rec.RESOLVES] = sorted(v.hash for v in lv if v.hash != keep_hash)
            version = max(v.version for v in lv) + 1
            wire = self._wire(chosen.kind, new_body, record_id, version, chosen.hash, chosen.created)
            v, _new = rec.insert_version(s, wire)
            return rec.view(v)

    # -- attachments -------------------------------------------------------
    def add_attachment(self, path: Path) -> tuple[str, int]:
        try:
            digest, size = self.attachments.put_file(Path(path))
        except FileNotFoundError:
            raise BtdeskError(_("Filen {path} finns inte.").format(path=path)) from None
        except IsADirectoryError:
            raise BtdeskError(_("{path} är en mapp, inte en fil.").format(path=path)) from None
        except OSError as e:
            raise BtdeskError(_("Filen {path} kunde inte sparas: {reason}.").format(
                path=path, reason=e.strerror)) from None
        with self.transaction() as s:
            if s.get(Attachment, digest) is None:
                s.add(Attachment(sha256=digest, size=size, added=now_iso()))
        return digest, size

    def attachment_path(self, sha256: str) -> Path:
        return self.attachments.path_for(sha256)

    # -- settings ----------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with Session(self.engine) as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
