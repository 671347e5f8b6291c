"""The code checks that run in CI: mypy (strict on btdesk/, the normal check on ui/), ruff, and the
size limits (modules at most 400 lines, functions at most 60).

Each check is also shown to fail on a small copy of the tree with one bad line added."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
SIZED = ("btdesk", "ui", "bench", "packaging", "tests")

# Data tables and generated code, allowed to be longer (path or path::function -> why). None so far:
# every module and function fits, so a new entry needs a reason a reviewer accepts.
DATA_TABLES: dict[str, str] = {}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True)


def test_mypy_is_clean() -> None:
    done = run(["mypy"], ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean() -> None:
    done = run(["ruff", "check", "--no-cache"], ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def copy_tree(tmp: Path) -> Path:
    """The configuration and the Python packages, without caches."""
    root = tmp / "tree"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root)
    for package in ("btdesk", "ui"):
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_mypy_is_strict_on_the_core_and_normal_on_the_window(tmp_path: Path) -> None:
    root = copy_tree(tmp_path)
    with open(root / "btdesk" / "errors.py", "a") as f:
        f.write("\n\ndef untyped(x):\n    return x\n")
    with open(root / "ui" / "i18n.py", "a") as f:
        f.write("\n\ndef untyped(x):\n    return x\n\n\ncount: int = 'many'\n")
    done = run(["mypy", "-m", "btdesk.errors", "-m", "ui.i18n"], root)
    assert done.returncode == 1, done.stdout + done.stderr
    found = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert any(line.startswith("btdesk/errors.py") and "[no-untyped-def]" in line for line in found), found
    assert any(line.startswith("ui/i18n.py") and "[assignment]" in line for line in found), found
    # The window's check is the normal one: an unannotated function is allowed there.
    assert not any(line.startswith("ui/i18n.py") and "[no-untyped-def]" in line for line in found), found


def test_ruff_refuses_a_blind_except_and_unsorted_imports(tmp_path: Path) -> None:
    root = copy_tree(tmp_path)
    (root / "btdesk" / "careless.py").write_text(
        "import sys\nimport os\n\n\ndef f() -> None:\n    try:\n        os.remove(sys.argv[1])\n"
        "    except Exception:\n        pass\n")
    done = run(["ruff", "check", "--no-cache", "--output-format", "concise", "btdesk/careless.py"], root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "BLE001" in done.stdout and "I001" in done.stdout, done.stdout


def oversized(root: Path) -> list[str]:
    """Modules over 400 lines and functions over 60, as 'path' or 'path::function', with their lengths."""
    found = []
    for top in SIZED:
        for path in sorted((root / top).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            source = path.read_text(encoding="utf-8")
            lines = len(source.splitlines())
            if lines > MAX_MODULE_LINES:
                found.append(f"{rel} ({lines} lines)")
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length > MAX_FUNCTION_LINES:
                        found.append(f"{rel}::{node.name} ({length} lines)")
    return found


def test_no_module_over_400_lines_and_no_function_over_60() -> None:
    allowed = DATA_TABLES
    over = [item for item in oversized(ROOT) if item.split(" (")[0] not in allowed]
    assert not over, "Too long (split it, or name a data table in DATA_TABLES with a reason):\n" + "\n".join(over)


def test_the_allow_lists_name_only_what_is_still_long() -> None:
    still = {item.split(" (")[0] for item in oversized(ROOT)}
    stale = sorted(set(DATA_TABLES) - still)
    assert not stale, "No longer too long, remove from the allow-list: " + ", ".join(stale)


def test_the_size_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "btdesk").mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    (tmp_path / "btdesk" / "long.py").write_text("def long() -> None:\n" + body + "\n" * MAX_MODULE_LINES)
    assert oversized(tmp_path) == [f"btdesk/long.py ({MAX_MODULE_LINES + MAX_FUNCTION_LINES + 1} lines)",
                                   f"btdesk/long.py::long ({MAX_FUNCTION_LINES + 1} lines)"]
