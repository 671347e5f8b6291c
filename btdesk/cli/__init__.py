"""The `btdesk` command line. Errors are one sentence and exit 1; usage errors exit 2.

The entry point that can also start the window lives in ui.main, so that this Qt-free
package never imports Qt; `python -m btdesk` runs the command line alone.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from btdesk.cli.common import Context, build_parser
from btdesk.errors import BtdeskError, UsageError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.services.selftest import QtCheck

# modules that add subcommands: each has register(subparsers)
COMMAND_MODULES = (
    "btdesk.cli.core_cmds",
    "btdesk.cli.plan_cmds",  # placement, leave
    "btdesk.cli.exchange_cmds",  # identity, trust, export, verify, import, sync, open
    "btdesk.cli.privacy_cmds",  # records held back for a personnummer
    "btdesk.cli.report_cmds",  # dossier, certificate, print
    "btdesk.cli.form_cmds",  # assessment requests and responses
    "btdesk.cli.unit_cmds",  # the BT unit
    "btdesk.cli.final_cmds",  # the final assessment on an assessor's profile
    "btdesk.cli.bench_cmds",  # benchmarks: startup, bundle, dossier, cohort
)


def main(argv: Sequence[str] | None = None, *, qt_check: QtCheck | None = None) -> int:
    import importlib

    from btdesk.cli.help_language import speak_argparse, translate_help

    speak_argparse()  # before the parsers are made: they word their -h and group titles then
    parser, sub = build_parser()
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        mod.register(sub)
    translate_help(parser)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from btdesk import logs

    logs.setup(explicit_home(args))
    logs.install_excepthook()
    logs.log.info("command: btdesk %s", logs.command_line(argv))
    ctx = Context(args, qt_check=qt_check)
    for stream in (sys.stdout, sys.stderr):  # text from files never crashes the terminal
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _run(ctx, logs)
    finally:
        _close(ctx, logs)


def explicit_home(args: argparse.Namespace) -> Path | None:
    """The home a person chose (--home or BTDESK_HOME): its logs/ folder holds the log."""
    import os

    if args.home is not None:
        return Path(args.home)
    env = os.environ.get("BTDESK_HOME")
    return Path(env) if env else None


def _run(ctx: Context, logs: ModuleType) -> int:
    from btdesk.failures import explain, tail
    from btdesk.store import commits

    before = commits.count()
    try:
        code = int(ctx.args.func(ctx) or 0)
    except UsageError as e:
        print(f"btdesk: {e}", file=sys.stderr)
        return 2
    except BtdeskError as e:
        logs.log.warning("refused: %s", e)
        print(f"btdesk: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        logs.log.warning("interrupted")
        print("btdesk: " + _("avbruten; {tail}").format(tail=tail(commits.count() == before)), file=sys.stderr)
        return 130
    except Exception as e:  # the top-level handler: every failure becomes one sentence
        failure = explain(e, nothing_changed=commits.count() == before, where=ctx.home)
        if failure is None:
            logs.log.error("unexpected error", exc_info=e)
            print(logs.unexpected_sentence(), file=sys.stderr)
            return 1
        logs.log.warning("failed: %s (%s: %s)", failure, type(e).__name__, e)
        print(f"btdesk: {failure}", file=sys.stderr)
        return 1
    logs.log.info("exit %d", code)
    return code


def _close(ctx: Context, logs: ModuleType) -> None:
    try:
        ctx.close()
    except Exception as e:  # the top-level handler: closing must not turn an answer into a traceback
        logs.log.error("closing the portfolio failed", exc_info=e)
