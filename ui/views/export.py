"""Export: the signed bundle and the PDFs arrive with their own issues; until then, say so."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from ui.views.base import View, heading


class ExportView(View):
    def __init__(self, host):
        super().__init__(host)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Export")))
        note = QLabel(self.tr("Här kommer du att kunna skicka en signerad bunt till BT-enheten och skriva ut "
                              "slutbedömningens underlag och intygen som PDF. Funktionerna finns ännu inte "
                              "i den här versionen."))
        note.setWordWrap(True)
        lay.addWidget(note)
        for text in (self.tr("Skicka bunt till BT-enheten …"), self.tr("Skriv ut underlag (PDF) …"),
                     self.tr("Skriv ut intyg (Bilaga 1–4) …")):
            b = QPushButton(text)
            b.setEnabled(False)
            lay.addWidget(b)
        lay.addStretch(1)

    def refresh(self, portfolio) -> None:
        pass  # nothing from the portfolio is shown yet
