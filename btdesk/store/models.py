"""SQLAlchemy 2 models of one portfolio.

Records are append-only versions (record_versions); record_heads caches which version is
current so that reads never have to walk the history.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, LargeBinary, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """A model's Core table, for bulk inserts (typed as a Table, which `__table__` is not)."""
    return Base.metadata.tables[str(model.__tablename__)]


class Profile(Base):
    """The local user of this home (exactly one row)."""

    __tablename__ = "profile"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str] = mapped_column(String(64))
    programme_id: Mapped[str | None] = mapped_column(String(64))
    created: Mapped[str] = mapped_column(String(32))


class RecordVersion(Base):
    __tablename__ = "record_versions"
    vid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36))  # looked up through ix_versions_record_version
    kind: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    prev: Mapped[str | None] = mapped_column(String(64), index=True)
    author: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(200))
    created: Mapped[str] = mapped_column(String(32))
    updated: Mapped[str] = mapped_column(String(32))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    # "local" or the manifest hash of the bundle it arrived in
    origin: Mapped[str] = mapped_column(String(64), default="local")
    received: Mapped[str] = mapped_column(String(32))
    # the doctor the record is about (NULL: this profile's own); decided by one rule, see
    # btdesk.services.subject (migration 0002 added it; queries by doctor read record_heads.subject)
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RecordHead(Base):
    __tablename__ = "record_heads"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    vid: Mapped[int] = mapped_column(ForeignKey("record_versions.vid"))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # two or more leaf versions exist (edits on two machines): shown, never dropped
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Attachment(Base):
    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    added: Mapped[str] = mapped_column(String(32))


class Setting(Base):
    """Local settings of this home (sync folder, language, window state)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


Index("ix_versions_record_version", RecordVersion.record_id, RecordVersion.version)
