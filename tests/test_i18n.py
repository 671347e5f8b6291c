"""The core's language: one per run, Swedish by default, English by BTDESK_LANG or the locale,
the window's choice passed on; and every core sentence has its English in the catalogue."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

BAD_PLACEMENT = ("placement", "add", "--kind", "akut_sjukvard", "--site", "X",
                 "--start", "2028-02-01", "--end", "2028-01-01")


def _catalogue_tool():  # packaging/update_catalogue.py is a script, not a package module
    spec = importlib.util.spec_from_file_location("update_catalogue", ROOT / "packaging" / "update_catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("env", "said", "not_said"), [
    ({"BTDESK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"},
     "Placeringen slutar 2028-01-01 före sin start 2028-02-01.", "placement ends"),
    ({"BTDESK_LANG": "en"}, "The placement ends 2028-01-01, before it starts 2028-02-01.", "Placeringen"),
    ({"BTDESK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"},
     "The placement ends 2028-01-01, before it starts 2028-02-01.", "Placeringen"),
    ({"BTDESK_LANG": "sv", "LANG": "en_GB.UTF-8"}, "Placeringen slutar", "placement ends"),
])
def test_the_command_line_refuses_in_one_language(tmp_path, env, said, not_said):
    home = tmp_path / "p"
    made = run_cli("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                   "--start", "2027-01-01", home=home)
    assert made.returncode == 0, made.stderr
    r = run_cli(*BAD_PLACEMENT, home=home, env=env)
    assert r.returncode == 1 and said in r.stderr and not_said not in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1


def test_a_damaged_database_is_explained_in_swedish_by_default(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    (home / "portfolio.sqlite").write_bytes(b"not a database at all" * 100)
    r = run_cli("entries", home=home, env={"BTDESK_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"})
    assert r.returncode == 1, r.stderr
    assert "är ingen btdesk-portfölj" in r.stderr and "ingenting ändrades." in r.stderr, r.stderr
    assert "not a btdesk" not in r.stderr and "nothing" not in r.stderr


def test_every_core_sentence_has_its_english():
    tool = _catalogue_tool()
    english = tool.written()
    missing = [s for s in tool.sentences() if not english.get(s)]
    assert not missing, "no English in resources/locale/en/LC_MESSAGES/btdesk.po for: " + "; ".join(missing)


def test_the_fields_of_a_sentence_survive_its_translation():
    """A translator who drops or renames {field} would make .format() fail or lie."""
    import string

    fields = lambda s: sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)  # noqa: E731
    wrong = [(s, e) for s, e in _catalogue_tool().written().items() if fields(s) != fields(e)]
    assert not wrong, wrong


def test_the_window_passes_its_language_to_the_core(qapp):
    from btdesk import i18n
    from btdesk.errors import BtdeskError
    from btdesk.failures import explain
    from ui import i18n as window_language

    window_language.install("en")
    failure = explain(FileNotFoundError(2, "No such file", "/x/y.pdf"))
    assert i18n.language() == "en"
    assert str(failure) == "/x/y.pdf does not exist; check the name and try again — nothing was changed."
    window_language.install("sv")
    assert str(explain(FileNotFoundError(2, "x", "/x/y.pdf"))).startswith("/x/y.pdf finns inte;")
    assert isinstance(failure, BtdeskError)


def test_a_stale_catalogue_is_compiled_again(tmp_path):
    """A checkout whose .po is newer than its .mo gets a fresh .mo (as setup.sh makes it)."""
    from btdesk.i18n import compile_catalogue

    po = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "btdesk.po"
    mo = tmp_path / "btdesk.mo"
    compile_catalogue(po, mo)
    import gettext

    with mo.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    assert catalogue.gettext("ingenting ändrades.") == "nothing was changed."
    assert Path(mo).stat().st_size > 1000
