"""`btdesk bench dossier`: joins the `bench` command when another module made it, else makes it."""
from __future__ import annotations

from btdesk.cli.common import Context


def register(sub) -> None:
    """Three shapes of `bench` are possible depending on load order: none yet, one with
    sub-commands, or one with a positional `action` (bench_cmds): join whichever exists."""
    parser = sub.choices.get("bench")
    if parser is None:
        parser = sub.add_parser("bench", help="benchmarks")
        parser.add_subparsers(metavar="WHAT", required=True)
    if parser._subparsers is not None:  # argparse keeps the sub-action only here
        d = parser._subparsers._group_actions[0].add_parser("dossier", help="a full-year dossier: time and pages/s")
        d.set_defaults(func=cmd_bench_dossier)
        return
    for act in parser._actions:
        if act.dest == "action" and act.choices is not None:
            act.choices = [*act.choices, "dossier"]
    other = parser.get_default("func")
    parser.set_defaults(func=lambda ctx: cmd_bench_dossier(ctx) if ctx.args.action == "dossier" else other(ctx))


def cmd_bench_dossier(ctx: Context) -> int:
    import importlib
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:  # bench/ lives beside the package in a source checkout
        sys.path.insert(0, str(root))
    try:
        mod = importlib.import_module("bench.dossier")
    except ModuleNotFoundError:
        from btdesk.errors import BtdeskError

        raise BtdeskError("The dossier benchmark needs a source checkout (bench/dossier.py).") from None
    mod.run()
    return 0
