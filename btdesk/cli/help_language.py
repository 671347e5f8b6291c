"""`btdesk --help` in the run's language.

The command reference is written in English in the code (argparse's help= texts); a Swedish run
shows it from the gettext catalogue resources/locale/sv/LC_MESSAGES/btdesk_cli.po (English to
Swedish), together with argparse's own words ("usage:", "options", its usage errors). Python ships
no Swedish for argparse, so those are in the same catalogue. Every other sentence of btdesk is
Swedish in the code with English in btdesk.po; only the help goes the other way round, so that
the 150-odd help texts stay short beside their options.
"""
from __future__ import annotations

import argparse
from typing import Any

DOMAIN = "btdesk_cli"


def _swedish(text: str) -> str:
    from btdesk.i18n import catalogue_for

    return catalogue_for("sv", DOMAIN).gettext(text) if text else text


def _swedish_plural(singular: str, plural: str, n: int) -> str:
    from btdesk.i18n import catalogue_for

    return catalogue_for("sv", DOMAIN).ngettext(singular, plural, n)


def speak_argparse() -> None:
    """argparse's own words in the run's language; call before any parser is built (it words its
    "-h" help and group titles when a parser is made)."""
    from btdesk.i18n import language

    swedish = language() == "sv"
    argparse._ = _swedish if swedish else (lambda text: text)  # type: ignore[attr-defined]
    argparse.ngettext = _swedish_plural if swedish else (  # type: ignore[attr-defined]
        lambda s, p, n: s if n == 1 else p)


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Every help text of a parser and its subcommands in the run's language (Swedish: from the
    catalogue; English: as written)."""
    from btdesk.i18n import language

    if language() != "sv":
        return
    _walk(parser, set())


def _walk(parser: argparse.ArgumentParser, seen: set[int]) -> None:
    if id(parser) in seen:  # an alias shares its parser
        return
    seen.add(id(parser))
    parser.description = _swedish(parser.description or "") or parser.description
    for action in parser._actions:
        if isinstance(action.help, str) and action.help != argparse.SUPPRESS:
            action.help = _swedish(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                pseudo.help = _swedish(pseudo.help or "") or pseudo.help
            sub: Any
            for sub in action.choices.values():
                _walk(sub, seen)
