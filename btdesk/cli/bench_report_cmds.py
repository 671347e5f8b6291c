"""`btdesk bench dossier`: joins the `bench` command when another module made it, else makes it."""
from __future__ import annotations

from btdesk.cli.common import Context


def _bench_actions(sub):
    parser = sub.choices.get("bench")
    if parser is None:
        parser = sub.add_parser("bench", help="benchmarks")
        return parser.add_subparsers(metavar="WHAT", required=True)
    return parser._subparsers._group_actions[0]  # argparse keeps the sub-action only here


def register(sub) -> None:
    d = _bench_actions(sub).add_parser("dossier", help="a full-year dossier: build time and pages/s")
    d.set_defaults(func=cmd_bench_dossier)


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
