"""Attachments, stored once per content (SHA-256) beside the database."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from btdesk.fileutil import SyncLater

CHUNK = 1 << 20


class AttachmentStore:
    def __init__(self, root: Path):
        self.root = root
        # set during a batch that can be redone (unit import): files then reach the disk
        # together when it settles, not one fsync each
        self.later: SyncLater | None = None
        # folders made or seen during the batch `later` belongs to: it puts thousands of files
        self._folders: tuple[SyncLater | None, set[Path]] = (None, set())

    def _folder(self, folder: Path) -> None:
        """`folder` exists; outside a batch it is made each time (it may have been removed since)."""
        batch, seen = self._folders
        if batch is not self.later or self.later is None:
            seen = set()
            self._folders = (self.later, seen)
        if folder not in seen:
            folder.mkdir(parents=True, exist_ok=True)
            if self.later is not None:
                seen.add(folder)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_stream(self, src: BinaryIO) -> tuple[str, int]:
        """Copy into the store; the file appears under its hash only when complete."""
        self._folder(self.root)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                if self.later is None:
                    os.fsync(out.fileno())
            digest = h.hexdigest()
            final = self.path_for(digest)
            if final.exists():
                os.unlink(tmp)
            else:
                self._folder(final.parent)
                os.replace(tmp, final)
                if self.later is not None:
                    self.later.add(final)
            return digest, size
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def put_file(self, path: Path) -> tuple[str, int]:
        with open(path, "rb") as f:
            return self.put_stream(f)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        import io

        return self.put_stream(io.BytesIO(data))

    def put_verified(self, sha256: str, data: bytes, *, check_held: bool = False) -> None:
        """Store `data`, whose SHA-256 the caller has checked is `sha256`, unless it is there.

        `check_held`: also rewrite a file that is there but damaged (a bundle imported again
        after a power cut during a batch whose files had not reached the disk)."""
        final = self.path_for(sha256)
        if final.is_file():
            if not check_held or _sha256_of(final) == sha256:
                return
            final.unlink()
        self.put_bytes(data)


    def put_staged(self, sha256: str, staged: Path, *, check_held: bool = False) -> None:
        """put_verified for a file a read-ahead worker wrote, whole, from the bytes it checked
        (btdesk.services.read_ahead): moved into place, not copied. Only within a batch, whose
        files reach the disk together when it settles (`later`)."""
        assert self.later is not None, "staged files are written without waiting for the disk"
        final = self.path_for(sha256)
        if final.is_file():
            if not check_held or _sha256_of(final) == sha256:
                return  # the staged copy goes with its staging folder
            final.unlink()
        self._folder(final.parent)
        os.replace(staged, final)
        self.later.add(final)


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
