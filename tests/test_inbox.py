"""The inbox loop (one implementation for `btdesk sync` and the unit's import)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from btdesk.errors import BtdeskError
from btdesk.services.inbox import arrived, import_each, move_into


@dataclass
class Got:
    already: bool = False
    warnings: list[str] = field(default_factory=list)


def test_each_file_is_imported_and_moved_to_done_or_rejected_with_why(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.btbundle", "b.btbundle", "c.btbundle", ".d.btbundle", "e.txt"):
        (inbox / name).write_text(name)

    def one(f: Path) -> Got:
        if f.name == "b.btbundle":
            raise BtdeskError("Det här är ingen bundle.")
        return Got(already=f.name == "c.btbundle", warnings=[f"w {f.name}"])

    seen = []
    out = import_each(arrived(inbox, (".btbundle",)), one, inbox=inbox, progress=lambda i, n, f: seen.append((i, n)))
    assert [g.warnings for g in out.imported] == [["w a.btbundle"]] and out.already == ["c.btbundle"]
    assert out.rejected == [("b.btbundle", "Det här är ingen bundle.")]
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["a.btbundle", "c.btbundle"]
    assert (inbox / "rejected" / "b.btbundle.why.txt").read_text("utf-8") == "Det här är ingen bundle.\n"
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == [".d.btbundle", "e.txt"]
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_without_an_inbox_nothing_moves(tmp_path):
    f = tmp_path / "x.btbundle"
    f.write_text("x")
    out = import_each([f], lambda _f: Got())
    assert f.exists() and len(out.imported) == 1


def test_move_into_never_overwrites(tmp_path):
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "a.btbundle").write_text("old")
    (tmp_path / "a.btbundle").write_text("new")
    moved = move_into(tmp_path / "a.btbundle", tmp_path / "done")
    assert moved.name == "a-1.btbundle" and (tmp_path / "done" / "a.btbundle").read_text() == "old"
