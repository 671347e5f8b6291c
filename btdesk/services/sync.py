"""The sync folder: outbox/ for what we send, inbox/ for what arrives (a share, a cloud
folder, a USB stick). Processed files go to inbox/done/, refused ones to inbox/rejected/
with a .why.txt beside each, so the folder itself tells what happened.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from btdesk.bundle import SUFFIX
from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.inbox import arrived, import_each
from btdesk.services.portfolio import Portfolio

if TYPE_CHECKING:
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.exchange import ExportResult
    from btdesk.services.exchange_import import ImportResult

FOLDER_KEY = "sync.folder"
RECIPIENT_KEY = "sync.recipient"  # fingerprint, or unset for anyone


class Settings(Protocol):
    """Where the sync folder is remembered: a portfolio's settings, or the unit database's."""

    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


@dataclass
class SyncSummary:
    folder: Path
    written: list[ExportResult] = field(default_factory=list)
    imported: list[ImportResult] = field(default_factory=list)  # the new ones
    already: list[str] = field(default_factory=list)  # file names imported before
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [w.message for w in self.written] or ["Nothing new to send."]
        out += [r.message for r in self.imported]
        out += [f"{n}: already imported." for n in self.already]
        out += [f"{n} was refused: {why}" for n, why in self.rejected]
        return out + self.warnings

    @property
    def message(self) -> str:
        parts = [f"sent {len(self.written)}", f"imported {len(self.imported)}"]
        if self.already:
            parts.append(f"{len(self.already)} already imported")
        if self.rejected:
            parts.append(f"{len(self.rejected)} refused (see inbox/rejected)")
        return "Synced with " + str(self.folder) + ": " + ", ".join(parts) + "."


def sync_folder(p: Settings, folder: Path | str | None) -> Path:
    if folder is not None:
        path = Path(folder).expanduser().resolve()
        p.set_setting(FOLDER_KEY, str(path))
        return path
    saved = p.setting(FOLDER_KEY)
    if not saved:
        raise BtdeskError(_("Ingen synkmapp är vald; ange en en gång med 'btdesk sync --folder MAPP'."))
    return Path(saved)


def sync(p: Portfolio, folder: Path | str | None = None, *, passphrase: PassphraseSource | None = None,
         progress: Callable[[int, int, str], None] | None = None) -> SyncSummary:
    from btdesk.services.exchange import export_bundle
    from btdesk.services.exchange_import import import_bundle

    root = sync_folder(p, folder)
    outbox, inbox = root / "outbox", root / "inbox"
    try:
        for d in (outbox, inbox):
            d.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BtdeskError(_("Synkmappen {root} kan inte användas: {strerror}.").format(
                              root=root, strerror=e.strerror)) from None
    summary = SyncSummary(root)
    got = import_each(arrived(inbox, (SUFFIX,)), lambda f: import_bundle(p, f), inbox=inbox, progress=progress)
    summary.imported, summary.already, summary.rejected = got.imported, got.already, got.rejected
    summary.warnings += got.warnings
    sent = export_bundle(p, recipient=p.setting(RECIPIENT_KEY), folder=outbox, passphrase=passphrase, skip_empty=True)
    if sent is not None:
        summary.written.append(sent)
    return summary
