"""Reading a batch's bundles ahead, in worker processes, while the store merges the one before.

Reading a bundle — unzipping under limits, checking every hash and signature, parsing every
line — writes nothing and needs nothing from the store but the trust store's files, so a unit
importing a cohort can read on every core while its one writer merges in inbox order. What a
worker read is used only when the trust store is as it was when the worker began reading (a
revocation list the import applied, a fingerprint confirmed meanwhile): else the importer reads
the bundle again itself. A refusal travels back as the same sentence. Anything unexpected in a
worker, or a pool that cannot start (a locked-down machine), leaves the reading to the importer,
as without read-ahead. The importer reads the first bundles itself while the workers start.

The workers get every core but one, which stays the importer's: a worker sharing the importer's
core made each of the three processes on two cores a fifth slower, and the importer waited for
its share of the core. Instead, when the bundle it needs next is not read yet, the importer reads
the next bundle no worker has been given (a few at most), exactly as a worker would, and merges
it at its turn under the same trust-store check.

Workers are spawned, not forked: the window runs imports on a thread, and a fork copies only
the forking thread and whatever locks other threads held.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import threading
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.bundle import DEFAULT_LIMITS, Limits
from btdesk.errors import BtdeskError

if TYPE_CHECKING:
    from btdesk.bundle.format import ParsedBundle
    from btdesk.identity.trust import TrustStore

log = logging.getLogger(__name__)

MIN_BUNDLES = 12  # below this, starting the workers costs more than they save
# the importer reads the first bundles itself while the workers start (starting Python twice takes
# about as long as reading and merging eight)
HEAD = 8
MAX_WORKERS = 4
# bundles the importer may read ahead itself, waiting for a worker: with one core its own, it
# reads rather than waits, instead of a further worker that would share its core (merging is the
# slower half, and three processes on two cores cost each of them a fifth more time)
STEAL = 3
# read ahead and not yet merged, at most (always one): a bundle read is several times its file's size
AHEAD_BUNDLES_PER_WORKER = 4
AHEAD_BYTES = 16 * 2**20
# a larger bundle (a first export with many scans) is read by the importer itself: read ahead it
# would be held several times over at once (the file, its entries, their copy sent back)
LARGEST_AHEAD = 8 * 2**20
_OK, _REFUSED = "ok", "refused"
STAGING = ".read-ahead-"  # + the importer's pid: a folder in the attachment store's, not part of the store


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def trust_state(home: Path) -> tuple[tuple[str, int, int, int], ...]:
    """What verifying depends on in the home, as the identity folder's files stand now (trust
    decisions, their policy, the revocation lists' log): a change to any of them shows here."""
    from btdesk.identity.files import identity_dir

    out = []
    try:
        with os.scandir(identity_dir(home)) as it:
            for e in it:
                if e.is_file():
                    st = e.stat()
                    out.append((e.name, st.st_mtime_ns, st.st_size, st.st_ino))
    except FileNotFoundError:
        pass
    return tuple(sorted(out))


def _clear_stale(attachments: Path) -> None:
    """Staging folders left by an import that was killed (its process is gone)."""
    try:
        found = [d for d in attachments.iterdir() if d.name.startswith(STAGING)]
    except FileNotFoundError:
        return
    for d in found:
        pid = d.name[len(STAGING):]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(d, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


# -- in the worker ---------------------------------------------------------------------
_trust: tuple[Any, TrustStore] | None = None


def _start(lang: str) -> None:
    from btdesk import gc_batch
    from btdesk.i18n import set_language

    set_language(lang)  # refusals in the language of the run that started us
    gc_batch.for_the_process()
    parent = multiprocessing.parent_process()
    if parent is not None:  # a worker waiting for work would outlive an importer that was killed
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(parent: int) -> None:
    from multiprocessing.connection import wait

    wait([parent])  # ready when the importer's process has ended
    os._exit(1)


def _peak_rss_kb() -> int:
    """This process's peak resident memory. From /proc where it can (getrusage's figure survives
    exec, so a spawned worker would report its parent's size at the fork)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# (status, trust state read with, the bundle or the refusal, the reader's pid and peak RSS in kB)
Answer = tuple[str, Any, Any, int, int]


def _read(home: str, path: str, limits: Limits, valid_now: bool, staging: str) -> Answer:
    """A bundle read in a worker, or by the importer while it waits (ReadAhead._read_here).

    The file's bytes, read once and checked, are written to a file in `staging`, a folder inside the
    attachment store's that is not part of the store: the importer moves it to the unit's kept copies
    if it imports the bundle (the inbox's file may be replaced meanwhile), and removes the folder
    when the batch ends. So are the bundle's attachments (_stage_attachments)."""
    global _trust
    from btdesk.bundle import read_bundle
    from btdesk.canonical import sha256_hex
    from btdesk.identity import TrustStore

    state = trust_state(Path(home))  # before reading the files, so a change meanwhile shows
    cached = _trust  # the importer's own process (_read_here) may import into several homes, on threads
    if cached is None or cached[0] != (home, state):
        cached = _trust = ((home, state), TrustStore(Path(home)))
    data = _bytes_of(Path(path), limits)
    try:
        bundle = read_bundle(Path(path), cached[1], limits=limits, valid_now=valid_now, data=data)
    except BtdeskError as e:
        return _REFUSED, state, e, os.getpid(), _peak_rss_kb()
    if data is not None:  # the unit keeps the very bytes it checked (services.unit_return)
        try:
            bundle.staged_file = _stage(Path(staging), f"{sha256_hex(data)}.btbundle", data)
        except OSError:  # a full disk, say: the importer copies the file itself and meets the same trouble there
            bundle.staged_file = None
    _stage_attachments(bundle, Path(staging))
    return _OK, state, bundle, os.getpid(), _peak_rss_kb()


def _stage_attachments(bundle: ParsedBundle, folder: Path) -> None:
    """Write the bundle's attachments to `folder` rather than send them back: the importer moves
    each into the store (one rename) instead of writing it, which is most of its file work.

    A file is named by its hash and this worker's pid, and only this worker writes it, one bundle
    at a time and whole before answering: a later bundle with the same attachment may reuse it
    (the importer reads a file only after the answer came). A revocation list stays in memory:
    the importer applies it after the merge. A file that cannot be written (a full disk) is sent
    back as bytes, and the importer meets the same trouble itself."""
    from btdesk.services.recipients import REVOCATIONS_KIND

    keep = {str(ln.record["body"].get("sha256")) for ln in bundle.lines
            if ln.record["kind"] == REVOCATIONS_KIND and isinstance(ln.record["body"], dict)}
    pid = os.getpid()
    for sha in [sha for sha in bundle.attachments if sha not in keep]:
        path = folder / f"{sha}.{pid}"
        if not path.is_file():
            try:
                path.write_bytes(bundle.attachments[sha])
            except OSError:
                path.unlink(missing_ok=True)  # never a part of a file under a name a later bundle reuses
                continue
        bundle.staged_attachments[sha] = path
        del bundle.attachments[sha]


def _bytes_of(path: Path, limits: Limits) -> bytes | None:
    """The file's bytes, or None where the reader itself must say why it cannot take them."""
    try:
        if path.stat().st_size > limits.max_file_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _stage(folder: Path, sha: str, data: bytes) -> Path:
    """`data` as folder/sha, complete or not there at all (a worker can be killed while writing)."""
    final = folder / sha
    if not final.is_file():
        tmp = folder / f".{sha}.{os.getpid()}"
        tmp.write_bytes(data)
        os.replace(tmp, final)
    return final


# -- in the importer -------------------------------------------------------------------
class ReadAhead:
    """`take(path)` for each of `files`, in their order: the bundle as read by a worker (or the
    worker's refusal, raised), or None when the caller must read it itself."""

    def __init__(self, home: Path, files: Sequence[Path], attachments: Path, *, valid_now: bool,
                 limits: Limits = DEFAULT_LIMITS, workers: int | None = None) -> None:
        """`attachments`: the attachment store's folder; the workers write beside it."""
        self.home, self.valid_now, self.limits = Path(home), valid_now, limits
        self.staging = Path(attachments) / f"{STAGING}{os.getpid()}"
        self._waiting = deque(Path(f) for f in files[HEAD:])
        self._running: dict[Path, tuple[Future[Answer], int]] = {}
        self._bytes = 0
        self.peak_rss_kb: dict[int, int] = {}  # per worker: resident memory at its peak
        self.reread = 0  # bundles read again here because the trust store changed meanwhile
        self.used = 0  # bundles the importer took as a worker read them
        self.stolen = 0  # bundles read ahead here while waiting for a worker
        self._here: dict[Path, Answer] = {}  # read ahead here, not yet taken
        self._pool: ProcessPoolExecutor | None = None
        # one core stays the importer's own
        n = workers if workers is not None else min(cores() - 1, MAX_WORKERS)
        self.total, self.workers = len(files), n
        self._ahead = AHEAD_BUNDLES_PER_WORKER * n
        if len(files) < MIN_BUNDLES or n < 1:
            return
        from btdesk.i18n import language

        try:
            _clear_stale(Path(attachments))
            self.staging.mkdir(parents=True, exist_ok=True)
            self._pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start, initargs=(language(),))
            self._fill()
        except (OSError, RuntimeError, BrokenProcessPool) as e:
            log.warning("Reading ahead in worker processes is not possible here (%s); reading one by one.", e)
            self._stop()
            shutil.rmtree(self.staging, ignore_errors=True)

    def _fill(self) -> None:
        assert self._pool is not None
        while self._waiting and (not self._running or (self._bytes < AHEAD_BYTES
                                                        and len(self._running) < self._ahead)):
            f = self._waiting.popleft()
            try:
                size = f.stat().st_size
            except OSError:
                size = 0  # gone or unreadable: the worker's read says so in words
            if size > LARGEST_AHEAD:
                continue
            fut = self._pool.submit(_read, str(self.home), str(f), self.limits, self.valid_now, str(self.staging))
            self._running[f] = (fut, size)
            self._bytes += size

    def take(self, path: Path) -> ParsedBundle | None:
        here = self._here.pop(Path(path), None)
        if here is not None:
            status, state, got, _pid, _rss = here
        else:
            job = self._running.pop(Path(path), None)
            if job is None or self._pool is None:
                return None
            fut, size = job
            self._bytes -= size
            while not self._ready(fut) and self._read_here():
                pass
            try:
                status, state, got, pid, rss = fut.result()
            except BrokenProcessPool:
                self._broken()
                return None
            self._refill()
            self.peak_rss_kb[pid] = max(rss, self.peak_rss_kb.get(pid, 0))
        if state != trust_state(self.home):
            self.reread += 1
            return None
        self.used += here is None
        if status == _REFUSED:
            raise got
        bundle: ParsedBundle = got
        return bundle

    @staticmethod
    def _ready(fut: Future[Any]) -> bool:
        return fut.done()

    def _read_here(self) -> bool:
        """Read the next bundle no worker has been given, as a worker would, rather than wait;
        False when there is none, or STEAL of them are read already."""
        if len(self._here) >= STEAL or not self._waiting:
            return False
        f = self._waiting.popleft()
        try:
            if f.stat().st_size > LARGEST_AHEAD:
                return True  # read at its turn, as one too large for a worker
            self._here[f] = _read(str(self.home), str(f), self.limits, self.valid_now, str(self.staging))
        except Exception:  # read again at its turn, where whatever it was is met and said
            log.debug("reading %s ahead here failed", f.name, exc_info=True)
            return True
        self.stolen += 1
        return True

    def _refill(self) -> None:
        try:
            self._fill()
        except BrokenProcessPool:
            self._broken()

    def _broken(self) -> None:
        """A worker died (killed, out of memory): the importer reads the rest itself."""
        log.warning("A worker reading bundles stopped; reading the rest one by one.")
        self._stop()

    def _stop(self) -> None:
        pool, self._pool = self._pool, None
        self._running.clear()
        self._waiting.clear()
        self._here.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            log.info("read ahead: %d of %d bundles by %d worker processes and %d here while waiting for them, "
                     "%d read again after a trust change, %d read here while the workers started",
                     self.used, self.total, self.workers, self.stolen, self.reread, min(HEAD, self.total))

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()
        # what was read and not imported; only now: a bundle taken before a worker died may
        # still be merging from its staged files
        shutil.rmtree(self.staging, ignore_errors=True)
