"""Dokument: attach by dialog or by dropping files on the window; open with the system viewer."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.views.base import View, heading, selected_id, set_rows, table
from ui.widgets.fmt import date_text


def size_text(n: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().formattedDataSize(int(n or 0))


class DocumentsView(View):
    def __init__(self, host):
        super().__init__(host)
        self.table = table([self.tr("Titel"), self.tr("Fil"), self.tr("Storlek"), self.tr("Datum"),
                            self.tr("Delmål"), self.tr("Aktivitet")], stretch=0)
        self.table.setAccessibleName(self.tr("Dokument"))
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        hint = QLabel(self.tr("Dra och släpp PDF-, PNG- eller JPEG-filer på fönstret, eller på en aktivitet, för "
                              "att bifoga dem. Ett dokument med delmål räknas som underlag för dem."))
        hint.setWordWrap(True)
        self.empty = QLabel(self.tr("Inga dokument ännu. Bifoga t.ex. ett kursintyg med Bifoga fil …"))
        add = QPushButton(self.tr("&Bifoga fil … (Ctrl+Shift+O)"))
        add.clicked.connect(self.add_from_dialog)
        open_ = QPushButton(self.tr("Ö&ppna"))
        open_.clicked.connect(self.open_selected)
        delete = QPushButton(self.tr("Ta &bort"))
        delete.clicked.connect(lambda: self.selected_record_id() and host.delete_record(
            self.selected_record_id(), self.tr("Ta bort dokument")))
        hist = QPushButton(self.tr("&Historik"))
        hist.clicked.connect(lambda: host.show_history(self.selected_record_id()))
        details = QPushButton(self.tr("Ä&ndra uppgifter …"))
        details.clicked.connect(self.edit_selected)
        buttons = QHBoxLayout()
        for b in (add, open_, details, delete, hist):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Dokument")))
        lay.addWidget(hint)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.last_opened = None

    def refresh(self, portfolio) -> None:
        docs = sorted(portfolio.records("document"), key=lambda r: str(r.body.get("date") or r.created),
                      reverse=True)
        titles = {a.id: a.body.get("title", "") for a in portfolio.records("activity")}
        set_rows(self.table, [[r.body.get("title", ""), r.body.get("filename", ""), size_text(r.body.get("size")),
                               date_text(r.body.get("date")), ", ".join(r.body.get("delmal", [])),
                               titles.get(r.body.get("activity") or "", "")] for r in docs],
                 [r.id for r in docs])
        for row in range(self.table.rowCount()):  # long titles in full on hover
            for col in (0, 5):
                item = self.table.item(row, col)
                item.setToolTip(item.text())
        self.empty.setVisible(not docs)

    def edit_selected(self) -> None:
        """Title, date, delmål and activity of the selected document (undoable); the file stays."""
        from btdesk.services.entries import save_document_details
        from ui.views.document_dialog import DocumentDialog

        rid = self.selected_record_id()
        if not rid:
            return
        rec = self.p.get(rid)
        dlg = DocumentDialog(self.p, self, filename=rec.body.get("filename", ""), values=rec.body)
        dlg.on_save = lambda v: self.host.push_edit(self.tr("Ändra dokument"),
                                                    lambda p: save_document_details(p, rid, **v))
        dlg.exec()

    def selected_record_id(self) -> str | None:
        return selected_id(self.table)

    def select_record(self, record_id: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(r)

    def add_from_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Bifoga dokument"))
        if paths:
            self.host.attach_files(paths)

    def open_selected(self) -> None:
        """Copy the stored file out under its own name (the store names it by hash) and open it."""
        import shutil
        import tempfile
        from pathlib import Path

        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        rid = self.selected_record_id()
        if not rid:
            return
        b = self.p.get(rid).body
        folder = Path(tempfile.mkdtemp(prefix="btdesk-"))
        target = folder / Path(b.get("filename") or "dokument").name
        shutil.copyfile(self.p.attachment_path(b["sha256"]), target)
        self.last_opened = target
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
