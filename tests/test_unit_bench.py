"""The cohort benchmark runs end to end on a tiny cohort and reports every figure."""
from __future__ import annotations

import argparse
import json
import sys
import zipfile

import pytest

from conftest import ROOT

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


def test_bench_cohort_small(capsys, tmp_path):
    sys.path.insert(0, str(ROOT))
    from bench.cohort import run

    r = run(doctors=4, n_supervisors=3, cache=tmp_path)
    # every bundle imported through unit import; signatures: 4 manifests + 18 assessments each
    assert r["bundles"] == r["doctors"] == r["overview_rows"] == 4 and r["signatures"] == 4 * (1 + 18)
    # what the unit's store holds afterwards, counted from the bundle files themselves: every record
    # the doctors sent (by id) is there, once
    ids = set()
    for b in tmp_path.rglob("*.btbundle"):
        with zipfile.ZipFile(b) as z:
            ids |= {json.loads(line)["record"]["id"] for line in z.read("records.jsonl").splitlines()}
    assert ids and r["stored_records"] == len(ids)
    assert r["records"] >= len(ids)
    assert "Cohort overview of 4 doctors" in capsys.readouterr().out
    # a quick run while changing the code: the first two of the same cached cohort's bundles
    quick = run(doctors=4, n_supervisors=3, cache=tmp_path, bundles=2)
    assert quick["fixture_built_s"] is None  # the cohort made above, not a new one
    assert quick["bundles"] == quick["overview_rows"] == 2 and quick["signatures"] == 2 * (1 + 18)
    assert "2 bundles from the first 2 of 4 doctors" in capsys.readouterr().out


def test_bench_cohort_command_parses_its_options():
    from btdesk.cli import bench_cmds

    parser = argparse.ArgumentParser()
    bench_cmds.register(parser.add_subparsers())
    args = parser.parse_args(["bench", "cohort", "--doctors", "5"])
    assert args.func is bench_cmds.cmd_cohort and args.doctors == 5 and args.supervisors == 40
    assert args.bundles is None and parser.parse_args(["bench", "cohort", "--bundles", "7"]).bundles == 7


def test_bench_refuses_a_count_below_one():
    from conftest import run_cli

    r = run_cli("bench", "cohort", "--doctors", "0")
    assert r.returncode == 1 and "--doctors must be at least 1" in r.stderr
    r = run_cli("bench", "cohort", "--bundles", "0")
    assert r.returncode == 1 and "--bundles must be at least 1" in r.stderr
    r = run_cli("bench", "cohort", "--runs", "2", "--database-url", "postgresql://nowhere/x")
    assert r.returncode == 1 and "--runs above 1 needs a new empty database for each run" in r.stderr, r.stderr


def test_bench_cohort_reports_the_median_of_runs_in_fresh_processes(tmp_path):
    import re

    from conftest import run_cli

    r = run_cli("bench", "cohort", "--doctors", "3", "--supervisors", "2", "--runs", "3", "--cache", str(tmp_path),
                timeout=300)
    assert r.returncode == 0, r.stderr
    runs = [float(x) for x in re.findall(r"^run \d of 3: [\d.]+ s, ([\d.]+)× the baseline$", r.stdout, re.M)]
    assert len(runs) == 3, r.stdout
    [reported] = [float(x) for x in re.findall(r"([\d.]+)× the baseline \(goal", r.stdout)]
    assert reported == sorted(runs)[1], r.stdout
    listed = re.search(r"The 3 runs, each in a fresh process with its own baseline: (.*); the run", r.stdout)
    assert listed and [float(x.rstrip("×")) for x in listed.group(1).split(", ")] == runs, r.stdout
