"""Shared people for the exchange tests: a BT unit (CA), a doctor it certified, a self-signed supervisor."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from btdesk import identity as idn
from btdesk.services.portfolio import Portfolio

PASS = os.environ.get("BTDESK_PASSPHRASE", "correct horse battery staple")


def create(home: Path, name: str, role: str) -> Portfolio:
    return Portfolio.create(home, name=name, role=role, programme_id="stockholm", passphrase=lambda _: PASS)


@dataclass
class World:
    tmp: Path
    unit: Portfolio
    doc: Portfolio
    sup: Portfolio

    def close(self):
        for p in (self.unit, self.doc, self.sup):
            p.close()


def make_world(tmp: Path) -> World:
    unit = create(tmp / "unit", "Region Stockholm BT-enheten", "unit")
    idn.ca_init(unit.home, PASS)
    doc = create(tmp / "doc", "Amira Haddad", "doctor")
    idn.install_cert(doc.home, idn.ca_issue(unit.home, idn.make_csr(doc.home, PASS), PASS), trust_root=True)
    sup = create(tmp / "sup", "Dr Erik Berg", "supervisor")
    return World(tmp, unit, doc, sup)


def activity(p: Portfolio, title: str, record_id: str | None = None):
    body = {"type": "course", "title": title, "date": "2027-02-01", "hours": 8, "delmal": ["BT1"],
            "placement": None, "notes": ""}
    return p.put("activity", body, record_id)


def assessment(sup: Portfolio, doc: Portfolio):
    signer = idn.load_signer(sup.home, PASS)
    body = {"instrument": "mini_cex", "placement": None, "delmal": ["BT1", "BT9"], "date": "2027-02-10",
            "doctor": doc.profile.name, "doctor_fingerprint": doc.profile.fingerprint}
    return sup.put("assessment", body, sign=signer.sign)


def dump(p: Portfolio) -> list[tuple]:
    """Everything import may change, for 'the store is unchanged' assertions."""
    con = sqlite3.connect(p.home / "portfolio.sqlite")
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("record_versions", "record_heads", "bundles_received", "record_trust", "peers",
                          "attachments")]
    finally:
        con.close()


def heads(p: Portfolio) -> set[tuple]:
    return {(r.id, r.hash, r.conflict) for r in p.records(include_deleted=True, everyone=True, uncounted=True)}


def clone_db(src: Portfolio, dst_home: Path) -> None:
    """A consistent copy of an open portfolio's database (the WAL included)."""
    a = sqlite3.connect(src.home / "portfolio.sqlite")
    b = sqlite3.connect(Path(dst_home) / "portfolio.sqlite")
    try:
        a.backup(b)
    finally:
        b.close()
        a.close()
