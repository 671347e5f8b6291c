"""The window's English catalogue is always compiled from the .ts beside it: a stale .qm (even one
copied in after its .ts, so newer by its file time) is compiled again atomically, or ignored when
it cannot be; a fresh one is used as it is."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from ui import i18n

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "translations" / "btdesk_en.ts"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(i18n, "_translations_dir", lambda: tmp_path)
    shutil.copy(SOURCE, tmp_path / "btdesk_en.ts")
    return tmp_path


def _age(path: Path, seconds: int) -> None:
    t = path.stat().st_mtime - seconds
    os.utime(path, (t, t))


def test_a_stale_qm_is_compiled_again(folder):
    stale = folder / "btdesk_en.qm"
    stale.write_bytes(b"an old catalogue")
    _age(stale, 3600)  # older than its .ts
    assert i18n._qm_for("en") == stale
    assert stale.read_bytes() != b"an old catalogue"
    assert stale.stat().st_mtime >= (folder / "btdesk_en.ts").stat().st_mtime
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(stale)) and tr.translate("ViewStack", "Översikt") == "Overview"
    assert [p.name for p in folder.iterdir() if p.suffix == ".tmp"] == []  # no temporary left


def test_a_qm_copied_in_after_another_ts_is_compiled_again(folder):
    """What a fresh worktree got: main's .qm copied beside a newer .ts, so its file time is later."""
    copied = folder / "btdesk_en.qm"
    _age(folder / "btdesk_en.ts", 3600)
    copied.write_bytes(b"compiled from an older .ts")
    (folder / "btdesk_en.qm.sha256").write_text("0" * 64)
    assert i18n._qm_for("en") == copied and copied.read_bytes() != b"compiled from an older .ts"
    digest = hashlib.sha256((folder / "btdesk_en.ts").read_bytes()).hexdigest()
    assert (folder / "btdesk_en.qm.sha256").read_text() == digest


def test_a_fresh_qm_is_used_as_it_is(folder):
    fresh = folder / "btdesk_en.qm"
    fresh.write_bytes(b"compiled from this very source")
    digest = hashlib.sha256((folder / "btdesk_en.ts").read_bytes()).hexdigest()
    (folder / "btdesk_en.qm.sha256").write_text(digest)
    assert i18n._qm_for("en") == fresh and fresh.read_bytes() == b"compiled from this very source"


def test_a_stale_qm_that_cannot_be_compiled_is_ignored(folder, monkeypatch):
    stale = folder / "btdesk_en.qm"
    stale.write_bytes(b"an old catalogue")
    _age(stale, 3600)
    monkeypatch.setattr(i18n.sys, "executable", str(folder / "python"))  # no lrelease beside it …
    monkeypatch.setenv("PATH", str(folder))  # … nor on the PATH
    assert i18n._qm_for("en") is None
    assert stale.read_bytes() == b"an old catalogue"  # nothing half-written either


def test_a_broken_source_leaves_the_old_qm_untouched_and_unused(folder):
    (folder / "btdesk_en.ts").write_text("<TS><context>not closed", encoding="utf-8")
    stale = folder / "btdesk_en.qm"
    stale.write_bytes(b"an old catalogue")
    _age(stale, 3600)
    assert i18n._qm_for("en") is None and stale.read_bytes() == b"an old catalogue"
