"""Inställningar → Uppgifter för intyg: the applicant's details and the signers' specialty,
workplace and personnummer, as the certificates ask for them. Kept on this computer only.

Everything is checked before anything is saved: a wrong personnummer saves nothing.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

APPLICANT = (("surname", "Efternamn"), ("given_name", "Förnamn"), ("personnummer", "Personnummer"),
             ("address", "Utdelningsadress"), ("postcode", "Postnummer"), ("city", "Postort"),
             ("phone_private", "Telefon privat"), ("email", "E-postadress"), ("workplace", "Arbetsplats"),
             ("phone_work", "Telefon arbetet"), ("degree_country", "Läkarexamen, land"),
             ("degree_date", "Läkarexamen, datum (ÅÅÅÅ-MM-DD)"))
ATTACHMENTS = ("Delmål i bastjänstgöringen", "Fullgjord bastjänstgöring", "Uppnådd baskompetens",
               "Tjänstgöring före legitimation", "Utländsk tjänstgöring")
ROLES = (("", ""), ("huvudhandledare", "Huvudhandledare"), ("extern_bedomare", "Extern bedömare"),
         ("verksamhetschef", "Verksamhetschef"))
SIGNER_COLUMNS = ("Namn", "Roll", "Specialitet", "Tjänsteställe", "Personnummer")


def shown(label: str) -> str:
    """A field of Socialstyrelsen's forms in the window's language (the forms themselves stay Swedish)."""
    from PySide6.QtCore import QCoreApplication as T

    names = {  # literal calls, so that pyside6-lupdate finds them
        "Efternamn": T.translate("CertificateFields", "Efternamn"),
        "Förnamn": T.translate("CertificateFields", "Förnamn"),
        "Personnummer": T.translate("CertificateFields", "Personnummer"),
        "Utdelningsadress": T.translate("CertificateFields", "Utdelningsadress"),
        "Postnummer": T.translate("CertificateFields", "Postnummer"),
        "Postort": T.translate("CertificateFields", "Postort"),
        "Telefon privat": T.translate("CertificateFields", "Telefon privat"),
        "E-postadress": T.translate("CertificateFields", "E-postadress"),
        "Arbetsplats": T.translate("CertificateFields", "Arbetsplats"),
        "Telefon arbetet": T.translate("CertificateFields", "Telefon arbetet"),
        "Läkarexamen, land": T.translate("CertificateFields", "Läkarexamen, land"),
        "Läkarexamen, datum (ÅÅÅÅ-MM-DD)": T.translate("CertificateFields", "Läkarexamen, datum (ÅÅÅÅ-MM-DD)"),
        "Delmål i bastjänstgöringen": T.translate("CertificateFields", "Delmål i bastjänstgöringen"),
        "Fullgjord bastjänstgöring": T.translate("CertificateFields", "Fullgjord bastjänstgöring"),
        "Uppnådd baskompetens": T.translate("CertificateFields", "Uppnådd baskompetens"),
        "Tjänstgöring före legitimation": T.translate("CertificateFields", "Tjänstgöring före legitimation"),
        "Utländsk tjänstgöring": T.translate("CertificateFields", "Utländsk tjänstgöring"),
        "Huvudhandledare": T.translate("CertificateFields", "Huvudhandledare"),
        "Extern bedömare": T.translate("CertificateFields", "Extern bedömare"),
        "Verksamhetschef": T.translate("CertificateFields", "Verksamhetschef"),
        "Namn": T.translate("CertificateFields", "Namn"),
        "Roll": T.translate("CertificateFields", "Roll"),
        "Specialitet": T.translate("CertificateFields", "Specialitet"),
        "Tjänsteställe": T.translate("CertificateFields", "Tjänsteställe"),
    }
    return names.get(label, label)


class CertificateDetailsDialog(QDialog):
    def __init__(self, parent: Any, portfolio: Any) -> None:
        from btdesk.services.certificate_details import load

        super().__init__(parent)
        self.portfolio = portfolio
        self.setWindowTitle(self.tr("Uppgifter för intyg"))
        d = load(portfolio)
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Uppgifterna skrivs på intygen till Socialstyrelsen. De sparas bara på den här datorn "
                              "och följer aldrig med i en bunt."))
        note.setWordWrap(True)
        lay.addWidget(note)
        box = QGroupBox(self.tr("Sökande"))
        form = QFormLayout(box)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in APPLICANT:
            self.fields[key] = QLineEdit(str(getattr(d.applicant, key)))
            form.addRow(shown(label), self.fields[key])
        self.licences = []
        for i in range(3):
            country, day = d.applicant.licences[i] if i < len(d.applicant.licences) else ("", "")
            pair = (QLineEdit(country), QLineEdit(day))
            row = QHBoxLayout()
            row.addWidget(pair[0])
            row.addWidget(pair[1])
            form.addRow(self.tr("Legitimation %1 (land, datum)").replace("%1", str(i + 1)), row)
            self.licences.append(pair)
        self.numbers = [QLineEdit(n) for n in d.applicant.attachment_numbers]
        for label, edit in zip(ATTACHMENTS, self.numbers, strict=True):
            form.addRow(self.tr("Bilaga nr: %1").replace("%1", shown(label)), edit)
        lay.addWidget(box)
        lay.addWidget(self._signers(d))
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Spara"))
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        lay.addLayout(buttons)

    def _signers(self, d: Any) -> QGroupBox:
        box = QGroupBox(self.tr("Intygsutfärdare"))
        grid = QGridLayout(box)
        self.signers = QTableWidget(0, len(SIGNER_COLUMNS))
        self.signers.setHorizontalHeaderLabels([shown(c) for c in SIGNER_COLUMNS])
        roles = {n: r for r, n in d.roles}
        for s in d.signers:
            self.add_signer(s.name, roles.get(s.name, ""), s.specialty, s.workplace, s.personnummer)
        add = QPushButton(self.tr("Lägg till intygsutfärdare"))
        add.clicked.connect(lambda: self.add_signer("", "", "", "", ""))
        grid.addWidget(self.signers, 0, 0)
        grid.addWidget(add, 1, 0)
        return box

    def add_signer(self, name: str, role: str, specialty: str, workplace: str, pnr: str) -> None:
        r = self.signers.rowCount()
        self.signers.insertRow(r)
        for c, text in ((0, name), (2, specialty), (3, workplace), (4, pnr)):
            self.signers.setItem(r, c, QTableWidgetItem(text))
        combo = QComboBox()
        for key, label in ROLES:
            combo.addItem(shown(label) if label else label, key)
        combo.setCurrentIndex(max(0, [k for k, _ in ROLES].index(role) if role in dict(ROLES) else 0))
        self.signers.setCellWidget(r, 1, combo)

    def _cell(self, r: int, c: int) -> str:
        item = self.signers.item(r, c)
        return item.text().strip() if item is not None else ""

    def _role(self, r: int) -> str:
        combo = self.signers.cellWidget(r, 1)
        return str(combo.currentData()) if isinstance(combo, QComboBox) else ""

    def save(self) -> bool:
        """Check every value, then save them all; on a bad value nothing is saved."""
        from btdesk.errors import BtdeskError
        from btdesk.services import certificate_details as cd
        from btdesk.services.personnummer import normalize

        signers = [(self._cell(r, 0), self._role(r), self._cell(r, 2), self._cell(r, 3), self._cell(r, 4))
                   for r in range(self.signers.rowCount()) if self._cell(r, 0)]
        try:
            for *_, pnr in signers:
                normalize(pnr)
            normalize(self.fields["personnummer"].text())
            cd.set_applicant(self.portfolio, **{k: e.text() for k, e in self.fields.items()},
                             licences=[(c.text(), t.text()) for c, t in self.licences if c.text().strip()],
                             attachment_numbers=[e.text().strip() for e in self.numbers])
            for name, role, specialty, workplace, pnr in signers:
                cd.set_signer(self.portfolio, name, role=role or None, specialty=specialty, workplace=workplace,
                              personnummer=pnr)
        except BtdeskError as e:
            self.status.setText(str(e))
            return False
        self.status.setText(self.tr("Uppgifterna är sparade."))
        return True
