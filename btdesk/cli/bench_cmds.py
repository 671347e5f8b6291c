"""`btdesk bench startup|bundle|dossier|cohort|all`: the benchmarks, each measured against a
baseline taken in the same run. The measuring code lives in bench/ beside the package (it
ships with the source, not the installed app), and the core may not import Qt, so startup
measures child processes."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from btdesk.cli.common import Context
from btdesk.errors import BtdeskError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.cli.common import Subcommands

CACHE_HELP = "where generated fixtures are kept between runs (default: ~/.cache/btdesk-bench)"


def register(sub: Subcommands) -> None:
    bench = sub.add_parser("bench", help="benchmarks for developers (in English)")
    actions = bench.add_subparsers(metavar="WHAT", required=True)
    b = actions.add_parser("startup", help="the window's cold start against a bare PySide6 window")
    b.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    b.set_defaults(func=cmd_startup)
    b = actions.add_parser("bundle", help="export and import a full-year portfolio: times and crypto ratio")
    b.add_argument("--entries", type=int, default=600)
    b.set_defaults(func=cmd_bundle)
    b = actions.add_parser("dossier", help="the dossier of a full year and of a large portfolio against "
                                           "plain platypus pages")
    b.add_argument("--size", choices=("year", "large", "quick"), action="append",
                   help="which portfolio (repeatable; default: both)")
    b.add_argument("--cache", type=Path, default=None, help=CACHE_HELP)
    b.set_defaults(func=cmd_dossier)
    b = actions.add_parser("cohort", help="btdesk unit import of a 300-doctor cohort's bundles against "
                                          "verifying their signatures alone")
    b.add_argument("--doctors", type=int, default=300)
    b.add_argument("--supervisors", type=int, default=40)
    b.add_argument("--bundles", type=int, default=None,
                   help="import only the first N of the cached cohort's bundles (quick runs while changing "
                        "the code; compare only runs of the same N)")
    b.add_argument("--database-url", default=None,
                   help="an empty database's SQLAlchemy URL (default: the unit's own SQLite file)")
    b.add_argument("--cache", type=Path, default=None, help=CACHE_HELP)
    b.add_argument("--profile", type=Path, default=None,
                   help="write a cProfile of the import to this file (one run: --runs 1)")
    b.add_argument("--runs", type=int, default=None,
                   help="runs, each in a fresh process; the median is reported (default: 3, and 1 with "
                        "--database-url or --profile)")
    b.set_defaults(func=cmd_cohort)
    b = actions.add_parser("all", help="all four benchmarks; every figure and its baseline in one JSON file")
    b.add_argument("--out", type=Path, default=Path("bench-results.json"), help="the JSON file to write")
    b.add_argument("--quick", action="store_true", help="small sizes: checks that everything runs")
    b.add_argument("--database-url", default=None, help="run the cohort import against this empty database")
    b.add_argument("--cache", type=Path, default=None, help=CACHE_HELP)
    b.set_defaults(func=cmd_all)


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py from the source checkout this btdesk runs from."""
    import importlib
    import sys

    from btdesk.resources import resource_root

    root = resource_root().parent
    if not (root / "bench" / f"{name}.py").exists():
        raise BtdeskError(_("Prestandatestet {name} ingår inte i den här installationen; kör det från en "
                            "källkodskopia.").format(name=name))
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"bench.{name}")


def _at_least_one(**counts: int) -> None:
    for name, n in counts.items():
        if n < 1:
            raise BtdeskError(_("--{value} ska vara minst 1.").format(value=name.replace('_', '-')))


def cmd_startup(ctx: Context) -> int:
    _at_least_one(runs=ctx.args.runs)
    load_bench("startup").run(ctx.args.runs)
    return 0


def cmd_bundle(ctx: Context) -> int:
    _at_least_one(entries=ctx.args.entries)
    bench = load_bench("bundle")
    bench.report(bench.run(entries=ctx.args.entries))
    return 0


def cmd_dossier(ctx: Context) -> int:
    load_bench("dossier").run(tuple(ctx.args.size or ("year", "large")), cache=ctx.args.cache)
    return 0


def cmd_cohort(ctx: Context) -> int:
    a = ctx.args
    runs = a.runs if a.runs is not None else 1 if a.database_url or a.profile else 3
    _at_least_one(doctors=a.doctors, supervisors=a.supervisors, runs=runs,
                  **({} if a.bundles is None else {"bundles": a.bundles}))
    if a.profile and runs > 1:
        raise BtdeskError(_("--profile profilerar en körning: ange --runs 1."))
    load_bench("cohort").run(a.doctors, a.supervisors, a.database_url, cache=a.cache, profile=a.profile,
                             bundles=a.bundles, runs=runs)
    return 0


def cmd_all(ctx: Context) -> int:
    a = ctx.args
    load_bench("run_all").run(a.out, quick=a.quick, cache=a.cache, database_url=a.database_url)
    return 0
