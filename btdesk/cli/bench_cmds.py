"""`btdesk bench startup|bundle|dossier|cohort`: the benchmarks, each measured against a
baseline taken in the same run. The measuring code lives in bench/ beside the package (it
ships with the source, not the installed app), and the core may not import Qt, so startup
measures child processes."""
from __future__ import annotations

from pathlib import Path

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError


def register(sub) -> None:
    actions = sub.add_parser("bench", help="benchmarks").add_subparsers(metavar="WHAT", required=True)
    b = actions.add_parser("startup", help="the window's cold start against a bare PySide6 window")
    b.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    b.set_defaults(func=cmd_startup)
    b = actions.add_parser("bundle", help="export and import a full-year portfolio: times and crypto ratio")
    b.add_argument("--entries", type=int, default=600)
    b.set_defaults(func=cmd_bundle)
    actions.add_parser("dossier", help="a full-year dossier: time and pages/s").set_defaults(func=cmd_dossier)
    b = actions.add_parser("cohort", help="btdesk unit import of a 300-doctor cohort's bundles against "
                                          "verifying their signatures alone")
    b.add_argument("--doctors", type=int, default=300)
    b.add_argument("--supervisors", type=int, default=40)
    b.add_argument("--database-url", default=None,
                   help="an empty database's SQLAlchemy URL (default: the unit's own SQLite file)")
    b.add_argument("--cache", type=Path, default=None,
                   help="where the generated bundles are kept between runs (default: ~/.cache/btdesk-bench)")
    b.add_argument("--profile", type=Path, default=None, help="write a cProfile of the import to this file")
    b.set_defaults(func=cmd_cohort)


def load_bench(name: str):
    """bench/<name>.py from the source checkout this btdesk runs from."""
    import importlib
    import sys

    from btdesk.resources import resource_root

    root = resource_root().parent
    if not (root / "bench" / f"{name}.py").exists():
        raise BtdeskError(f"The {name} benchmark is not part of this installation; run it from a source checkout.")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"bench.{name}")


def _at_least_one(**counts: int) -> None:
    for name, n in counts.items():
        if n < 1:
            raise BtdeskError(f"--{name.replace('_', '-')} must be at least 1.")


def cmd_startup(ctx: Context) -> int:
    _at_least_one(runs=ctx.args.runs)
    load_bench("startup").run(ctx.args.runs)
    return 0


def cmd_bundle(ctx: Context) -> int:
    _at_least_one(entries=ctx.args.entries)
    for k, v in load_bench("bundle").run(entries=ctx.args.entries).items():
        print(f"{k:<28} {v}")
    return 0


def cmd_dossier(ctx: Context) -> int:
    load_bench("dossier").run()
    return 0


def cmd_cohort(ctx: Context) -> int:
    a = ctx.args
    _at_least_one(doctors=a.doctors, supervisors=a.supervisors)
    load_bench("cohort").run(a.doctors, a.supervisors, a.database_url, cache=a.cache, profile=a.profile)
    return 0
