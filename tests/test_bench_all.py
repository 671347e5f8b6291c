"""`btdesk bench all --quick` runs the four benchmarks through the real command and writes one
JSON file in which every benchmark carries a baseline from the same run (no timing asserted:
small sizes on a shared machine say nothing about speed)."""
from __future__ import annotations

import json

from conftest import run_cli


def _baselines(result: dict) -> list[dict]:
    """Every baseline in a benchmark's entry (the dossier has one per portfolio size)."""
    if "baseline" in result:
        return [result["baseline"]]
    return [r["baseline"] for r in result.values() if isinstance(r, dict) and "baseline" in r]


def test_bench_all_writes_every_figure_with_its_baseline(tmp_path):
    out = tmp_path / "bench.json"
    r = run_cli("bench", "all", "--quick", "--out", str(out), "--cache", str(tmp_path / "cache"),
                env={"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "btdesk-bench/1" and data["quick"] is True
    assert set(data["benchmarks"]) == {"startup", "bundle", "dossier", "cohort"}
    assert data["machine"]["cpus"] >= 1
    for name, result in data["benchmarks"].items():
        baselines = _baselines(result)
        assert baselines, f"{name} has no baseline"
        for b in baselines:
            assert b["what"] and any(isinstance(v, (int, float)) and v > 0 for v in b.values()), (name, b)
    bench = data["benchmarks"]
    assert bench["startup"]["data_ratio"] > 0 and bench["startup"]["baseline"]["ms"] > 0
    assert bench["bundle"]["ratio"] > 0 and bench["bundle"]["imported_new"] == bench["bundle"]["records"]
    bundle_said = r.stdout.split("== bundle")[1].split("== dossier")[0]  # each benchmark's figures on screen too
    assert f"imported_new     {bench['bundle']['imported_new']}" in bundle_said, bundle_said
    assert bench["dossier"]["quick"]["pages"] >= 1 and bench["dossier"]["quick"]["ratio"] > 0
    cohort = bench["cohort"]
    assert cohort["bundles"] == cohort["doctors"] == 3 and cohort["records_per_s"] > 0
    assert cohort["peak_rss_mb"] > 0 and cohort["ratio"] > 0
