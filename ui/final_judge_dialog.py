"""The assessor's side of the final assessment (journey 6): the extern bedömare or the
huvudansvarig handledare opens the unit's request file, judges each delmål (uppnått, ej uppnått,
ej bedömt, with a comment), the whole, signs with their own key, and saves the signed judgement
to send to the unit. The same service as `btdesk final judge`."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


def _judgement_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(parent.tr("– välj –"), "")
    for code, text in (("uppnatt", parent.tr("Uppnått")), ("ej_uppnatt", parent.tr("Ej uppnått")),
                       ("ej_bedomt", parent.tr("Ej bedömt"))):
        box.addItem(text, code)
    return box


class JudgeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, portfolio: Portfolio, request: dict[str, Any]) -> None:
        super().__init__(parent)
        self.p, self.request = portfolio, request
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Slutbedömning av %1").replace("%1", str(request.get("doctor", ""))))
        self.role = QComboBox()
        self.role.addItem(self.tr("Extern bedömare"), "extern_bedomare")
        self.role.addItem(self.tr("Huvudansvarig handledare"), "huvudhandledare")
        head = QFormLayout()
        head.addRow(self.tr("&Du bedömer som"), self.role)
        grid = QGridLayout()
        self.rows: dict[str, tuple[QComboBox, QLineEdit]] = {}
        for n, d in enumerate(request.get("delmal", [])):
            title = QLabel(f"{d['id']} {d.get('title', '')}")
            title.setWordWrap(True)
            box, comment = _judgement_box(self), QLineEdit()
            comment.setPlaceholderText(self.tr("Kommentar (krävs inte)"))
            box.setAccessibleName(str(d["id"]))
            grid.addWidget(title, n, 0)
            grid.addWidget(box, n, 1)
            grid.addWidget(comment, n, 2)
            self.rows[str(d["id"])] = (box, comment)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        self.all_achieved = QPushButton(self.tr("&Alla ännu obedömda: uppnått"))
        self.all_achieved.clicked.connect(self._rest_achieved)
        self.overall, self.overall_comment = _judgement_box(self), QLineEdit()
        tail = QFormLayout()
        tail.addRow(self.tr("&Sammantaget"), self.overall)
        tail.addRow(self.tr("&Kommentar"), self.overall_comment)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(area, 1)
        lay.addWidget(self.all_achieved)
        lay.addLayout(tail)
        lay.addWidget(self.error)
        buttons = self.save_buttons()
        buttons.button(buttons.StandardButton.Save).setText(self.tr("Signera och spara (Ctrl+Enter)"))
        lay.addWidget(buttons)
        self.resize(900, 640)
        self.watch_keys()

    def _rest_achieved(self) -> None:
        for box, _comment in self.rows.values():
            if not box.currentData():
                box.setCurrentIndex(box.findData("uppnatt"))

    def problem(self) -> tuple[str, QWidget] | None:
        for did, (box, _comment) in self.rows.items():
            if not box.currentData():
                return self.tr("%1 har inget omdöme ännu.").replace("%1", did), box
        if not self.overall.currentData():
            return self.tr("Ge ett sammantaget omdöme."), self.overall
        return None

    def values(self) -> dict[str, Any]:
        return {"role": self.role.currentData(),
                "delmal": {did: (box.currentData() or "", comment.text()) for did, (box, comment) in self.rows.items()},
                "overall": self.overall.currentData() or "", "comment": self.overall_comment.text()}

    def sign_and_save(self, v: dict[str, Any]) -> None:
        """on_save: sign (the key's passphrase asked if it is locked), then choose where the file goes."""
        from btdesk.services.final import judgement as fj
        from ui.views.export import ask_passphrase

        j = fj.judge(self.p, self.request, role=v["role"], delmal=v["delmal"], overall=v["overall"],
                     comment=v["comment"], passphrase=ask_passphrase(self))
        name = fj.judgement_file_name(j)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Spara det signerade omdömet"), name,
                                                    self.tr("Omdöme om slutbedömning (*.btfinal)"))
        # not saving the file keeps the signed judgement here; it can be written again from the CLI
        self.saved_to = fj.write_judgement(j, Path(path)) if path else None


def open_final_request(parent: QWidget, p: Portfolio, path: str) -> JudgeDialog:
    from btdesk.services.final.schedule import read_request

    dlg = JudgeDialog(parent, p, read_request(Path(path)))
    dlg.on_save = dlg.sign_and_save
    return dlg
