"""`btdesk bench`: benchmarks. The core may not import Qt, so each measures child processes."""
from __future__ import annotations

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError


def register(sub) -> None:
    """`bench` has one sub-command per benchmark; other modules add theirs (bundle, dossier,
    cohort), so join the command when one of them made it first."""
    parser = sub.choices.get("bench")
    if parser is None:
        parser = sub.add_parser("bench", help="benchmarks")
        actions = parser.add_subparsers(metavar="WHAT", required=True)
    else:
        actions = parser._subparsers._group_actions[0]  # argparse keeps the sub-action only here
    b = actions.add_parser("startup", help="the window's cold start against a bare PySide6 window")
    b.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    b.set_defaults(func=cmd_bench, bench_action="startup")


def _load_bench(name: str):
    """bench/ ships with the source, not the installed package: load it by path."""
    import importlib.util

    from btdesk.resources import resource_root

    path = resource_root().parent / "bench" / f"{name}.py"
    if not path.exists():
        raise BtdeskError(f"The {name} benchmark is not part of this installation; run it from a source checkout.")
    spec = importlib.util.spec_from_file_location(f"btdesk_bench_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cmd_bench(ctx: Context) -> int:
    if ctx.args.runs < 1:
        raise BtdeskError("--runs must be at least 1.")
    _load_bench(ctx.args.bench_action).run(ctx.args.runs)
    return 0
