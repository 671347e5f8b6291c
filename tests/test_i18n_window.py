"""One language in the window: walk every view of each role (doctor, supervisor, BT unit), press
every button of each view and every menu entry, open each dialog that offers itself, give each
form bad input so that the core's refusal shows in it, and collect every visible string (labels,
buttons, menus, headers, cells, list items, tooltips, titles, message boxes, file dialogs). In
English none may hold a Swedish word; in Swedish, no English word. Domain words that stay
Swedish (tests/language_words.py) are allowed, and so is what the users wrote themselves.

The walk is tests/language_walk.py. Each role's walk must open the dialogs listed in DIALOGS, so
that a button that stops opening its dialog cannot make the test pass by seeing less."""
from __future__ import annotations

import os
import re
from typing import Any

import pytest

from language_walk import Seen, catch_dialogs, walk
from language_words import ENGLISH, SWEDISH, strange_words

pytest.importorskip("PySide6")

# Found by the walks and not translated yet, exactly: a fixed string must leave the list, so it
# only shrinks. {(role, language): {string, …}}
KNOWN: dict[tuple[str, str], set[str]] = {}

# The dialogs each role's walk opens (a subset of what it sees): the walk must keep reaching them.
DIALOGS = {
    "doctor+demo": {"ActivityDialog", "TalkDialog", "RequestDialog", "PlacementDialog", "LeaveDialog",
                    "DocumentDialog", "ReflectionDialog", "EvidenceDialog", "CertificatesDialog",
                    "CertificateDetailsDialog", "CardDialog", "SearchDialog", "HistoryDialog"},
    "supervisor+demo": {"FormDialog", "CertificateDetailsDialog", "CardDialog", "SearchDialog"},
    "unit+doctors": {"DoctorDialog", "CertificateDetailsDialog", "CardDialog", "SearchDialog"},
}


def untranslated_programme_texts(programme: Any) -> set[str]:
    """The programme's sentences with no English in its file (none in the shipped programmes:
    tests/test_i18n.py holds them to that)."""
    texts = {k for d in programme.delmal if not d.kompetenskrav_en for k in d.kompetenskrav}
    texts |= {i.text for k in programme.placement_kinds for i in k.checklist if not i.text_en}
    texts |= {i.name for i in programme.instruments if not i.name_en}
    return texts


def _user_texts(portfolio: Any) -> set[str]:
    """What the users wrote (titles, notes, topics, names): their words, in whatever language they chose."""
    out: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str):
            out.add(value.strip())
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    for r in portfolio.records(None, everyone=True, uncounted=True):
        collect(r.body)
    return {u for u in out if u}


def _is_user_part(part: str, user: set[str]) -> bool:
    part = part.strip().rstrip("…").strip()
    return part in user or (len(part) >= 12 and any(u.startswith(part) for u in user))


def _only_user_text(text: str, user: set[str]) -> bool:
    """Text that is nothing but what the users wrote: whole, cut short, listed, dated or labelled
    ("Activity: <title> (01/12/2026)")."""
    bare = re.sub(r"\(?\b(?:\d{4}-\d\d-\d\d|\d\d/\d\d/\d{4})\b\)?", " ", text).strip()
    for candidate in (bare, re.sub(r"^[^:]{1,24}:\s+", "", bare)):
        parts = [x for x in re.split(r"[;,]\s+", candidate) if x.strip()]
        if _is_user_part(candidate, user) or (parts and all(_is_user_part(x, user) for x in parts)):
            return True
    return False


def _window(qtbot: Any, home: Any, portfolio: Any, lang: str) -> Any:
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.settings().setValue("language", lang)
    w = MainWindow(home, portfolio=portfolio)
    qtbot.addWidget(w)
    w.show()
    return w


def _walk_and_compare(qtbot: Any, monkeypatch: Any, home: Any, portfolio: Any, role: str, lang: str) -> Seen:
    """Walk one role's window in lang; fail on any string in the other language."""
    seen = Seen()
    w = _window(qtbot, home, portfolio, lang)
    try:
        with monkeypatch.context() as m:
            catch_dialogs(m, seen)
            walk(w, qtbot, seen)
    finally:
        w.portfolio = None
        from ui import i18n

        i18n.install("sv")
    skip = untranslated_programme_texts(portfolio.programme) if lang == "en" else set()
    user = _user_texts(portfolio)
    found: dict[str, tuple[str, list[str]]] = {}
    for where, items in seen.texts.items():
        for text in items:
            text = re.sub(r"fingerprint [0-9a-f ]{39}\)", "fingerprint {fp})", text)
            if text in skip or text in found or _only_user_text(text, user):
                continue
            if bad := strange_words(text, SWEDISH if lang == "en" else ENGLISH):
                found[" ".join(text.split())[:120]] = (where, sorted(bad))
    known = KNOWN.get((role, lang), set())
    new = {t: b for t, b in found.items() if t not in known}
    assert not new, f"{len(new)} strings:\n" + "\n".join(f"{t!r} ({w}): {b}" for t, (w, b) in sorted(new.items()))
    assert known <= set(found), f"translated now, take out of KNOWN: {sorted(known - set(found))}"
    missing = DIALOGS.get(role, set()) - seen.dialogs
    assert not missing, f"the walk no longer opens {sorted(missing)}; it opened {sorted(seen.dialogs)}"
    return seen


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_doctors_window_speaks_one_language(qtbot, own_qsettings, monkeypatch, home, doctor, lang):
    """A doctor with a plan and no entries yet: the empty states, and every dialog's refusals."""
    _walk_and_compare(qtbot, monkeypatch, home, doctor, "doctor", lang)


@pytest.mark.parametrize("role", ["supervisor", "unit"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_new_supervisors_and_units_windows_speak_one_language(qtbot, own_qsettings, monkeypatch, tmp_path,
                                                                role, lang):
    from btdesk.services.portfolio import Portfolio

    home = tmp_path / role
    p = Portfolio.create(home, name="Erik Berg", role=role, programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    try:
        _walk_and_compare(qtbot, monkeypatch, home, p, role, lang)
    finally:
        p.close()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_demo_doctor_and_her_supervisor_speak_one_language(qtbot, own_qsettings, monkeypatch, tmp_path, lang):
    """The demo: a doctor with months of entries and signed assessments, and the handledare who
    signed them (his own home, holding the requests and what he gave)."""
    from btdesk.services.demo import create_demo
    from btdesk.services.portfolio import Portfolio

    home = tmp_path / "demo"
    p = create_demo(home, "doctor", passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    try:
        _walk_and_compare(qtbot, monkeypatch, home, p, "doctor+demo", lang)
    finally:
        p.close()
    sup = Portfolio.open(home / "demo-handledare")
    try:
        _walk_and_compare(qtbot, monkeypatch, sup.home, sup, "supervisor+demo", lang)
    finally:
        sup.close()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_unit_with_imported_doctors_speaks_one_language(qtbot, own_qsettings, monkeypatch, tmp_path, lang):
    from btdesk.services.portfolio import Portfolio
    from conftest import run_cli
    from test_unit_import import make_cohort

    world = make_cohort(tmp_path)
    r = run_cli("unit", "import", *map(str, world.bundles), home=world.unit)
    assert r.returncode == 0, r.stderr
    p = Portfolio.open(world.unit)
    try:
        _walk_and_compare(qtbot, monkeypatch, world.unit, p, "unit+doctors", lang)
    finally:
        p.close()
