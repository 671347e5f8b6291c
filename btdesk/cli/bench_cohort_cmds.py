"""`btdesk bench cohort`: joins the `bench` command when another module made it, else makes it."""
from __future__ import annotations

from btdesk.cli.common import Context


def _bench_actions(sub):
    parser = sub.choices.get("bench")
    if parser is None:
        parser = sub.add_parser("bench", help="benchmarks")
        return parser.add_subparsers(metavar="WHAT", required=True)
    return parser._subparsers._group_actions[0]  # argparse keeps the sub-action only here


def register(sub) -> None:
    c = _bench_actions(sub).add_parser("cohort", help="a 300-doctor cohort: import rate and overview time")
    c.add_argument("--doctors", type=int, default=300)
    c.add_argument("--supervisors", type=int, default=40)
    c.add_argument("--database-url", default=None, help="a SQLAlchemy URL (default: a temporary SQLite file)")
    c.set_defaults(func=cmd_bench_cohort)


def cmd_bench_cohort(ctx: Context) -> int:
    import importlib
    import sys
    from pathlib import Path

    from btdesk.errors import BtdeskError

    a = ctx.args
    if a.doctors < 1 or a.supervisors < 1:
        raise BtdeskError("The benchmark needs at least one doctor and one supervisor.")
    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:  # bench/ lives beside the package in a source checkout
        sys.path.insert(0, str(root))
    try:
        mod = importlib.import_module("bench.cohort")
    except ModuleNotFoundError:
        raise BtdeskError("The cohort benchmark needs a source checkout (bench/cohort.py).") from None
    mod.run(a.doctors, a.supervisors, a.database_url)
    return 0
