"""The core's language: one per run, Swedish by default, English by BTDESK_LANG or the locale,
the window's choice passed on; and every core sentence has its English in the catalogue."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import ROOT, made_profile, run_cli

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
    made_profile(home, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                 "--start", "2027-01-01")
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


# -- every refusal of the core, in one language ----------------------------------------------------
# Bad input through the real CLI, one command per kind of refusal the core has (a missing or
# damaged file, a bad date or number, a wrong role, an unknown programme, identity and trust
# files, the unit's commands): English with BTDESK_LANG=en, Swedish by default, never both.
def _bad_inputs(tmp_path):
    doc, sup, unit, nobody = tmp_path / "doc", tmp_path / "sup", tmp_path / "unit", tmp_path / "nobody"
    junk = tmp_path / "junk.btbundle"
    junk.write_bytes(b"not a zip at all")
    text = tmp_path / "x.txt"
    text.write_text("hello")
    pem = tmp_path / "bad.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n")
    return (doc, sup, unit), [
        (nobody, ("entries",)),
        (doc, BAD_PLACEMENT),
        (doc, ("placement", "add", "--kind", "no_such_kind", "--site", "X", "--start", "2027-02-01",
               "--end", "2027-03-01")),
        (doc, ("leave", "add", "--type", "semester", "--start", "2027-02-01", "--end", "2027-02-10")),
        (doc, ("leave", "add", "--type", "other", "--start", "2027-02-10", "--end", "2027-02-01")),
        (doc, ("activity", "--title", "", "--hours", "2")),
        (doc, ("activity", "--title", "Kurs", "--hours", "2", "--delmal", "BT99")),
        (doc, ("placement", "remove", "no-such-id")),
        (doc, ("verify", str(tmp_path / "missing.btbundle"))),
        (doc, ("import", str(junk))),
        (doc, ("open", str(text))),
        (doc, ("programme", "show", "atlantis")),
        (doc, ("programme", "check", str(tmp_path / "missing.toml"))),
        (doc, ("programme", "check", str(text))),
        (doc, ("trust", "add-root", str(pem))),
        (doc, ("identity", "import", str(text))),
        (doc, ("unit", "certs")),
        (doc, ("applicant", "set", "--personnummer", "19900101-1234")),
        (doc, ("request", "create", "--instrument", "no_such_form", "--case", "x", "--delmal", "BT1",
               "--to", "Erik Berg", "--out", str(tmp_path / "r.btrequest"))),
        (doc, ("export", "--to", str(tmp_path / "o.btbundle"), "--recipient", "Nobody Known")),
        (sup, ("placement", "list")),
        (unit, ("unit", "revoke", "banana", "--reason", "lost")),
        (unit, ("unit", "return", "--doctor", "f408ff", "--out", str(tmp_path / "back"))),
    ]


def _profiles(homes):
    doc, sup, unit = homes
    for home, role in ((doc, "doctor"), (sup, "supervisor"), (unit, "unit")):
        made_profile(home, "--role", role, "--name", "Erik Berg", "--programme", "stockholm", "--start", "2027-01-01",
                     then=(("unit", "init-ca"),) if role == "unit" else ())


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_core_refusal_speaks_the_runs_language(tmp_path, lang):
    from language_words import ENGLISH, SWEDISH, strange_words

    homes, cases = _bad_inputs(tmp_path)
    _profiles(homes)
    env = {"BTDESK_LANG": lang} if lang == "en" else {"BTDESK_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}
    wrong = SWEDISH if lang == "en" else ENGLISH
    mixed = {}
    for home, args in cases:
        r = run_cli(*args, home=home, env=env)
        assert r.returncode in (1, 2) and r.stderr.strip(), (args, r.returncode, r.stdout, r.stderr)
        said = r.stderr if r.returncode == 1 else r.stderr.strip().splitlines()[-1]  # usage: argparse's own
        said = said.split("TOML:")[0]  # after it: Python's TOML parser's own words, English only
        if found := strange_words(said, wrong):
            mixed[" ".join(args[:2])] = (said.strip(), sorted(found))
    assert not mixed, "\n".join(f"{k}: {v}" for k, v in mixed.items())


def test_no_refusal_sentence_escapes_the_catalogue():
    """Every `raise SomeError("…")` in the core goes through _(); the only literal messages left are
    programmer errors that never reach a user (ValueError, TypeError and the like) and lines that
    hold no words of their own ("{label}: {why}")."""
    import ast
    import re

    internal = {"ValueError", "TypeError", "Unsupported", "InvalidSignature", "KeyError", "NotImplementedError",
                "_say"}  # the card's sentences: written in both languages, the run's language picks one
    escaped = []
    for path in sorted((ROOT / "btdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            arg, name = node.exc.args[0], ast.unparse(node.exc.func)
            words = ("".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                     if isinstance(arg, ast.JoinedStr) else arg.value if isinstance(arg, ast.Constant) else "")
            if name not in internal and isinstance(words, str) and re.search(r"[^\W\d_]{2}", words):
                escaped.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:60]}")
    assert not escaped, "\n".join(escaped)


@pytest.mark.parametrize("programme_id", ["stockholm", "skane"])
def test_every_programme_text_has_its_english(programme_id):
    """The programme's own sentences (name, delmål, kompetenskrav line for line, checklist items,
    instruments, scale levels, introduction, assumptions) have English in the programme file."""
    from btdesk.programme import load_programme

    prog = load_programme(programme_id)
    pairs = [(prog.name, prog.name_en), (prog.assumptions, prog.assumptions_en or not prog.assumptions),
             (prog.source, prog.source_en)]
    missing = [t for t, en in pairs if not en]
    missing += [prog.introduction.text] if prog.introduction and not prog.introduction.text_en else []
    for d in prog.delmal:
        missing += [d.title] if not d.title_en else []
        missing += list(d.kompetenskrav) if len(d.kompetenskrav_en) != len(d.kompetenskrav) else []
    missing += [k.name for k in prog.placement_kinds if not k.name_en]
    missing += [i.text for k in prog.placement_kinds for i in k.checklist if not i.text_en]
    missing += [i.name for i in prog.instruments if not i.name_en]
    missing += [lv.label for s in prog.scales for lv in s.levels if not lv.label_en]
    assert not missing, missing


def test_english_kompetenskrav_must_match_the_swedish_line_for_line(tmp_path):
    """A programme file whose English list is shorter would show one requirement as another's."""
    src = (ROOT / "resources" / "programmes" / "skane.toml").read_text(encoding="utf-8")
    cut = src.replace('  "be able to issue a cause-of-death certificate (dödsorsaksintyg)",\n', "", 1)
    assert cut != src
    bad = tmp_path / "skane.toml"
    bad.write_text(cut, encoding="utf-8")
    r = run_cli("programme", "check", str(bad), env={"BTDESK_LANG": "en"})
    assert r.returncode == 1, r.stdout + r.stderr
    assert "kompetenskrav_en" in r.stderr and "has 1 lines but kompetenskrav has 2" in r.stderr, r.stderr


def _window_sentences() -> list[tuple[str, str, str]]:
    """(where, context, Swedish) of every literal the window translates: self.tr("…") in a class
    (its context is the class), and translate/tr/_t("Context", "…") with the context given."""
    import ast

    out = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner: dict[int, str] = {}
        for node in ast.walk(tree):  # breadth first: an inner class overwrites its outer one
            if isinstance(node, ast.ClassDef):
                owner.update({id(sub): node.name for sub in ast.walk(node)})
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f, args = node.func, node.args
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            texts = [a.value for a in args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name in ("translate", "tr", "_t") and len(texts) == 2:
                ctx, src = texts
            elif name == "tr" and isinstance(f, ast.Attribute) and len(texts) == 1 and id(node) in owner:
                ctx, src = owner[id(node)], texts[0]
            else:
                continue
            out.append((f"{path.relative_to(ROOT)}:{node.lineno}", ctx, src))
    return out


def test_every_window_sentence_has_its_english():
    """The Qt catalogue (resources/translations/btdesk_en.ts) has a finished English for every
    sentence the window translates: a new sentence without one would show Swedish in English."""
    import xml.etree.ElementTree as ET

    ts = ET.parse(ROOT / "resources" / "translations" / "btdesk_en.ts").getroot()
    english = {(c.findtext("name"), m.findtext("source")): m.find("translation") for c in ts for m in c.iter("message")}
    missing = [f"{where}: [{ctx}] {src}" for where, ctx, src in _window_sentences()
               if (t := english.get((ctx, src))) is None or not (t.text or "").strip() or t.get("type")]
    assert not missing, "no English in btdesk_en.ts for:\n" + "\n".join(missing)
