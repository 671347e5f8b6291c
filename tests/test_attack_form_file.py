"""`certificate --form F` with a file that is not Socialstyrelsen's form: one sentence in the
run's language, exit 1, no output file. Before, a damaged PDF also put pypdf's own warnings
("EOF marker not found") on stderr, the refusal was Swedish and English glued with " / ", and a
missing file's reason was the system's English ("No such file or directory") in a Swedish sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import made_profile, run_cli

SAID = {
    ("not-a-pdf", "sv"): "Filen går inte att läsa som Socialstyrelsens blankett för Bilaga 1.",
    ("not-a-pdf", "en"): "The file cannot be read as Socialstyrelsen's form for Bilaga 1.",
    ("cut-short", "sv"): "Filen går inte att läsa som Socialstyrelsens blankett för Bilaga 1.",
    ("cut-short", "en"): "The file cannot be read as Socialstyrelsen's form for Bilaga 1.",
    ("missing", "sv"): "finns inte; kontrollera namnet och försök igen — ingenting ändrades.",
    ("missing", "en"): "does not exist; check the name and try again — nothing was changed.",
}


@pytest.fixture(scope="module")
def doctor_and_forms(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    tmp = tmp_path_factory.mktemp("forms")
    home = tmp / "home"
    made_profile(home, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm")
    drawn = tmp / "drawn.pdf"  # btdesk's own look-alike: a real PDF, cut short below
    r = run_cli("certificate", "bilaga1", "--out", str(drawn), home=home)
    assert r.returncode == 0, r.stderr
    forms = {"not-a-pdf": tmp / "not-a-pdf.pdf", "cut-short": tmp / "cut-short.pdf", "missing": tmp / "missing.pdf"}
    forms["not-a-pdf"].write_text("hello\n", "utf-8")
    forms["cut-short"].write_bytes(drawn.read_bytes()[:3000])
    return home, forms


@pytest.mark.parametrize(("form", "lang"), list(SAID))
def test_a_file_that_is_not_the_form_is_one_sentence(doctor_and_forms, tmp_path, form, lang):
    home, forms = doctor_and_forms
    out = tmp_path / "b1.pdf"
    r = run_cli("certificate", "bilaga1", "--form", str(forms[form]), "--out", str(out), home=home,
                env={"BTDESK_LANG": lang})
    assert r.returncode == 1 and not out.exists() and r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("btdesk: "), r.stderr  # nothing else on stderr
    assert SAID[form, lang] in r.stderr and " / " not in r.stderr
