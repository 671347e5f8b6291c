"""A signed record shown in its own form, read-only: the doctor sees the assessment exactly as
the supervisor filled it, with who signed it and how far that signature is trusted.

The same generic renderer as for filling (no widget code per instrument); a record whose
template this installation lacks is shown as plain lines rather than not at all.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from btdesk.errors import BtdeskError

from .renderer import FormRenderer


def _template_of(portfolio, record):
    from btdesk.forms import TemplateError, load_template

    b = record.body
    for key in (b.get("template"), b.get("instrument"), "talk_signoff" if record.kind == "signoff" else None):
        if isinstance(key, str) and key:
            try:
                return load_template(key, portfolio.programme)
            except (TemplateError, BtdeskError):
                continue
    return None


def _plain(body: dict) -> QPlainTextEdit:
    import json

    t = QPlainTextEdit("\n".join(f"{k}: {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}"
                                 for k, v in sorted(body.items())))
    t.setReadOnly(True)
    return t


class SignedRecordDialog(QDialog):
    def __init__(self, portfolio, record, parent=None):
        super().__init__(parent)
        from btdesk.forms import from_body
        from btdesk.services.assessments import instrument_name, trust_of

        self.record = record
        self.template = _template_of(portfolio, record)
        from btdesk.i18n import data_text

        title = (data_text(self.template.title) if self.template
                 else instrument_name(portfolio, record.body.get("instrument", ""), record.kind))
        self.setWindowTitle(title)
        self.resize(760, 720)
        screen = self.screen()
        if screen is not None:  # at 200 % a 1280×800 screen is 640×400 logical pixels
            avail = screen.availableGeometry()
            self.resize(min(self.width(), avail.width() - 20), min(self.height(), avail.height() - 40))
        lay = QVBoxLayout(self)
        head = QLabel(f"<b>{title}</b>")
        head.setWordWrap(True)
        lay.addWidget(head)
        t = trust_of(portfolio, record)
        if record.signed:
            who = self.tr("Signerad av %1: %2.").replace("%1", t["signer"]).replace("%2", t["text"])
            who += " " + self.tr("En signerad post kan inte ändras; skriv en egen reflektion om du vill kommentera "
                                 "den.")
        else:
            who = self.tr("Osignerad anteckning av %1.").replace("%1", record.author_name)
        self.trust = QLabel(who)
        self.trust.setObjectName("trust")
        self.trust.setWordWrap(True)
        self.trust.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.trust)

        if self.template is not None:
            self.form = FormRenderer(self.template, portfolio.programme)
            self.form.set_values(from_body(self.template, record.body))
            self.form.set_read_only(True)
            content: QWidget = self.form
        else:
            self.form = None
            content = _plain(record.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        lay.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(self.tr("Stäng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def show_signed(parent, portfolio, record_id: str | None) -> SignedRecordDialog | None:
    """Open a record read-only in its form (non-modal; closes and frees itself). None when
    there is nothing to show; the reason is then told in a message box."""
    if not record_id:
        return None
    try:
        record = portfolio.get(record_id)
    except BtdeskError as e:
        QMessageBox.warning(parent, "btdesk", str(e))
        return None
    dlg = SignedRecordDialog(portfolio, record, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg
