"""The sync folder and the exchange commands, as a user runs them."""
from __future__ import annotations

import pytest

from btdesk.services.sync import RECIPIENT_KEY, sync
from conftest import run_cli
from exchange_world import PASS, activity, dump, make_world

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


@pytest.fixture
def w(tmp_path):
    world = make_world(tmp_path)
    yield world
    world.close()


def test_sync_sends_receives_and_sorts_the_inbox(w, tmp_path):
    folder = tmp_path / "share"
    w.doc.set_setting(RECIPIENT_KEY, w.unit.profile.fingerprint)
    activity(w.doc, "ALS")
    s1 = sync(w.doc, folder, passphrase=PASS)
    assert len(s1.written) == 1 and s1.written[0].recipient == w.unit.profile.fingerprint
    out = s1.written[0].path
    assert out.parent == folder / "outbox"
    # the unit's inbox: the doctor's bundle, a damaged copy, and the same bundle again
    inbox = tmp_path / "unitshare" / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "a.btbundle").write_bytes(out.read_bytes())
    (inbox / "b.btbundle").write_bytes(out.read_bytes()[:-40])
    (inbox / "c.btbundle").write_bytes(out.read_bytes())
    (inbox / ".partial.btbundle").write_bytes(b"still copying")
    s2 = sync(w.unit, tmp_path / "unitshare", passphrase=PASS)
    assert [r.file_name for r in s2.imported] == ["a.btbundle"] and s2.already == ["c.btbundle"]
    assert [n for n, _ in s2.rejected] == ["b.btbundle"]
    why = (inbox / "rejected" / "b.btbundle.why.txt").read_text().strip()
    assert why.endswith(".") and "\n" not in why and "damaged" in why
    assert sorted(f.name for f in (inbox / "done").iterdir()) == ["a.btbundle", "c.btbundle"]
    assert (inbox / ".partial.btbundle").exists()
    assert "1 refused" in s2.message
    # the folder is remembered; nothing new means no new bundle
    before = dump(w.unit)
    s3 = sync(w.unit, passphrase=PASS)
    assert s3.folder == (tmp_path / "unitshare").resolve() and not s3.imported and dump(w.unit) == before


def test_cli_export_verify_import_and_trust_confirm(w, tmp_path):
    from btdesk.services.exchange_import import import_bundle
    from exchange_world import assessment

    assessment(w.sup, w.doc)
    w.sup.close()
    r = run_cli("export", "--to", str(tmp_path / "s.btbundle"), home=w.sup.home)
    assert r.returncode == 0, r.stderr
    assert "Wrote bundle 1 for anyone with 1 record versions" in r.stdout
    w.doc.close()
    r = run_cli("verify", str(tmp_path / "s.btbundle"), home=w.doc.home)
    assert r.returncode == 0 and "self-signed and not yet confirmed" in r.stdout and "can be imported" in r.stdout
    r = run_cli("import", str(tmp_path / "s.btbundle"), home=w.doc.home)
    assert r.returncode == 0 and "Imported 1 new of 1" in r.stdout and "trust confirm" in r.stdout
    r = run_cli("import", str(tmp_path / "s.btbundle"), home=w.doc.home)
    assert "already imported" in r.stdout
    (tmp_path / "bad.btbundle").write_text("no")
    r = run_cli("import", str(tmp_path / "bad.btbundle"), home=w.doc.home)
    assert r.returncode == 1 and "not a ZIP file" in r.stderr
    fp = None
    r = run_cli("trust", "list", home=w.doc.home)
    assert "Dr Erik Berg" in r.stdout and "unconfirmed" in r.stdout
    fp = next(line.split()[1] for line in r.stdout.splitlines() if "Dr Erik Berg" in line)
    r = run_cli("trust", "confirm", fp, home=w.doc.home)
    assert r.returncode == 0 and "1 of their records are now marked confirmed by you" in r.stdout
    r = run_cli("identity", "show", home=w.doc.home)
    assert "issued by Region Stockholm BT-enheten" in r.stdout
    # reopen for the fixture's teardown
    from btdesk.services.portfolio import Portfolio
    w.doc, w.sup = Portfolio.open(w.doc.home), Portfolio.open(w.sup.home)
    assert import_bundle(w.doc, tmp_path / "s.btbundle").already


def test_cli_export_to_a_named_recipient(w, tmp_path):
    w.doc.close()
    r = run_cli("export", "--to", str(tmp_path / "u.btbundle"), "--recipient", "Region Stockholm BT-enheten",
                home=w.doc.home)
    assert r.returncode == 0, r.stderr
    r = run_cli("export", "--to", str(tmp_path / "n.btbundle"), "--recipient", "Nobody", home=w.doc.home)
    assert r.returncode == 1 and "Nobody called “Nobody” is known here" in r.stderr
    from btdesk.services.portfolio import Portfolio
    w.doc = Portfolio.open(w.doc.home)


def test_sync_button_runs_sync_and_shows_what_happened(w, tmp_path, qtbot):
    from ui.sync_button import SyncButton

    activity(w.doc, "ALS")
    b = SyncButton(w.doc, passphrase=PASS)
    qtbot.addWidget(b)
    b.button.click()
    assert "Ingen synkmapp" in b.status.text()
    w.doc.set_setting("sync.folder", str(tmp_path / "share"))
    b.button.click()
    qtbot.waitUntil(lambda: b.last_summary is not None, timeout=20000)
    assert b.status.text().startswith("Synkat med") and "skickat 1" in b.status.text()
    assert b.button.isEnabled()
