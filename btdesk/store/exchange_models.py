"""Exchange state of a portfolio: who we know, which bundles went out and came in, and the
trust verdict of every received record version.

Its tables share btdesk.store.models.Base; the migrations' env imports both modules.
"""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from btdesk.store.models import Base


class Peer(Base):
    """Someone whose bundles or signatures we have seen."""

    __tablename__ = "peers"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(20))
    cert_pem: Mapped[str] = mapped_column(Text)
    trust: Mapped[str] = mapped_column(String(20))  # verified | confirmed | unconfirmed
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))


class BundleSent(Base):
    __tablename__ = "bundles_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[str] = mapped_column(String(64), index=True)  # fingerprint or "*"
    sequence: Mapped[int] = mapped_column(Integer)
    previous: Mapped[str | None] = mapped_column(String(64))
    manifest_hash: Mapped[str] = mapped_column(String(64))
    created: Mapped[str] = mapped_column(String(32))
    # highest record_versions.vid included: the next bundle to this recipient starts above it
    watermark: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(300))
    records: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("recipient", "sequence", name="uq_bundles_sent_recipient_sequence"),)


class BundleReceived(Base):
    __tablename__ = "bundles_received"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender: Mapped[str] = mapped_column(String(64))
    recipient: Mapped[str] = mapped_column(String(64))  # our fingerprint, or "*" for anyone
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    imported_at: Mapped[str] = mapped_column(String(32))
    records: Mapped[int] = mapped_column(Integer)
    records_new: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("sender", "recipient", "sequence", name="uq_bundles_received_seq"),)


class RecordTrust(Base):
    """How far we trust a received record version: its own signature, or its bundle's."""

    __tablename__ = "record_trust"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # verified | confirmed | unconfirmed
    signer_name: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    issuer: Mapped[str | None] = mapped_column(String(200))
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    own_signature: Mapped[bool] = mapped_column(Boolean, default=False)  # False: vouched for by the bundle
    # "assessor", or why the signer may not vouch for others' evidence (btdesk.identity.standing);
    # None: kept before btdesk looked at roles (migration 0003)
    standing: Mapped[str | None] = mapped_column(String(20))
    checked: Mapped[str] = mapped_column(String(32))
