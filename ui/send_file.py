"""After a file is made for someone (a request, a response): say where it is, and offer to send
it — the mail client opened on a message to attach it to, and the file shown in the file manager
(a mailto: link cannot attach a file in every mail client, so the file is put in reach too)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def mailto_url(path: Path, subject: str, body: str) -> QUrl:
    # a mailto: link has no standard way to attach a file; attach= is a hint that most clients ignore
    return QUrl(f"mailto:?subject={quote(subject)}&body={quote(body)}&attach={quote(str(path))}")


def mail_and_reveal(path: Path, subject: str, body: str) -> None:
    QDesktopServices.openUrl(mailto_url(path, subject, body))
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def offer_to_send(parent: QWidget, path: Path, to: str, subject: str) -> str:
    """The sentence said, after the person chose: 'mail', 'reveal' or nothing."""
    who = to or QCoreApplication.translate("SendFile", "mottagaren")
    said = (QCoreApplication.translate("SendFile", "Sparad som %1. Skicka filen till %2 – med e-post, på ett "
                                       "USB-minne eller via synkmappen.").replace("%1", path.name).replace("%2", who))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("btdesk")
    box.setText(said)
    mail = box.addButton(QCoreApplication.translate("SendFile", "Skicka med e-post …"),
                         QMessageBox.ButtonRole.AcceptRole)
    reveal = box.addButton(QCoreApplication.translate("SendFile", "Visa i filhanteraren"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("SendFile", "Stäng"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(mail)
    box.exec()
    if box.clickedButton() is mail:
        body = (QCoreApplication.translate("SendFile", "Hej!\n\nBifogat finns %1. Öppna den i btdesk.\n")
                .replace("%1", path.name))
        mail_and_reveal(path, subject, body)
    elif box.clickedButton() is reveal:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    return said
