"""Bundles imported in any order give the same portfolio (a hypothesis property test)."""
from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from btdesk import identity as idn
from btdesk.services.exchange import Recipient, export_bundle
from btdesk.services.exchange_import import import_bundle
from btdesk.services.portfolio import Portfolio
from exchange_world import PASS, activity, assessment, clone_db, heads, make_world


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """Three bundles from the doctor's laptop with edits between, and one from her second laptop
    that edited the same version differently (a conflict); the unit is the reader."""
    tmp = tmp_path_factory.mktemp("order")
    w = make_world(tmp)
    unit = Recipient(w.unit.profile.fingerprint, w.unit.profile.name)
    a = activity(w.doc, "ALS")
    b = activity(w.doc, "Sepsis")
    bundles = [export_bundle(w.doc, tmp / "1.btbundle", passphrase=PASS).path]
    # the second laptop starts from here and edits "ALS" its own way
    laptop = tmp / "laptop"
    idn.export_identity(w.doc.home, tmp / "id.btid", lambda _: PASS)
    idn.import_identity(laptop, tmp / "id.btid", lambda _: PASS)
    clone_db(w.doc, laptop)
    with Portfolio.open(laptop) as other:
        activity(other, "ALS (laptop)", a.id)
        activity(other, "Ny på laptop")
        bundles.append(export_bundle(other, tmp / "L.btbundle", recipient=unit, passphrase=PASS).path)
    activity(w.doc, "ALS-kurs", a.id)
    assessment(w.sup, w.doc)
    import_bundle(w.doc, export_bundle(w.sup, tmp / "sup.btbundle", passphrase=PASS).path)
    bundles.append(export_bundle(w.doc, tmp / "2.btbundle", passphrase=PASS).path)
    w.doc.delete(b.id)
    activity(w.doc, "ALS-kurs, dag 2", a.id)
    bundles.append(export_bundle(w.doc, tmp / "3.btbundle", passphrase=PASS).path)
    template = tmp / "unit-template"
    w.unit.close()
    shutil.copytree(w.unit.home, template, ignore=shutil.ignore_patterns("*.lock", "lock"))
    w.doc.close()
    w.sup.close()
    return template, bundles, tmp


def portfolio_after(scene, order, target: Path) -> tuple[set, set]:
    template, bundles, _ = scene
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target)
    with Portfolio.open(target) as p:
        for i in order:
            import_bundle(p, bundles[i])
        return heads(p), set(p.conflicts())


def test_in_order_import_shows_the_conflict(scene):
    got, conflicts = portfolio_after(scene, [0, 1, 2, 3], scene[2] / "in-order")
    assert len(conflicts) == 1 and len(got) == 4  # ALS, Sepsis (withdrawn), laptop entry, assessment


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations([0, 1, 2, 3]), also_twice=st.integers(0, 3))
def test_any_order_gives_the_same_portfolio(scene, order, also_twice):
    expected = portfolio_after(scene, [0, 1, 2, 3], scene[2] / "expected")
    got = portfolio_after(scene, list(order) + [also_twice], scene[2] / "permuted")
    assert got == expected


def test_every_order_exhaustively(scene):
    results = {frozenset(portfolio_after(scene, list(o),
                                         scene[2] / "all")[0]) for o in itertools.permutations(range(4))}
    assert len(results) == 1
