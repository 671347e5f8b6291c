"""`btdesk bench bundle`: joins the `bench` command when another module made it, else makes it."""
from __future__ import annotations

from btdesk.cli.common import Context


def _bench_actions(sub):
    parser = sub.choices.get("bench")
    if parser is None:
        parser = sub.add_parser("bench", help="benchmarks")
        return parser.add_subparsers(metavar="WHAT", required=True)
    return parser._subparsers._group_actions[0]  # argparse keeps the sub-action only here


def register(sub) -> None:
    b = _bench_actions(sub).add_parser("bundle", help="export and import a full-year portfolio: times and crypto ratio")
    b.add_argument("--entries", type=int, default=600)
    b.set_defaults(func=cmd_bench_bundle)


def cmd_bench_bundle(ctx: Context) -> int:
    import importlib
    import sys
    from pathlib import Path

    from btdesk.errors import BtdeskError

    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:  # bench/ lives beside the package in a source checkout
        sys.path.insert(0, str(root))
    try:
        mod = importlib.import_module("bench.bundle")
    except ModuleNotFoundError:
        raise BtdeskError("The bundle benchmark needs a source checkout (bench/bundle.py).") from None
    for k, v in mod.run(entries=ctx.args.entries).items():
        print(f"{k:<28} {v}")
    return 0
