"""Mutation fuzzing of .btbundle reading: N random byte flips/truncations of a real bundle.

Every case must end in a BundleError (one sentence) or, where the flip hit ZIP metadata
btdesk does not use, in content byte-identical to the original. Anything else is a bug.

    .venv/bin/python bench/fuzz_bundle.py [--cases 10000] [--seed 1]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    import keyring

    from bundle_fuzz import fuzz
    from memkeyring import MemoryKeyring
    from test_bundle_format import make_world

    keyring.set_keyring(MemoryKeyring())  # never touch the real keyring
    with tempfile.TemporaryDirectory() as tmp:
        w = make_world(Path(tmp))
        print(f"bundle: {w.bundle.stat().st_size} bytes, {len(w.lines)} records (1 signed by its author), 1 attachment")
        t = time.perf_counter()
        counts = fuzz(w, args.cases, args.seed)
        dt = time.perf_counter() - t
    width = max(map(len, counts))
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<{width}}  {v:6d}")
    print(f"{args.cases} cases in {dt:.1f} s ({args.cases / dt:.0f}/s); no other exception, no altered content "
          "accepted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
