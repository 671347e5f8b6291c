"""Supervisor dashboard: one row per doctor (placement, months served, assessments given and
requested, talks held and due), and the ways to start an assessment (from a request file, or
unasked) or to write a supervision talk. Every form is the generic one, from its template."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from btdesk.errors import BtdeskError
from ui.widgets.fmt import months_text


class SupervisorDashboard(QWidget):
    COLUMNS = ("BT-läkare", "Placering", "Tjänstgjort", "Givna bedömningar", "Begärda, ej besvarade",
               "Handledningssamtal")
    TALK_TEMPLATE = "supervision_talk"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.portfolio = None
        self.rows = []
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("<b>Mina BT-läkare</b>"))
        lay.addWidget(head)
        self.empty = QLabel(self.tr("Inga BT-läkare ännu. Öppna en begäran från en BT-läkare, eller lägg till "
                                    "läkarens certifikat."))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)  # a row number means nothing here
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.Stretch)  # the open requests: the one column that may grow
        lay.addWidget(self.table, 1)
        # where the talk numbers come from, for the selected doctor: an estimate must say so
        self.talk_source = QLabel()
        self.talk_source.setObjectName("talk_source")
        self.talk_source.setWordWrap(True)
        lay.addWidget(self.talk_source)
        self.table.itemSelectionChanged.connect(self._show_source)

        # Two short rows rather than one long one: the dashboard must fit 640 px (1280 at 200 %).
        bar, bar2 = QHBoxLayout(), QHBoxLayout()
        self.open_button = QPushButton(self.tr("Öppna begäran…"))
        self.instrument = QComboBox()
        self.instrument.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.instrument.setMinimumContentsLength(14)
        self.new_button = QPushButton(self.tr("Ny bedömning utan begäran"))
        self.add_button = QPushButton(self.tr("Lägg till BT-läkare från certifikat…"))
        self.talk_button = QPushButton(self.tr("Nytt samtal…"))
        self.talk_button.setToolTip(self.tr("Dokumentera och signera ett handledningssamtal med den valda BT-läkaren"))
        for w in (self.open_button, self.talk_button, self.add_button):
            bar.addWidget(w)
        for w in (QLabel(self.tr("Formulär:")), self.instrument, self.new_button):
            bar2.addWidget(w)
        bar.addStretch(1)
        bar2.addStretch(1)
        lay.addLayout(bar)
        lay.addLayout(bar2)
        self.open_button.clicked.connect(lambda: self.open_request_file())  # not clicked(bool) as the path
        self.new_button.clicked.connect(self._new_clicked)
        self.add_button.clicked.connect(self.add_from_cert)
        self.talk_button.clicked.connect(self._talk_clicked)

    def refresh(self, portfolio) -> None:
        from btdesk.forms import list_templates
        from btdesk.services import supervisor
        from ui.views.labels import form_name

        self.portfolio = portfolio
        programme = self._programme()
        if self.instrument.count() == 0 and programme is not None:
            for t in list_templates(programme):
                if t.record_kind == "assessment":
                    self.instrument.addItem(form_name(programme, t), t.id)
        self.rows = supervisor.dashboard(portfolio)
        self.empty.setVisible(not self.rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            months = (self.tr("%1 mån\n(enligt begäran %2)").replace("%1", months_text(r.months_served))
                      .replace("%2", r.months_as_of or "") if r.months_served is not None else self.tr("okänt"))
            cells = (r.name, r.placement or "–", months, str(r.given), "\n".join(r.due) or "–", self._talk_text(r))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.fingerprint)
                if j == len(cells) - 1 and r.talks is not None:
                    item.setToolTip(r.talks.source)
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self._show_source()

    def _programme(self, fingerprint: str | None = None):
        """The forms' programme: the doctor's (it came with their request), else the first
        doctor's, else the supervisor's own; None when there is none at all yet."""
        from btdesk.services import supervisor
        from btdesk.services.profile_edit import programme_for

        docs = [supervisor.doctor(self.portfolio, fingerprint)] if fingerprint else supervisor.doctors(self.portfolio)
        try:
            return programme_for(self.portfolio, docs[0].get("programme") if docs else None)
        except BtdeskError:
            return None

    def _talk_text(self, r) -> str:
        if r.talks is None:
            text = self.tr("okänt: ingen begäran\nhar visat placeringen")
        else:
            held = self.tr("%1 hållna, %2 väntade").replace("%1", str(r.talks.held))
            text = (held.replace("%2", str(r.talks.expected))
                    + (self.tr(" (%1 saknas)").replace("%1", str(r.talks.behind)) if r.talks.behind else "")
                    + "\n" + (self.tr("nästa %1").replace("%1", r.talks.next) if r.talks.next
                              else self.tr("placeringen är slut")))
        if r.talks_given:
            text += "\n" + self.tr("%1 signerade av dig").replace("%1", str(r.talks_given))
        return text

    def _show_source(self) -> None:
        fp = self.selected_doctor()
        row = next((r for r in self.rows if r.fingerprint == fp), None)
        self.talk_source.setText(self.tr("Samtal för %1: %2").replace("%1", row.name).replace("%2", row.talks.source)
                                 if row is not None and row.talks is not None else "")

    # -- actions -------------------------------------------------------------------
    def open_request_file(self, path: str | None = None) -> None:
        from ui.forms.dialog import open_request

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Öppna begäran"), str(Path.home()),
                                                  self.tr("Begäran om bedömning (*.btrequest)"))
        if not path:
            return
        dlg = open_request(self, self.portfolio, path)
        if dlg is not None:
            dlg.exec()
        self.refresh(self.portfolio)

    def selected_doctor(self) -> str | None:
        items = self.table.selectedItems()
        if items:
            return items[0].data(Qt.ItemDataRole.UserRole)
        return self.rows[0].fingerprint if len(self.rows) == 1 else None

    def new_unasked(self):
        """A supervisor may assess without being asked: same form, no request."""
        from btdesk.forms import load_template
        from btdesk.services import supervisor
        from ui.forms.dialog import FormDialog

        fp = self.selected_doctor()
        if fp is None:
            QMessageBox.information(self, "btdesk", self.tr("Välj först en BT-läkare i listan."))
            return None
        d = supervisor.doctor(self.portfolio, fp)
        t = load_template(self.instrument.currentData(), self._programme(fp))
        doctor = {"name": d["name"], "fingerprint": fp, "programme": d.get("programme")}
        dlg = FormDialog(self.portfolio, t, doctor=doctor, placement=(d.get("placement") or {}).get("id"), parent=self)
        return dlg

    def new_talk(self):
        """A supervision talk with the selected doctor, in the generic form from its template."""
        from btdesk.forms import load_template
        from btdesk.services import supervisor
        from ui.forms.dialog import FormDialog

        fp = self.selected_doctor()
        if fp is None:
            QMessageBox.information(self, "btdesk", self.tr("Välj först en BT-läkare i listan."))
            return None
        d = supervisor.doctor(self.portfolio, fp)
        t = load_template(self.TALK_TEMPLATE, self._programme(fp))
        doctor = {"name": d["name"], "fingerprint": fp, "programme": d.get("programme")}
        return FormDialog(self.portfolio, t, doctor=doctor, placement=(d.get("placement") or {}).get("id"), parent=self)

    def _talk_clicked(self) -> None:
        dlg = self.new_talk()
        if dlg is not None:
            dlg.exec()
            self.refresh(self.portfolio)

    def _new_clicked(self) -> None:
        dlg = self.new_unasked()
        if dlg is not None:
            dlg.exec()
            self.refresh(self.portfolio)

    def add_from_cert(self) -> None:
        from btdesk.services import supervisor

        path, _ = QFileDialog.getOpenFileName(self, self.tr("BT-läkarens certifikat"), str(Path.home()),
                                              self.tr("Certifikat (*.pem *.crt)"))
        if not path:
            return
        try:
            supervisor.add_doctor_from_cert(self.portfolio, path)
        except BtdeskError as e:
            QMessageBox.warning(self, "btdesk", str(e))
        self.refresh(self.portfolio)
