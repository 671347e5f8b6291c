"""The core's language: one per run, Swedish by default; English from a gettext catalogue.

Swedish is the source language, as in the window's Qt catalogue: a sentence is written in
Swedish in the code (`_("…")`, with `{name}` fields filled by `.format` after translation) and
resources/locale/en/LC_MESSAGES/btdesk.po holds its English. The stdlib's gettext reads the
compiled .mo, so the frozen app needs nothing but the file; packaging/setup.sh compiles it with
Babel (pure Python, installed by pip on every platform, unlike msgfmt), and a source checkout
whose .mo is missing or older than its .po gets it compiled here.

The language: set_language() (the window passes its own), else BTDESK_LANG, else the locale
(LC_ALL, LC_MESSAGES, LANG), else Swedish.
"""
from __future__ import annotations

import gettext
import os
from fractions import Fraction
from pathlib import Path

LANGUAGES = ("sv", "en")
DOMAIN = "btdesk"
_chosen: str | None = None
_catalogues: dict[str, gettext.NullTranslations] = {}


def _from_environment() -> str:
    wanted = os.environ.get("BTDESK_LANG", "").strip().lower()
    if wanted[:2] in LANGUAGES:
        return wanted[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:  # the first one set decides, as in POSIX
            return value[:2].lower() if value[:2].lower() in LANGUAGES else "sv"
    return "sv"


def language() -> str:
    """The language of this run: "sv" or "en"."""
    return _chosen or _from_environment()


def set_language(lang: str | None) -> str:
    """Fix the language for this run (None: back to the environment's); returns it."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None
    return language()


def locale_dir() -> Path:
    from btdesk.resources import resource_path

    return resource_path("locale")


def compile_catalogue(po: Path, mo: Path) -> None:
    """Compile one .po to .mo with Babel (setup.sh and a stale checkout)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from btdesk.fileutil import atomic_write

    with po.open("rb") as f:
        catalogue = read_po(f)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    atomic_write(mo, buffer.getvalue())


def _fresh_mo(lang: str, domain: str = DOMAIN) -> Path:
    folder = locale_dir() / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        try:
            compile_catalogue(po, mo)
        except (ImportError, OSError):
            pass  # an installed, read-only copy without Babel: use whatever .mo is there
    return mo


def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang not in _catalogues:
        if lang == "sv":
            _catalogues[lang] = gettext.NullTranslations()  # the source language
        else:
            mo = _fresh_mo(lang)
            try:
                with mo.open("rb") as f:
                    _catalogues[lang] = gettext.GNUTranslations(f)
            except OSError:
                _catalogues[lang] = gettext.NullTranslations()
    return _catalogues[lang]


def catalogue_for(lang: str, domain: str) -> gettext.NullTranslations:
    """Another domain's catalogue (the command line's help, English to Swedish: btdesk.cli.help_language)."""
    key = f"{lang}/{domain}"
    if key not in _catalogues:
        try:
            with _fresh_mo(lang, domain).open("rb") as f:
                _catalogues[key] = gettext.GNUTranslations(f)
        except OSError:
            _catalogues[key] = gettext.NullTranslations()
    return _catalogues[key]


def _(sentence: str) -> str:
    """The sentence in this run's language."""
    return _catalogue(language()).gettext(sentence)


def data_text(text: str) -> str:
    """A text of a data file (an assessment form's title, intro, labels, options) in this run's
    language, from the same catalogue: packaging/update_catalogue.py collects the forms' texts.
    The signed form keeps its Swedish text; only what is shown follows the language."""
    return _catalogue(language()).gettext(text) if text else text  # gettext("") is the header


def N_(sentence: str) -> str:
    """Mark a sentence for the catalogue where it is defined (a table built at import); translate it
    with _() where it is shown, so that it follows the language of that moment."""
    return sentence


def months_shown(value: Fraction | float) -> str:
    """FTE months as btdesk.timeutil.months_text cuts them, with the run's decimal mark: "4,0" / "4.0".
    (Socialstyrelsen's certificates are Swedish whatever the run's language: they use months_text.)"""
    from btdesk.timeutil import months_text

    text = months_text(value)
    return text.replace(",", ".") if language() == "en" else text


def number_shown(value: float) -> str:
    """A plain number (as "{:g}" gives it) with the run's decimal mark: "2,5" / "2.5"."""
    text = f"{value:g}"
    return text if language() == "en" else text.replace(".", ",")
