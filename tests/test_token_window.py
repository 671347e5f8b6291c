"""Inställningar → Identitet → Använd kort, with the real dialog and a SoftHSM2 card: it lists the
card's certificates, a wrong PIN is one sentence and changes nothing, a test signature is checked,
and choosing the card makes it the profile's identity."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from softhsm import PIN, SoftToken, make_token, softhsm_module

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="softhsm2 is not installed (Debian package softhsm2)")


@pytest.fixture(scope="session")
def card(tmp_path_factory) -> SoftToken:
    return make_token(tmp_path_factory.mktemp("softhsm"))


@pytest.fixture
def supervisor(home, card, monkeypatch):
    from btdesk.services.portfolio import Portfolio

    monkeypatch.setenv("BTDESK_PKCS11_MODULE", card.module)  # what the module table would find
    monkeypatch.delenv("BTDESK_PIN", raising=False)
    p = Portfolio.create(home, name="Sara Nilsson", role="supervisor", programme_id="stockholm",
                         passphrase=lambda _: os.environ["BTDESK_PASSPHRASE"])
    yield p
    p.close()


def _row(dlg, label: str) -> int:
    return next(i for i, c in enumerate(dlg.certs) if c.label == label)


def test_choose_a_card_in_the_window(qtbot, supervisor, card):
    from btdesk.identity.names import fingerprint
    from ui.card_dialog import CardDialog

    dlg = CardDialog(None, supervisor)
    qtbot.addWidget(dlg)
    assert dlg.module.text() == card.module
    assert sorted(c.label for c in dlg.certs) == ["p256", "p384", "rsa"]
    assert dlg.table.rowCount() == 3 and dlg.chosen() is not None
    assert "(HSA-id SE2321000016-1002)" in dlg.table.item(_row(dlg, "p256"), 2).text()

    before = sorted(p.name for p in (supervisor.home / "identity").iterdir())
    dlg.table.selectRow(_row(dlg, "p256"))
    qtbot.keyClicks(dlg.pin, "000000")
    qtbot.mouseClick(dlg.test, Qt.MouseButton.LeftButton)
    assert dlg.status.text().startswith("Fel PIN-kod") and dlg.pin.text() == ""
    qtbot.keyClicks(dlg.pin, "000000")
    qtbot.mouseClick(dlg.use, Qt.MouseButton.LeftButton)
    assert dlg.status.text().startswith("Fel PIN-kod")
    assert sorted(p.name for p in (supervisor.home / "identity").iterdir()) == before  # nothing written

    qtbot.keyClicks(dlg.pin, PIN)
    qtbot.mouseClick(dlg.test, Qt.MouseButton.LeftButton)
    assert dlg.status.text() == "Testsignaturen godkändes (ecdsa)."
    qtbot.keyClicks(dlg.pin, PIN)
    qtbot.mouseClick(dlg.use, Qt.MouseButton.LeftButton)
    assert "Sara Nilsson (HSA-id SE2321000016-1002)" in dlg.status.text()
    assert (supervisor.home / "identity" / "token.json").exists()
    assert supervisor.profile.fingerprint == fingerprint(card.certs["p256"])


def test_settings_menu_opens_the_card_dialog(qtbot, supervisor, monkeypatch):
    from ui import card_dialog
    from ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(card_dialog.CardDialog, "exec", lambda self: opened.append(self) or 0)
    w = MainWindow(supervisor.home, portfolio=supervisor)
    qtbot.addWidget(w)
    try:
        settings = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Inställningar")
        ident = next(a.menu() for a in settings.actions() if a.text() == "&Identitet")
        next(a for a in ident.actions() if a.text() == "Använd &kort …").trigger()
        assert len(opened) == 1 and opened[0].table.rowCount() == 3
    finally:
        w.portfolio = None
