"""Bulk insertion (bundle import) gives the same heads and conflicts as inserting one by one,
whatever the order — the store's promise that bundles can arrive in any order."""
from __future__ import annotations

import os
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from btdesk.canonical import record_hash
from btdesk.services.portfolio import Portfolio
from btdesk.store import records as rec
from btdesk.store.models import RecordHead


def _history(seed: int) -> list[dict]:
    """A few records, each a chain of edits with an occasional fork (two machines) and tombstone."""
    rng = random.Random(seed)
    out = []
    for n in range(rng.randint(1, 5)):
        rid = f"00000000-0000-4000-8000-{n:012d}"
        tips = [None]
        for version in range(1, rng.randint(2, 6)):
            parent = rng.choice(tips)
            w = {"id": rid, "kind": "activity", "version": version if parent is None else version,
                 "prev": parent, "author": "a" * 64, "author_name": "A", "created": "2027-01-01T00:00:00Z",
                 "updated": f"2027-01-0{version}T00:00:00Z", "deleted": rng.random() < 0.1,
                 "body": {"title": f"{rid[-2:]} v{version} {rng.random():.3f}"}}
            h = record_hash(w)
            out.append(w)
            if rng.random() < 0.3:
                tips.append(h)  # a fork: a later version may build on either
            else:
                tips = [h]
    return out


def _heads(p: Portfolio) -> set[tuple]:
    with p.transaction() as s:
        return {(h.record_id, h.vid and s.get(rec.RecordVersion, h.vid).hash, h.conflict, h.deleted)
                for h in s.scalars(select(RecordHead))}


def _fresh(tmp_path, name: str) -> Portfolio:
    return Portfolio.create(tmp_path / name, name="X Y", role="supervisor",
                            passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), order=st.randoms(use_true_random=False), chunk=st.integers(1, 7))
def test_bulk_equals_one_by_one_in_any_order(tmp_path_factory, seed, order, chunk):
    tmp = tmp_path_factory.mktemp("bulk")
    wires = _history(seed)
    one, bulk = _fresh(tmp, "one"), _fresh(tmp, "bulk")
    try:
        with one.transaction() as s:
            for w in wires:
                rec.insert_version(s, w, origin="x")
        shuffled = wires[:]
        order.shuffle(shuffled)
        with bulk.transaction() as s:
            got = rec.insert_versions(s, [(w, None) for w in shuffled + shuffled[:2]], origin="x", chunk=chunk)
        assert sum(g.new for g in got) == len({record_hash(w) for w in wires})
        assert _heads(one) == _heads(bulk)
    finally:
        one.close()
        bulk.close()


def test_a_signer_seen_again_is_updated_and_keeps_when_first_seen(tmp_path, monkeypatch):
    """remember_peers inserts a new signer and updates a known one in one upsert; first_seen stays."""
    from types import SimpleNamespace

    from btdesk.services import exchange_trust
    from btdesk.store.exchange_models import Peer

    p = _fresh(tmp_path, "p")
    try:
        def signer(name, status, fp="c" * 64):
            return SimpleNamespace(fingerprint=fp, signer_name=name, role="supervisor", cert_pem="PEM " + name,
                                   status=status)
        monkeypatch.setattr(exchange_trust, "now_iso", lambda: "2027-01-01T00:00:00Z")
        with p.transaction() as s:
            exchange_trust.remember_peers(s, [signer("Erik", "unconfirmed"), signer("Me", "verified", "d" * 64)],
                                          me="d" * 64)
        monkeypatch.setattr(exchange_trust, "now_iso", lambda: "2027-02-01T00:00:00Z")
        with p.transaction() as s:
            exchange_trust.remember_peers(s, [signer("Erik", "unconfirmed"), signer("Erik Berg", "verified"),
                                              signer("Anna", "verified", "e" * 64)], me="d" * 64)
        with p.transaction() as s:
            rows = {r.fingerprint: (r.name, r.cert_pem, r.trust, r.first_seen, r.last_seen)
                    for r in s.scalars(select(Peer))}
        assert rows == {"c" * 64: ("Erik Berg", "PEM Erik Berg", "verified", "2027-01-01T00:00:00Z",
                                   "2027-02-01T00:00:00Z"),
                        "e" * 64: ("Anna", "PEM Anna", "verified", "2027-02-01T00:00:00Z", "2027-02-01T00:00:00Z")}
    finally:
        p.close()
