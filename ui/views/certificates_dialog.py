"""Export → Intyg till Socialstyrelsen: Bilaga 1–4, each with a preview of what will be printed,
or the reason it cannot be issued yet; printed off the GUI thread, as btdesk's drawing or into
Socialstyrelsen's own fillable form.

The dialog only calls btdesk.services.certificates; the preview is its content by field.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from ui.worker import run_in_background

KINDS = (("bilaga1", "Bilaga 1 – Ansökan om intyg om godkänd bastjänstgöring"),
         ("bilaga2", "Bilaga 2 – Intyg om delmål i bastjänstgöringen"),
         ("bilaga3", "Bilaga 3 – Intyg om fullgjord bastjänstgöring"),
         ("bilaga4", "Bilaga 4 – Intyg om uppnådd baskompetens"))


def preview_html(data: Any) -> str:
    """The certificate's filled fields, as they will be printed (the Bilaga 3 rows as a table)."""
    from btdesk.reports import official_forms as of

    v = {k: x for k, x in data.values.items() if x}
    rows = [of.b3_row(n) for n in range(1, of.B3_ROWS + 1)]
    in_rows = {f for r in rows for f in r}
    short = {of.B2_ACTIVITIES: "Utbildningsaktiviteter", of.B2_CHECKS: "Hur det kontrollerats",
             of.B3_SUM: "Summa (månader på heltid)", of.B3_PRIMARVARD: "Del inom primärvård",
             of.B3_AKUT: "Del inom akut sjukvård", of.B2_DELMAL: "Delmål som intyget avser"}
    out = [f"<p><b>{'UTKAST – ' if data.draft else ''}{escape(' '.join(of.TITLES[data.kind]))}</b></p><table>"]
    for k, x in v.items():
        if k not in in_rows:
            cell = escape(x).replace("\n", "<br>")
            out.append(f"<tr><td><i>{escape(short.get(k, k))}</i></td><td>{cell}</td></tr>")
    out.append("</table>")
    served = [r for r in rows if v.get(r[1])]
    if served:
        out.append("<p><b>Tjänsteförteckning</b></p><table>")
        out += ["<tr>" + "".join(f"<td>{escape(v.get(f, ''))}</td>" for f in r) + "</tr>" for r in served]
        out.append("</table>")
    if data.continuation:
        out.append("<p><i>Text som inte ryms fortsätter på en bilagd sida.</i></p>")
    return "".join(out)


class CertificatesDialog(QDialog):
    previewed = Signal(str)  # the preview's text, or the reason for a refusal
    printed = Signal(str)  # one sentence: where the certificate went, or why not

    def __init__(self, parent: Any, portfolio: Any) -> None:
        super().__init__(parent)
        self.portfolio = portfolio
        self.asked = 0  # previews asked for; only the latest is shown
        self.setWindowTitle(self.tr("Intyg till Socialstyrelsen"))
        self.resize(760, 620)
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Intygen skrivs ut, signeras för hand och skickas i original till Socialstyrelsen. "
                              "btdesk fyller bara i det portföljen visar."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.kinds = QListWidget()
        self.kinds.addItems([label for _, label in KINDS])
        self.kinds.setMaximumHeight(90)
        lay.addWidget(self.kinds)
        row = QHBoxLayout()
        self.delmal = QLineEdit()
        self.delmal.setPlaceholderText(self.tr("Delmål för Bilaga 2, t.ex. BT1,BT2"))
        self.signer = QLineEdit()
        self.signer.setPlaceholderText(self.tr("Intygsutfärdare (tomt: den i underlaget)"))
        self.draft = QCheckBox(self.tr("Utkast (märkt UTKAST)"))
        self.form = QLineEdit()
        self.form.setPlaceholderText(self.tr("Socialstyrelsens ifyllbara blankett (valfri)"))
        pick = QPushButton(self.tr("Välj blankett …"))
        pick.clicked.connect(self._pick_form)
        for w in (self.delmal, self.signer, self.draft, self.form, pick):
            row.addWidget(w)
        lay.addLayout(row)
        self.preview = QTextBrowser()
        lay.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Skriv ut som PDF …"))
        self.print_button.clicked.connect(lambda: self.print_to())
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.kinds.currentRowChanged.connect(lambda _row: self.refresh())
        self.delmal.editingFinished.connect(self.refresh)
        self.signer.editingFinished.connect(self.refresh)
        self.draft.toggled.connect(lambda _on: self.refresh())
        self.kinds.setCurrentRow(0)

    def kind(self) -> str:
        return KINDS[max(0, self.kinds.currentRow())][0]

    def options(self) -> Any:
        from btdesk.services.certificates import Options

        o = Options(draft=self.draft.isChecked())
        if self.kind() == "bilaga2":
            o.delmal = [x for x in self.delmal.text().split(",") if x.strip()]
        if self.kind() != "bilaga1" and self.signer.text().strip():
            o.signer_name = self.signer.text().strip()  # Namnförtydligande: who will sign this one
        return o

    def _pick_form(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Socialstyrelsens blankett"), str(Path.home()),
                                              "PDF (*.pdf)")
        if path:
            self.form.setText(path)

    def refresh(self) -> None:
        """The preview, or the one-sentence reason the certificate cannot be issued yet (off the GUI thread)."""
        from btdesk.errors import BtdeskError
        from btdesk.services.certificates import prepare

        kind, options, p = self.kind(), self.options(), self.portfolio
        self.print_button.setEnabled(False)
        self.preview.setPlainText(self.tr("Hämtar uppgifterna …"))
        self.asked += 1
        mine = self.asked  # a newer choice makes this answer stale: it is dropped

        def shown(html: str) -> None:
            if mine != self.asked:
                return
            self.preview.setHtml(html)
            self.status.clear()
            self.print_button.setEnabled(True)
            self.previewed.emit(self.preview.toPlainText())

        def refused(e: BaseException) -> None:
            if not isinstance(e, BtdeskError):
                from ui import errors

                errors.report(self, e)
                return
            if mine != self.asked:
                return
            self.preview.setPlainText(str(e))
            self.status.setText(self.tr("Kan inte utfärdas ännu. Välj Utkast för att skriva ut ett utkast."))
            self.previewed.emit(str(e))

        run_in_background(self, lambda: preview_html(prepare(p, kind, options)), on_done=shown, on_error=refused)

    def print_to(self, path: str | None = None) -> None:
        from btdesk.services.certificates import build_certificate
        from ui.progress_dialog import ProgressJob, Stop

        kind, options, p = self.kind(), self.options(), self.portfolio
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara intyg"), str(Path.home() / f"{kind}.pdf"),
                                                  "PDF (*.pdf)")
        if not path:
            return
        form = Path(self.form.text()) if self.form.text().strip() else None

        def work(step: Any) -> str:  # off the GUI thread; cancel takes effect before the PDF is written
            step(0, 1)
            data = build_certificate(p, kind, Path(path), options, form=form)
            return self.tr("Intyget sparat i %1%2.").replace("%1", str(path)) \
                .replace("%2", self.tr(" (utkast)") if data.draft else "")
        self.job = ProgressJob(self, self.tr("Skriver ut intyget …"), Stop.WHOLE)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._done)
        self.job.stopped.connect(self._done)
        self.job.start(work)

    def _done(self, message: str) -> None:
        from ui.progress_dialog import late_text

        if self.job.finished_after_cancel:
            message += " " + late_text()
        self.status.setText(message)
        self.printed.emit(message)
