"""A certificate's refusal is one sentence in the run's language that names what is missing.

Before: Bilaga 2–4's refusals were one Swedish and one English sentence glued with " / " whatever
BTDESK_LANG said, and a doctor with 14 months served but no primärvård read "14,0 av 12,0
månader är tjänstgjorda" as the reason Bilaga 3 was refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def no_primarvard(tmp_path_factory) -> Path:
    """Fourteen months served, all of it outside primärvård."""
    home = tmp_path_factory.mktemp("b3") / "home"
    for step in (("profile", "create", "--role", "doctor", "--name", "Bo Ek", "--programme", "stockholm",
                  "--start", "2024-06-01"),
                 ("placement", "add", "--kind", "akut_sjukvard", "--site", "Södersjukhuset", "--start", "2024-06-01",
                  "--end", "2025-05-31"),
                 ("placement", "add", "--kind", "geriatrik", "--site", "Dalens sjukhus", "--start", "2025-06-01",
                  "--end", "2025-07-31")):
        r = run_cli(*step, home=home)
        assert r.returncode == 0, r.stderr
    return home


def _refused(home: Path, kind: str, tmp: Path, lang: str) -> str:
    out = tmp / f"{kind}-{lang}.pdf"
    more = ("--delmal", "BT1") if kind == "bilaga2" else ()
    r = run_cli("certificate", kind, *more, "--out", str(out), home=home, env={"BTDESK_LANG": lang})
    assert r.returncode == 1 and not out.exists() and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and " / " not in lines[0], lines  # one sentence, one language
    return lines[0]


def test_bilaga3_names_the_missing_primarvard_not_the_months_served(no_primarvard, tmp_path):
    sv = _refused(no_primarvard, "bilaga3", tmp_path, "sv")
    assert "Bilaga 3 kan inte utfärdas" in sv and "primärvård 0,0 av minst 3 månader" in sv
    assert "14,0" not in sv and "akut sjukvård" not in sv  # the akut minimum is met
    en = _refused(no_primarvard, "bilaga3", tmp_path, "en")
    assert "Bilaga 3 cannot be issued" in en and "primärvård 0.0 of at least 3 months" in en
    assert "kan inte" not in en and "utkast" not in en


@pytest.mark.parametrize("kind", ["bilaga2", "bilaga4"])
def test_bilaga2_and_4_refuse_in_the_runs_language(no_primarvard, tmp_path, kind):
    n = kind[-1]
    sv = _refused(no_primarvard, kind, tmp_path, "sv")
    assert f"Bilaga {n} kan inte utfärdas" in sv and "betrodd signatur" in sv and "cannot" not in sv
    en = _refused(no_primarvard, kind, tmp_path, "en")
    assert f"Bilaga {n} cannot be issued" in en and "trusted signature" in en and "utfärdas" not in en
