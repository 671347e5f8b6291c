"""One language in the window: walk every view of each role in English and collect every
visible string (labels, buttons, headers, cells, list items, tooltips, titles); none may hold a
Swedish word — and, in Swedish, no English word. Domain words that stay Swedish are allowed.

Not yet translated, and left out here on purpose: the programme's kompetenskrav (the programme
files have no English for them yet; `untranslated_programme_texts` names them, with any checklist
item or instrument whose English is missing)."""
from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

SWEDISH = {"och", "av", "är", "inte", "bedömning", "bedömningar", "placering", "placeringar", "månader",
           "månad", "för", "med", "till", "som", "har", "ingen", "inga", "eller", "på", "att", "den", "det",
           "sparad", "spara", "avbryt", "ny", "nytt", "ändra", "ta", "bort", "visa", "öppna", "fil", "datum",
           "typ", "timmar", "samtal", "handledning", "aktivitet", "aktiviteter", "dokument", "översikt",
           "klar", "kvar", "alla", "vecka", "veckor", "dagar", "utkast", "sök", "begär", "skicka", "läkare",
           "tjänstgjort", "planerat", "ledighet", "startkull", "konflikter", "senaste", "paket", "givna",
           "begärda", "besvarade", "handledningssamtal", "mina", "begäranden", "kullen"}
ENGLISH = {"the", "and", "of", "is", "not", "assessment", "assessments", "placement", "placements", "months",
           "with", "save", "cancel", "open", "show", "new", "edit", "remove", "file", "date", "hours", "talk",
           "activity", "activities", "document", "documents", "overview", "none", "no", "search", "request",
           "send", "doctor", "supervisor", "settings", "help", "quit"}
# words that stay Swedish in both languages (domain words, names, places)
DOMAIN = {"delmål", "handledare", "huvudhandledare", "intyg", "bt", "bt-läkare", "kompetenskrav", "bilaga",
          "amira", "haddad", "karin", "lind", "erik", "berg", "södersjukhuset", "socialstyrelsen"}


# Found by this test and not fixed yet, exactly (none now): a fixed string must leave the list,
# so it only shrinks. {(role, language): {string, …}}
KNOWN: dict[tuple[str, str], set[str]] = {
    ("supervisor", "en"): {"Sammanfattande bedömning av placeringen"},  # an instrument shown by .name (ui/supervisor)
}


def _texts(root) -> Iterator[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QWidget,
    )

    yield root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        yield w.toolTip()
        if isinstance(w, QLabel):
            yield w.text()
        elif isinstance(w, QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            from PySide6.QtCore import QModelIndex

            try:
                cols = m.columnCount(QModelIndex())
            except TypeError:  # a list widget's internal model hides columnCount: one column
                cols = 1
            yield from (str(m.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(cols))
            for r in range(min(m.rowCount(QModelIndex()), 50)):
                for c in range(cols):
                    idx = m.index(r, c)
                    yield str(idx.data() or "")
                    yield str(idx.data(Qt.ItemDataRole.ToolTipRole) or "")


def _strange(text: str, words: set[str]) -> set[str]:
    found = {t for t in re.findall(r"[\wåäöÅÄÖ-]+", re.sub(r"<[^>]+>", " ", text).lower())}
    return (found & words) - DOMAIN


def _is_kompetenskrav_list(text: str, skip: set[str]) -> bool:
    items = re.findall(r"<li>(.*?)</li>", text)
    return bool(items) and all(html.unescape(i) in skip for i in items)


def walk(window) -> Iterator[str]:
    """Every view of the window, each shown in turn."""
    for key in window.views.keys():
        window.go_to(key)
        yield from _texts(window)


def untranslated_programme_texts(programme) -> set[str]:
    """The programme's sentences with no English in its file: kompetenskrav, checklist items."""
    texts = {k for d in programme.delmal if not d.kompetenskrav_en for k in d.kompetenskrav}
    texts |= {i.text for k in programme.placement_kinds for i in k.checklist if not i.text_en}
    texts |= {i.name for i in programme.instruments if not i.name_en}
    return texts


def offending(window, words: set[str], skip: set[str] = frozenset()) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for text in walk(window):
        if text in skip or _is_kompetenskrav_list(text, skip):
            continue
        bad = _strange(text, words)
        if bad:
            out[" ".join(text.split())[:120]] = bad
    return out


def _window(qtbot, home, portfolio, lang: str):
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.settings().setValue("language", lang)
    w = MainWindow(home, portfolio=portfolio)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_doctors_window_speaks_one_language(qtbot, own_qsettings, home, doctor, lang):
    w = _window(qtbot, home, doctor, lang)
    try:
        skip = untranslated_programme_texts(doctor.programme) if lang == "en" else set()
        found = offending(w, SWEDISH if lang == "en" else ENGLISH, skip)
    finally:
        w.portfolio = None
        from ui import i18n

        i18n.install("sv")
    known = KNOWN.get(("doctor", lang), set())
    new = {t: b for t, b in found.items() if t not in known}
    assert not new, "\n".join(f"{t!r}: {sorted(b)}" for t, b in sorted(new.items()))
    assert known <= set(found), f"translated now, take out of KNOWN: {sorted(known - set(found))}"


@pytest.mark.parametrize("role", ["supervisor", "unit"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_supervisors_and_units_windows_speak_one_language(qtbot, own_qsettings, tmp_path, role, lang):
    import os

    from btdesk.services.portfolio import Portfolio

    home = tmp_path / role
    p = Portfolio.create(home, name="Erik Berg", role=role, programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    w = _window(qtbot, home, p, lang)
    try:
        skip = untranslated_programme_texts(p.programme) if lang == "en" else set()
        found = offending(w, SWEDISH if lang == "en" else ENGLISH, skip)
    finally:
        w.portfolio = None
        p.close()
        from ui import i18n

        i18n.install("sv")
    known = KNOWN.get((role, lang), set())
    new = {t: b for t, b in found.items() if t not in known}
    assert not new, "\n".join(f"{t!r}: {sorted(b)}" for t, b in sorted(new.items()))
    assert known <= set(found), f"translated now, take out of KNOWN: {sorted(known - set(found))}"


# -- with data rows: the demo doctor, a unit holding an imported doctor ----------------------------
# Found by the walks below and not translated yet, exactly (a fixed string must leave the list).
KNOWN_WITH_DATA: dict[tuple[str, str], set[str]] = {}


def _user_texts(portfolio) -> set[str]:
    """What the users wrote (titles, notes, topics, names): their words, in whatever language they chose."""
    out: set[str] = set()

    def collect(value) -> None:
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
    return out


def _only_user_text(text: str, user: set[str]) -> bool:
    if text.strip() in user:
        return True
    parts = [x.strip() for x in re.split(r"[;,]\s+", text) if x.strip()]
    return bool(parts) and all(x in user or any(u.startswith(x.rstrip("…")) for u in user) for x in parts)


def _walk_and_compare(qtbot, home, portfolio, role: str, lang: str) -> None:
    w = _window(qtbot, home, portfolio, lang)
    try:
        skip = untranslated_programme_texts(portfolio.programme) if lang == "en" else set()
        user = _user_texts(portfolio)
        found = {re.sub(r"fingerprint [0-9a-f ]{39}\)", "fingerprint {fp})", t): b
                 for t, b in offending(w, SWEDISH if lang == "en" else ENGLISH, skip).items()
                 if not _only_user_text(t, user)}
    finally:
        w.portfolio = None
        from ui import i18n

        i18n.install("sv")
    known = KNOWN_WITH_DATA.get((role, lang), set())
    new = {t: b for t, b in found.items() if t not in known}
    assert not new, f"{len(new)} strings:\n" + "\n".join(f"{t!r}: {sorted(b)}" for t, b in sorted(new.items()))
    # no "translated now" check here: which checklist items the demo's overview names depends on the day


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_demo_doctors_window_speaks_one_language(qtbot, own_qsettings, tmp_path, lang):
    import os

    from btdesk.services.demo import create_demo

    home = tmp_path / "demo"
    p = create_demo(home, "doctor", passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    try:
        _walk_and_compare(qtbot, home, p, "doctor+demo", lang)
    finally:
        p.close()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_unit_with_imported_doctors_speaks_one_language(qtbot, own_qsettings, tmp_path, lang):
    from btdesk.services.portfolio import Portfolio
    from conftest import run_cli
    from test_unit_import import make_cohort

    world = make_cohort(tmp_path)
    r = run_cli("unit", "import", *map(str, world.bundles), home=world.unit)
    assert r.returncode == 0, r.stderr
    p = Portfolio.open(world.unit)
    try:
        _walk_and_compare(qtbot, world.unit, p, "unit+doctors", lang)
    finally:
        p.close()
