"""The import contracts (import-linter): the core never imports Qt; imports point down the layers
ui > cli > services > reports > (forms, bundle, identity, programme) > store > base modules;
reports only lay out data; the core's packages import each other without cycles.

Each contract is shown to fail on a copy of the tree with one bad import added."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = {
    "qt": "The core never imports the UI or Qt",
    "layers": "Layers: ui > cli > services > reports > forms, bundle, identity, programme > store > base modules",
    "reports": "Reports only lay out data: no services, store or identity",
    "cycles": "No import cycles between the core's packages",
}


def lint(root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(exe), str(root / "pyproject.toml"), "--no-cache"], cwd=root,
                          capture_output=True, text=True, env=env)


def verdicts(stdout: str) -> dict[str, str]:
    """Contract name -> KEPT | BROKEN, from the report (long names wrap onto a second line)."""
    flat = " ".join(stdout.split())
    out = {}
    for key, name in CONTRACTS.items():
        for verdict in ("KEPT", "BROKEN"):
            if f"{name} {verdict}" in flat:
                out[key] = verdict
    return out


def test_every_contract_is_kept() -> None:
    r = lint(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert verdicts(r.stdout) == {k: "KEPT" for k in CONTRACTS}


@pytest.mark.parametrize("contract, file, line", [
    ("qt", "btdesk/sneaky.py", "from PySide6 import QtCore\n"),
    ("layers", "btdesk/store/sneaky.py", "from btdesk.services import portfolio\n"),
    ("reports", "btdesk/reports/sneaky.py", "from btdesk.identity import load_public\n"),
    ("cycles", "btdesk/identity/sneaky.py", "from btdesk.bundle import format\n"),
])
def test_each_contract_would_catch_a_violation(tmp_path: Path, contract: str, file: str, line: str) -> None:
    """A copy of the tree with one bad import: that contract, and only the ones it concerns, break."""
    for part in ("btdesk", "ui"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / file).write_text(line)
    r = lint(tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert r.returncode != 0
    assert verdicts(r.stdout)[contract] == "BROKEN", r.stdout
