"""Shared pieces of the command line: the parser, the home folder, the passphrase."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import _

if TYPE_CHECKING:
    from typing import TypeAlias

    from btdesk.services.portfolio import Portfolio
    from btdesk.services.selftest import QtCheck


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one sentence, exit 2
        self.print_usage(sys.stderr)
        print(f"btdesk: {message}", file=sys.stderr)
        raise SystemExit(2)


if TYPE_CHECKING:
    Subcommands: TypeAlias = argparse._SubParsersAction[Parser]  # where each module registers its commands


def default_home() -> Path:
    if env := os.environ.get("BTDESK_HOME"):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("btdesk", appauthor=False))


def build_parser() -> tuple[Parser, Subcommands]:
    parser = Parser(
        prog="btdesk",
        description="btdesk – offline e-portfolio for bastjänstgöring (BT). "
        "Without a command it starts the window.",
    )
    parser.add_argument("--home", type=Path, default=None,
                        help="the folder holding the profile (default: $BTDESK_HOME or the user data folder)")
    sub = parser.add_subparsers(title=_("kommandon"), metavar=_("KOMMANDO"), parser_class=Parser)
    return parser, sub


def passphrase_from_env_or_tty(prompt: str, *, confirm: bool = False) -> str:
    is_pin = prompt.startswith("PIN-kod")  # a card's PIN (asked by identity.token): never the passphrase
    if not is_pin and (pw := os.environ.get("BTDESK_PASSPHRASE")) is not None:
        return pw
    if not sys.stdin or not sys.stdin.isatty():
        if is_pin:
            raise BtdeskError(_("En PIN-kod behövs; ange BTDESK_PIN eller kör btdesk i en terminal."))
        raise BtdeskError(_("En lösenfras behövs; ange BTDESK_PASSPHRASE eller kör btdesk i en terminal."))
    from btdesk import logs

    pw = getpass.getpass(f"{prompt}: ")
    logs.forget_secret(pw)
    if confirm and getpass.getpass("Repeat the passphrase: ") != pw:
        raise BtdeskError(_("De två lösenfraserna skiljer sig åt; ingenting ändrades."))
    return pw


class Context:
    """What a command needs: its arguments, the home, and an open portfolio on demand."""

    def __init__(self, args: argparse.Namespace, qt_check: QtCheck | None = None) -> None:
        self.args = args
        self.qt_check = qt_check
        self._portfolio: Portfolio | None = None

    @property
    def home(self) -> Path:
        return self.args.home or default_home()

    def passphrase(self, prompt: str = "Passphrase for your btdesk key", confirm: bool = False) -> str:
        return passphrase_from_env_or_tty(prompt, confirm=confirm)

    def portfolio(self) -> Portfolio:
        if self._portfolio is None:
            from btdesk.services.portfolio import Portfolio

            self._portfolio = Portfolio.open(self.home)
        return self._portfolio

    def adopt(self, portfolio: Portfolio) -> None:
        self._portfolio = portfolio

    def close(self) -> None:
        if self._portfolio is not None:
            self._portfolio.close()
            self._portfolio = None


def require(cond: bool, message: str) -> None:
    if not cond:
        raise UsageError(message)
