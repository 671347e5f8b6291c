"""The BT unit's store: many doctors' records in one database, kept apart by `subject`.

SQLite (the unit profile's own portfolio.sqlite) by default; any SQLAlchemy URL — PostgreSQL
when several staff work at once — when home/config.toml says `database_url = "…"`. Records
go through btdesk.store.records, so head choice and conflicts behave exactly as in a
doctor's portfolio.
"""
from __future__ import annotations

import time
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.store import records as rec
from btdesk.store.engine import engine_for_url
from btdesk.store.exchange_models import BundleReceived, RecordTrust
from btdesk.store.models import RecordHead, RecordVersion
from btdesk.store.schema import ensure_schema

CONFIG_NAME = "config.toml"
# an arbitrary constant: the advisory lock that serialises schema set-up across processes
SCHEMA_LOCK_ID = 0x62746465736B
RETRIES = 8


class UnitStore:
    """Record operations over one shared database; `owner` is closed with the store."""

    def __init__(self, engine: Engine, owner: Any = None):
        self.engine = engine
        self._owner = owner

    @classmethod
    def open_url(cls, url: str) -> UnitStore:
        from btdesk import logs

        logs.quiet_libraries()  # the driver's notes on a retried transaction go to the log, if any
        try:
            engine = engine_for_url(url)
        except (ArgumentError, ImportError) as e:  # a malformed URL or a missing driver
            raise BtdeskError(_("Enhetsdatabasens adress {url} kan inte användas: {e}.").format(
                                  url=_safe(url), e=e)) from None
        try:
            _ensure_schema_locked(engine)
        except OperationalError as e:
            engine.dispose()
            raise BtdeskError(_("Enhetsdatabasen på {url} kan inte nås: {e}.").format(
                                  url=_safe(url), e=_first_line(e))) from None
        return cls(engine)

    def close(self) -> None:
        if self._owner is not None:
            self._owner.close()
        else:
            self.engine.dispose()

    def __enter__(self) -> UnitStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            yield s

    def insert(self, items: Iterable[tuple[dict[str, Any], bytes | None]], *, subject: str,
               origin: str = "local") -> int:
        """Store wire records (with their signatures) for one doctor in one transaction.

        Returns how many versions were new. Another process inserting the same record at
        the same moment makes our transaction fail on a unique key; it is simply retried,
        since insertion is idempotent.
        """
        batch = list(items)
        for attempt in range(RETRIES):
            try:
                with self.transaction() as s:
                    # the store's bulk path: a few statements per few hundred records
                    got = rec.insert_versions(s, batch, origin=origin, subject=lambda _w: subject)
                    return sum(1 for x in got if x.new)
            except (IntegrityError, OperationalError, DBAPIError) as e:
                if attempt == RETRIES - 1 or not _retryable(e):
                    raise
                time.sleep(0.01 * (2 ** attempt))
        return 0

    # -- reading -------------------------------------------------------------------
    def subjects(self) -> list[str]:
        with Session(self.engine) as s:
            q = select(RecordHead.subject).where(RecordHead.subject.is_not(None)).distinct()
            return sorted(subj for subj in s.scalars(q).all() if subj is not None)

    def records(self, subject: str, kind: str | None = None, *,
                include_deleted: bool = False, uncounted: bool = False) -> list[rec.RecordView]:
        return self.records_by_subject(kind, include_deleted=include_deleted, subject=subject,
                                       uncounted=uncounted).get(subject, [])

    def records_by_subject(self, kind: str | None = None, *, include_deleted: bool = False,
                           subject: str | None = None, kinds: Iterable[str] | None = None,
                           uncounted: bool = False) -> dict[str, list[rec.RecordView]]:
        """Every doctor's current records that count as evidence (btdesk.services.evidence) in one
        query: {fingerprint: [RecordView]}; with `uncounted` also the others, marked.

        Plain columns rather than ORM objects (building 20 000 mapped objects was two thirds of
        the cohort overview's time), and the signature only as "is there one".
        """
        from btdesk.services.evidence import Verdict, counts

        v = RecordVersion.__table__.c
        t = RecordTrust.__table__.c
        q = (select(v.record_id, v.kind, v.version, v.author, v.author_name, v.created, v.updated, v.deleted,
                    v.body, v.hash, v.prev, v.signature.is_not(None), RecordHead.conflict, v.origin,
                    RecordHead.subject, t.status, t.own_signature, t.fingerprint, t.standing)
             .join(RecordHead, RecordHead.vid == v.vid)
             .outerjoin(RecordTrust, t.hash == v.hash)
             .where(RecordHead.subject.is_not(None)))
        if kind is not None:
            q = q.where(RecordHead.kind == kind)
        if kinds is not None:
            q = q.where(RecordHead.kind.in_(sorted(set(kinds))))
        if subject is not None:
            q = q.where(RecordHead.subject == subject)
        if not include_deleted:
            q = q.where(RecordHead.deleted.is_(False))
        out: dict[str, list[rec.RecordView]] = defaultdict(list)
        view = rec.RecordView
        with Session(self.engine) as s:
            for (rid, k, ver, author, aname, created, updated, deleted, body, h, prev, signed, conflict, origin,
                 subj, status, own, signer, standing) in s.execute(q):
                verdict = Verdict(status, bool(own), signer, standing) if status is not None else None
                # the unit signs no evidence itself: "me" never matches an author here
                ok = counts(k, author, bool(signed), verdict, me="", subject=subj)
                if ok or uncounted:
                    out[subj].append(view(rid, k, ver, author, aname, created, updated, bool(deleted), body, h,
                                          prev, bool(signed), bool(conflict), origin, ok))
        return dict(out)

    def conflict_counts(self) -> dict[str, int]:
        """Records in conflict per doctor, over every kind."""
        q = (select(RecordHead.subject, func.count()).where(RecordHead.conflict.is_(True),
                                                             RecordHead.subject.is_not(None))
             .group_by(RecordHead.subject))
        with Session(self.engine) as s:
            return {subj: n for subj, n in s.execute(q) if subj is not None}

    def head_count(self) -> int:
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(RecordHead)) or 0

    def last_bundles(self) -> dict[str, str]:
        """When each sender's latest bundle was imported: {fingerprint: ISO time}."""
        q = select(BundleReceived.sender, func.max(BundleReceived.imported_at)).group_by(BundleReceived.sender)
        with Session(self.engine) as s:
            return {sender: t for sender, t in s.execute(q)}


def open_unit_store(home: Path) -> UnitStore:
    """The store of the unit profile in `home`: its configured database, else its own SQLite."""
    url = database_url(home)
    if url:
        return UnitStore.open_url(url)
    from btdesk.services.portfolio import Portfolio

    p = Portfolio.open(home)
    if p.profile.role != "unit":
        p.close()
        raise BtdeskError(_("Den här profilen är ingen BT-enhet; kullen hör till enhetens profil."))
    return UnitStore(p.engine, owner=p)


def database_url(home: Path) -> str | None:
    path = Path(home) / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BtdeskError(_("Inställningsfilen {path} kan inte läsas: {e}.").format(path=path, e=e)) from None
    url = data.get("database_url") or data.get("unit", {}).get("database_url")
    if url is not None and not isinstance(url, str):
        raise BtdeskError(_("database_url i {path} ska vara text, till exempel "
                            "postgresql+psycopg://host/btdesk.").format(path=path))
    return url or None


def _ensure_schema_locked(engine: Engine) -> None:
    """Create or migrate the schema; on PostgreSQL under an advisory lock, so that two
    processes starting at once do not both create the tables."""
    if engine.dialect.name != "postgresql":
        ensure_schema(engine, None)
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCHEMA_LOCK_ID})
        try:
            ensure_schema(engine, None)
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK_ID})
            conn.commit()


def _retryable(e: Exception) -> bool:
    # unique violation (23505), serialization failure (40001), deadlock (40P01), SQLite busy
    code = getattr(getattr(e, "orig", None), "sqlstate", None)
    return isinstance(e, IntegrityError) or code in ("40001", "40P01") or "locked" in str(e)


def transient(e: Exception, dialect: str) -> bool:
    """Worth running the whole transaction again? A unique violation is only a lost race on a
    server shared by several processes; in a portfolio's own SQLite file it is a real error."""
    if not isinstance(e, (IntegrityError, OperationalError, DBAPIError)):
        return False
    if dialect == "sqlite":
        return "locked" in str(e)
    return _retryable(e)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(unreadable address)"


def _first_line(e: Exception) -> str:
    return str(getattr(e, "orig", e)).strip().splitlines()[0].rstrip(".")
