"""The BT unit receives bundles: files or folders named on the command line, or the sync inbox.

Each bundle goes through btdesk.services.exchange_import exactly as on a doctor's laptop —
every signature verified, its trust verdict kept, each doctor's records filed under their
fingerprint (`subject`). The target is the unit's own portfolio (SQLite) or, when
config.toml names a database, a `UnitTarget` over that shared database. The sync inbox is
sorted as `btdesk sync` sorts it: done/ and rejected/ with a .why.txt beside each refusal.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from btdesk.bundle import SUFFIX
from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.services.inbox import arrived
from btdesk.services.unit_store import UnitStore, database_url

if TYPE_CHECKING:
    from btdesk.services.exchange_import import ImportResult
    from btdesk.services.portfolio import Portfolio
    from btdesk.store.grouped import GroupedTransactions

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class UnitProfile:
    """The reading side of ProfileInfo, taken from the unit's identity in its home folder."""
    id: str
    name: str
    role: str
    fingerprint: str
    programme_id: str | None = None


class UnitTarget:
    """The unit's shared database as import_bundle sees a portfolio: the unit's identity and
    trust store come from its home folder, records and settings from the database."""

    def __init__(self, home: Path, store: UnitStore, profile: UnitProfile):
        from btdesk.store.attachments import AttachmentStore

        self.home = Path(home)
        self.store = store
        self.engine = store.engine
        self.profile = profile
        # Attachments stay files in the home folder of whoever imported them (see the report).
        self.attachments = AttachmentStore(self.home / "attachments")

    def transaction(self) -> AbstractContextManager[Session]:
        return self.store.transaction()

    def setting(self, key: str, default: str | None = None) -> str | None:
        from btdesk.store.models import Setting

        with Session(self.engine) as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        from btdesk.store.models import Setting

        with self.store.transaction() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value

    def close(self) -> None:
        self.store.close()


def unit_profile(home: Path) -> UnitProfile:
    from btdesk.identity import IdentityError, load_public

    try:
        ident = load_public(home)
    except IdentityError:
        raise BtdeskError(_("Det finns ingen BT-enhetsidentitet i {home}; skapa enhetens profil först.").format(
                              home=home)) from None
    if ident.role != "unit":
        raise BtdeskError(_("Den här profilen är ingen BT-enhet; bara enhetens profil importerar många läkares paket."))
    return UnitProfile(ident.fingerprint, ident.name, "unit", ident.fingerprint)


@contextmanager
def open_target(home: Path) -> Iterator[Portfolio | UnitTarget]:
    """The unit's import target: its configured shared database, else its own portfolio."""
    url = database_url(home)
    if url:
        profile = unit_profile(home)
        target: Portfolio | UnitTarget = UnitTarget(home, UnitStore.open_url(url), profile)
    else:
        from btdesk.services.portfolio import Portfolio

        own = target = Portfolio.open(home)
        if own.profile.role != "unit":
            own.close()
            raise BtdeskError(_("Den här profilen är ingen BT-enhet; bara enhetens profil importerar många "
                                "läkares paket."))
    try:
        yield target
    finally:
        target.close()


def target_for(portfolio: Portfolio) -> Portfolio | UnitTarget:
    """For the window, which already holds the unit's portfolio open: the shared database
    when one is configured (the caller closes it), else that portfolio."""
    url = database_url(portfolio.home)
    if not url:
        return portfolio
    return UnitTarget(portfolio.home, UnitStore.open_url(url), UnitProfile(
        portfolio.profile.id, portfolio.profile.name, "unit", portfolio.profile.fingerprint))


def store_of(target: Portfolio | UnitTarget) -> UnitStore:
    """The cohort's reading side over the same database (not closed with it)."""
    return target.store if isinstance(target, UnitTarget) else UnitStore(target.engine)


# -- importing ------------------------------------------------------------------------


@dataclass
class UnitImportSummary:
    total: int = 0
    imported: list[ImportResult] = field(default_factory=list)  # with something new or not
    already: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    warnings: list[str] = field(default_factory=list)
    inbox: Path | None = None
    stopped_after: int | None = None  # bundles looked at before the person stopped the import
    read_by_workers: int = 0  # bundles read ahead in worker processes (services.read_ahead)
    workers_peak_kb: list[int] = field(default_factory=list)  # each worker's peak resident memory

    @property
    def senders(self) -> int:
        return len({r.sender for r in self.imported})

    @property
    def message(self) -> str:
        if not self.total:
            if self.inbox:
                return _("Det fanns inga paket att importera i {inbox}.").format(inbox=self.inbox)
            return _("Det fanns inga paket att importera.")
        people = _("en person") if self.senders == 1 else _("{n} personer").format(n=self.senders)
        text = _("{n} av {total} paket importerades från {people}").format(
            n=len(self.imported), total=self.total, people=people)
        if self.stopped_after is not None:
            text = _("Stoppad efter {stopped} av {total} paket; {n} importerades från {people}, och de "
                     "övriga {left} rördes inte").format(stopped=self.stopped_after, total=self.total,
                                                        n=len(self.imported), people=people,
                                                        left=self.total - self.stopped_after)
        if self.already:
            text += _("; {n} hade importerats förut").format(n=len(self.already))
        if self.rejected:
            text += (_("; {n} avvisades (se inbox/rejected)") if self.inbox else _("; {n} avvisades")).format(
                n=len(self.rejected))
        return text + "."

    def lines(self) -> list[str]:
        out = [r.message for r in self.imported]
        out += [_("{name}: redan importerat.").format(name=n) for n in self.already]
        out += [_("{name} avvisades: {why}").format(name=n, why=why) for n, why in self.rejected]
        return out + self.warnings


def bundle_files(paths: Sequence[Path]) -> list[Path]:
    """The bundles named: files as given, folders by their .btbundle files (names beginning with
    "." are still being copied)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += arrived(path, (SUFFIX,))
        elif path.is_file():
            out.append(path)
        else:
            raise BtdeskError(_("{path} finns inte; ange paketfiler eller en mapp med sådana.").format(path=path))
    return out


def inbox_of(target: Portfolio | UnitTarget, folder: Path | str | None = None) -> Path:
    """The sync folder's inbox (remembered as `btdesk sync` remembers it)."""
    from btdesk.services.sync import sync_folder

    inbox = sync_folder(target, folder) / "inbox"
    try:
        inbox.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BtdeskError(_("Inkorgen {inbox} kan inte användas: {strerror}.").format(
                              inbox=inbox, strerror=e.strerror)) from None
    return inbox


class _Grouped:
    """The target as import_bundle sees it during a batch: its transactions are savepoints of
    a group of bundles (btdesk.store.grouped)."""

    def __init__(self, target: Portfolio | UnitTarget, group: GroupedTransactions) -> None:
        self.target, self.group = target, group
        self.home, self.engine, self.profile, self.attachments = (target.home, target.engine, target.profile,
                                                                  target.attachments)

    def transaction(self) -> AbstractContextManager[Session]:
        return self.group.bundle()


def import_files(target: Portfolio | UnitTarget, files: Sequence[Path], *, progress: Progress | None = None,
                 inbox: Path | None = None) -> UnitImportSummary:
    """Import each bundle on its own: a refused one changes nothing and stops nothing.

    With `inbox`, files are moved to inbox/done or inbox/rejected (with the reason beside it).
    `progress` may raise btdesk.errors.Cancelled to stop between two bundles (`stopped_after`).
    """
    from btdesk.services.read_ahead import ReadAhead

    # bundles read in worker processes while this one merges. They start first: each is a fresh
    # Python that loads its modules while this process loads the ones merging needs
    ahead = ReadAhead(target.home, files, target.attachments.root, valid_now=target.profile.role == "unit")
    with ahead:
        from btdesk import gc_batch
        from btdesk.fileutil import SyncLater
        from btdesk.services.exchange_import import import_bundle
        from btdesk.services.inbox import import_each
        from btdesk.services.unit_return import keep
        from btdesk.store.batch import redoable_batch
        from btdesk.store.grouped import GroupedTransactions

        def step(done: int, total: int, _name: str) -> None:
            if progress:
                progress(done, total)

        later = SyncLater()

        def one(f: Path) -> ImportResult:
            try:
                result = import_bundle(receiver, f, ahead=ahead)
            finally:
                group.bundle_done()
            try:  # the original, to hand back to its doctor (unit return)
                keep(target.home, f, result, later)
            except OSError as e:
                result.warnings.append(_("Enheten kunde inte spara en kopia av {name} att lämna tillbaka senare: "
                                         "{strerror}.").format(name=f.name, strerror=e.strerror))
            return result

        def settle_all() -> None:
            group.commit()
            settle()

        # a savepoint per bundle in a transaction per group of bundles; their commits and files wait
        # for the disk once, at the end
        target.attachments.later = later
        try:
            with gc_batch.during(), redoable_batch(target.engine, later) as settle, \
                    GroupedTransactions(target.engine) as group:
                receiver = _Grouped(target, group)
                got = import_each(files, one, inbox=inbox, progress=step, settle=settle_all)
        finally:
            target.attachments.later = None
    return UnitImportSummary(total=len(files) - got.vanished, imported=got.imported, already=got.already,
                             rejected=got.rejected, warnings=got.warnings, inbox=inbox,
                             stopped_after=got.stopped_after, read_by_workers=ahead.used,
                             workers_peak_kb=sorted(ahead.peak_rss_kb.values()))


def import_inbox(target: Portfolio | UnitTarget, folder: Path | str | None = None, *,
                 progress: Progress | None = None) -> UnitImportSummary:
    inbox = inbox_of(target, folder)
    return import_files(target, bundle_files([inbox]), progress=progress, inbox=inbox)
