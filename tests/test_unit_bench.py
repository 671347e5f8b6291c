"""The cohort benchmark runs end to end on a tiny cohort and reports every figure."""
from __future__ import annotations

import argparse
import sys

from conftest import ROOT


def test_bench_cohort_small(capsys):
    sys.path.insert(0, str(ROOT))
    from bench.cohort import run

    r = run(doctors=4, n_supervisors=3)
    assert r["doctors"] == r["overview_rows"] == 4 and r["signatures"] == 4 * 18
    assert r["records_per_s"] > 0 and r["import_to_verify_ratio"] >= 1 and r["peak_rss_mb"] > 0
    assert "Cohort overview of 4 doctors" in capsys.readouterr().out


def test_bench_cohort_command_joins_an_existing_bench_command():
    from btdesk.cli import bench_cohort_cmds

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    bench_cohort_cmds.register(sub)
    bench_cohort_cmds.register(argparse.ArgumentParser().add_subparsers())  # makes its own
    args = parser.parse_args(["bench", "cohort", "--doctors", "5"])
    assert args.func is bench_cohort_cmds.cmd_bench_cohort and args.doctors == 5 and args.supervisors == 40
