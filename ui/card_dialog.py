"""Inställningar → Identitet → Använd kort: list the cards and certificates, test-sign, choose.

The dialog only calls btdesk.services.token_identity and btdesk.identity.token; the PIN is read
from the field for one action and never kept by the dialog.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from btdesk.identity.token import TokenCert
    from btdesk.services.portfolio import Portfolio


class CardDialog(QDialog):
    def __init__(self, parent: object, portfolio: Portfolio) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.portfolio = portfolio
        self.certs: list[TokenCert] = []
        self.setWindowTitle(self.tr("Använd kort"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Signera med ditt e-tjänstekort (SITHS) eller annat kort via PKCS#11. "
                                     "Nyckeln lämnar aldrig kortet.")))
        row = QHBoxLayout()
        self.module = QLineEdit()
        self.module.setPlaceholderText(self.tr("Kortprogrammets bibliotek (Net iD eller OpenSC)"))
        self.search_button = QPushButton(self.tr("Sök kort"))
        self.search_button.clicked.connect(self.refresh)
        row.addWidget(self.module, 1)
        row.addWidget(self.search_button)
        lay.addLayout(row)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Kort"), self.tr("Certifikat"), self.tr("Namn"),
                                              self.tr("Användning"), self.tr("Utfärdare")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        lay.addWidget(self.table)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN-kod för kortet"))
        self.pss = QCheckBox(self.tr("RSA-PSS i stället för PKCS#1 v1.5 (RSA-nycklar)"))
        lay.addWidget(self.pin)
        lay.addWidget(self.pss)
        buttons = QHBoxLayout()
        self.test = QPushButton(self.tr("Testsignera"))
        self.test.clicked.connect(self.test_sign)
        self.use = QPushButton(self.tr("Använd kortet"))
        self.use.clicked.connect(self.use_card)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.reject)
        for b in (self.test, self.use, close):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self._prefill()

    def _prefill(self) -> None:
        from btdesk.identity.token_modules import find_module

        found = find_module()
        if found:
            self.module.setText(found[1])
            self.refresh()
        else:
            self.status.setText(self.tr("Inget kortprogram hittades; ange sökvägen till dess PKCS#11-bibliotek."))

    def refresh(self) -> None:
        from btdesk.errors import BtdeskError
        from btdesk.identity.hsa import name_with_hsa
        from btdesk.identity.names import common_name
        from btdesk.identity.token import choose
        from btdesk.services.token_identity import list_certificates

        try:
            _, self.certs = list_certificates(self.module.text().strip() or None)
        except BtdeskError as e:
            self.certs = []
            self.status.setText(str(e))
        self.table.setRowCount(len(self.certs))
        for i, c in enumerate(self.certs):
            cells = (c.token_label, c.label, name_with_hsa(c.cert, common_name(c.cert.subject)), c.usage or "–",
                     common_name(c.cert.issuer))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if self.certs:
            try:
                self.table.selectRow(self.certs.index(choose(self.certs)))
            except BtdeskError:
                self.table.selectRow(0)
            self.status.setText(self.tr("%1 certifikat hittades.").replace("%1", str(len(self.certs))))

    def chosen(self) -> TokenCert | None:
        rows = self.table.selectionModel().selectedRows()
        return self.certs[rows[0].row()] if rows and self.certs else None

    def _pin_once(self) -> str:
        pin = self.pin.text()
        self.pin.clear()  # one PIN, one action: the field never keeps it
        return pin

    def test_sign(self) -> bool:
        from cryptography.exceptions import InvalidSignature

        from btdesk.errors import BtdeskError
        from btdesk.identity.signer import signature_algorithm, verify_raw
        from btdesk.identity.token import open_signer

        c = self.chosen()
        if c is None:
            self.status.setText(self.tr("Välj ett certifikat först."))
            return False
        pin = self._pin_once()
        try:
            signer = open_signer(c, lambda _prompt: pin, pss=self.pss.isChecked())
            probe = b"btdesk test signature"
            verify_raw(c.cert.public_key(), signature_algorithm(signer.key_type, "sha256"), "sha256",
                       signer.sign(probe, "sha256"), probe)
        except BtdeskError as e:
            self.status.setText(str(e))
            return False
        except (InvalidSignature, ValueError):
            self.status.setText(self.tr("Kortets nyckel hör inte till certifikatet."))
            return False
        self.status.setText(self.tr("Testsignaturen godkändes (%1).").replace("%1", signer.key_type))
        return True

    def use_card(self) -> bool:
        from btdesk.errors import BtdeskError
        from btdesk.services.token_identity import use_token

        c = self.chosen()
        if c is None:
            self.status.setText(self.tr("Välj ett certifikat först."))
            return False
        pin = self._pin_once()
        try:
            card = use_token(self.portfolio, lambda _prompt: pin, module=c.module, slot=c.slot, label=c.label,
                             pss=self.pss.isChecked())
        except BtdeskError as e:
            self.status.setText(str(e))
            return False
        who = f"{card.name} (HSA-id {card.hsa_id})" if card.hsa_id else card.name
        self.status.setText(self.tr("Kortet används nu för dina underskrifter: %1.").replace("%1", who))
        return True
