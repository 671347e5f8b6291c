"""Mutation fuzzing of a .btbundle: each mutation is refused in one sentence or read back
byte-identical (test_bundle_format and bench/fuzz_bundle.py run it)."""
from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING

from btdesk.bundle import BundleError, read_bundle

if TYPE_CHECKING:
    from test_bundle_format import World


def content(p) -> tuple:
    return (p.manifest_bytes, [ln.wire() for ln in p.lines], sorted(p.attachments.items()))


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    r = rng.random()
    if r < 0.15:
        return bytes(b[: rng.randrange(len(b))])
    if r < 0.2:  # a run of garbage
        i = rng.randrange(len(b))
        b[i : i + 8] = rng.randbytes(8)
        return bytes(b)
    for _ in range(rng.choice((1, 1, 1, 2, 4))):
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def fuzz(w: World, cases: int, seed: int) -> dict[str, int]:
    """Every mutation must be refused with a BundleError, or read back byte-identical."""
    original = content(read_bundle(w.bundle, w.trust))
    data = w.bundle.read_bytes()
    rng = random.Random(seed)
    target = w.tmp / "fuzz.btbundle"
    counts: dict[str, int] = {}
    for _ in range(cases):
        target.write_bytes(mutate(data, rng))
        try:
            parsed = read_bundle(target, w.trust)
        except BundleError as e:
            key = re.sub(r"“[^”]*”", "“…”", re.sub(r"\d+", "N", str(e)))[:90]  # group by message kind
            counts[key] = counts.get(key, 0) + 1
            continue
        assert content(parsed) == original, "a mutated bundle was accepted with different content"
        counts["accepted, identical content"] = counts.get("accepted, identical content", 0) + 1
    return counts
