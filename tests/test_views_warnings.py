"""The plan warnings of HSLF-FS 2021:8 read right in English: figures from the core, words from
the translation — never a Swedish sentence in the English window."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def english(qapp):
    from ui import i18n

    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _plan():
    P = SimpleNamespace
    return [  # too little akut and primärvård, five sites, an overlap
        P(kind="akut_sjukvard", site="A", start=date(2027, 1, 1), end=date(2027, 2, 28), percent=100),
        P(kind="allmanmedicin", site="B", start=date(2027, 2, 1), end=date(2027, 3, 31), percent=100),
        P(kind="geriatrik", site="C", start=date(2027, 4, 1), end=date(2027, 4, 30), percent=100),
        P(kind="psykiatri", site="D", start=date(2027, 5, 1), end=date(2027, 5, 31), percent=100),
        P(kind="psykiatri", site="E", start=date(2027, 6, 1), end=date(2027, 6, 30), percent=100),
    ]


def test_every_plan_warning_is_english_with_its_figures(english):
    from btdesk.programme import check_plan, load_programme
    from ui.views.warnings_text import plan_warning_text

    warnings = check_plan(load_programme("stockholm"), _plan())
    codes = {w.code for w in warnings}
    assert {"akut_too_short", "primarvard_too_short", "too_many_sites", "overlap"} <= codes
    for w in warnings:
        text = plan_warning_text(w)
        assert "Planen" not in text and "krävs" not in text, text
        for arg in w.args:
            if w.code.endswith("_too_short") and arg == w.args[0]:
                assert arg.replace(".", ",") in text or arg in text, text  # a number in the locale's form
            else:
                assert arg in text, (arg, text)
