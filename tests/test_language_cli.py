"""One language on the command line when things go right too: what the identity, trust, export,
verify, request, privacy and supervisor commands print is English with BTDESK_LANG=en and
Swedish by default, never both (their refusals: tests/test_i18n.py)."""
from __future__ import annotations

import re

import pytest

from conftest import made_profile, run_cli
from language_words import ENGLISH, SWEDISH, strange_words

SWEDISH_RUN = {"BTDESK_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}
# Not translated yet, exactly (a fixed one must leave the list). {(language, command): words}
KNOWN: dict[tuple[str, str], list[str]] = {}


def _said(tmp_path):
    """The commands, run through the real CLI in one home per role: (command, home)."""
    doc, sup = tmp_path / "doc", tmp_path / "sup"
    bundle, request = tmp_path / "x.btbundle", tmp_path / "r.btrequest"
    return (doc, sup), [
        (doc, ("identity", "show")),
        (doc, ("trust", "list")),
        (doc, ("export", "--to", str(bundle))),
        (doc, ("verify", str(bundle))),
        (doc, ("request", "create", "--instrument", "mini_cex", "--case", "x", "--delmal", "BT1", "--to", "Erik Berg",
               "--out", str(request))),
        (doc, ("request", "show", str(request))),
        (doc, ("privacy", "held")),
        (doc, ("programme", "show", "stockholm")),
        (sup, ("doctors",)),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_what_the_commands_say_is_in_the_runs_language(tmp_path, lang):
    (doc, sup), cases = _said(tmp_path)
    env = {"BTDESK_LANG": "en"} if lang == "en" else SWEDISH_RUN
    for home, role in ((doc, "doctor"), (sup, "supervisor")):
        made_profile(home, "--role", role, "--name", "Amira Haddad", "--programme", "stockholm",
                     "--start", "2027-01-01")
    wrong = SWEDISH if lang == "en" else ENGLISH
    mixed = {}
    for home, args in cases:
        r = run_cli(*args, home=home, env=env)
        assert r.returncode == 0, (args, r.returncode, r.stdout, r.stderr)
        if found := strange_words(r.stdout, wrong):
            mixed[" ".join(a for a in args[:2] if not a.startswith("/"))] = (r.stdout.strip()[:300], sorted(found))
    known = {cmd: words for (language, cmd), words in KNOWN.items() if language == lang}
    new = {k: v for k, v in mixed.items() if known.get(k) != v[1]}
    assert not new, "\n".join(f"{k}: {v}" for k, v in new.items())
    assert set(known) <= set(mixed), f"translated now, take out of KNOWN: {sorted(set(known) - set(mixed))}"


def _all_help_texts() -> list[str]:
    """Every help text of every command and option, as written (English), from the real parser."""
    import argparse
    import importlib

    from btdesk.cli import COMMAND_MODULES
    from btdesk.cli.common import build_parser

    parser, sub = build_parser()
    for name in COMMAND_MODULES:  # the benchmarks' own options are for developers: English only
        importlib.import_module(name).register(sub)
    out, todo, seen = [], [parser], set()
    while todo:
        p = todo.pop()
        if id(p) in seen:
            continue
        seen.add(id(p))
        out += [p.description or ""]
        for action in p._actions:
            out.append(action.help if isinstance(action.help, str) else "")
            if isinstance(action, argparse._SubParsersAction):
                out += [c.help or "" for c in action._choices_actions]
                todo += [c for n, c in action.choices.items() if not n.startswith("bench")]
    return sorted({t for t in out if t and t != argparse.SUPPRESS and t != "show this help message and exit"})


def test_every_help_text_has_its_swedish():
    """`btdesk --help` in a Swedish run reads resources/locale/sv/LC_MESSAGES/btdesk_cli.po: every
    help text has its Swedish there (a new option without it would show English in Swedish)."""
    from babel.messages.pofile import read_po

    from conftest import ROOT

    with (ROOT / "resources" / "locale" / "sv" / "LC_MESSAGES" / "btdesk_cli.po").open("rb") as f:
        swedish = {str(m.id): m.string for m in read_po(f) if m.id}
    missing = [t for t in _all_help_texts() if not swedish.get(t)]
    assert not missing, "no Swedish in btdesk_cli.po for:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_help_and_usage_errors_speak_the_runs_language(tmp_path, lang):
    env = {"BTDESK_LANG": "en"} if lang == "en" else SWEDISH_RUN
    wrong = SWEDISH if lang == "en" else ENGLISH
    helped = run_cli("placement", "add", "--help", home=tmp_path / "h", env=env)
    assert helped.returncode == 0, helped.stderr
    refused = run_cli("placement", "add", home=tmp_path / "h", env=env)  # argparse's own refusal
    assert refused.returncode == 2
    said = helped.stdout + refused.stderr.strip().splitlines()[-1]
    said = re.sub(r"\b[A-Z_]{2,}\b", " ", said.replace("btdesk placement add", " "))  # command and value names
    assert not strange_words(said, wrong), (sorted(strange_words(said, wrong)), said)
    assert ("användning:" in helped.stdout) == (lang == "sv") and ("usage:" in helped.stdout) == (lang == "en")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_list_of_commands_speaks_the_runs_language(tmp_path, lang):
    """`btdesk --help`: the description and every command's line (the English one said "för")."""
    env = {"BTDESK_LANG": "en"} if lang == "en" else SWEDISH_RUN
    helped = run_cli("--help", home=tmp_path / "h", env=env)
    assert helped.returncode == 0, helped.stderr
    said = re.sub(r"^ {4}\S+", " ", helped.stdout, flags=re.M)  # the commands' names
    said = re.sub(r"\b[A-Z_]{2,}\b", " ", said)
    assert not strange_words(said, SWEDISH if lang == "en" else ENGLISH), said
    assert ("prestandamätningar" in helped.stdout) == (lang == "sv")
