"""The `btdesk` command line. Errors are one sentence and exit 1; usage errors exit 2.

The entry point that can also start the window lives in ui.main, so that this Qt-free
package never imports Qt; `python -m btdesk` runs the command line alone.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from btdesk.cli.common import Context, build_parser
from btdesk.errors import BtdeskError, UsageError

if TYPE_CHECKING:
    from btdesk.services.selftest import QtCheck

# modules that add subcommands: each has register(subparsers)
COMMAND_MODULES = (
    "btdesk.cli.core_cmds",
    "btdesk.cli.plan_cmds",  # placement, leave
    "btdesk.cli.exchange_cmds",  # identity, trust, export, verify, import, sync, open
    "btdesk.cli.report_cmds",  # dossier, certificate, print
    "btdesk.cli.form_cmds",  # assessment requests and responses
    "btdesk.cli.unit_cmds",  # the BT unit
    "btdesk.cli.final_cmds",  # the final assessment on an assessor's profile
    "btdesk.cli.bench_cmds",  # benchmarks: startup, bundle, dossier, cohort
)


def main(argv: Sequence[str] | None = None, *, qt_check: QtCheck | None = None) -> int:
    import importlib

    parser, sub = build_parser()
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        mod.register(sub)
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    ctx = Context(args, qt_check=qt_check)
    try:
        return int(args.func(ctx) or 0)
    except UsageError as e:
        print(f"btdesk: {e}", file=sys.stderr)
        return 2
    except BtdeskError as e:
        print(f"btdesk: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("btdesk: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 130
    finally:
        ctx.close()
