"""Files that reach the window — dropped, passed on the command line, handed over by a second
launch — are routed by their content (btdesk.services.file_kinds): a request opens its pre-filled
form, a response or a bundle is imported, a PDF or image becomes a document. The result is said
in the window."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.edit_controller import EditController
    from ui.progress_dialog import ProgressJob

ATTACHMENT_KINDS = ("pdf", "png", "jpeg")


def _add(p: Portfolio, path: str, values: dict[str, Any]) -> Any:
    from btdesk.services.entries import add_document

    return add_document(p, path, **values)


class FileRouter(QObject):
    routed = Signal(str, str)  # path, the one-sentence outcome shown
    stopped = Signal(str)  # an import was cancelled: what stayed, in one sentence

    def __init__(self, parent: QWidget, portfolio: Callable[[], Portfolio | None], edits: EditController,
                 say: Callable[[str], None], go_to: Callable[[str], QWidget | None]) -> None:
        super().__init__(parent)
        self.parent_widget, self._portfolio, self.edits = parent, portfolio, edits
        self.say, self.go_to = say, go_to
        self.pending: list[str] = []  # files that arrived before the portfolio was open
        self.job: ProgressJob | None = None  # the last import started here

    def open_files(self, paths: Iterable[str]) -> None:
        """Route each file; before the portfolio is open they wait (see flush). Requests open
        their form; responses and bundles are imported in a worker behind the progress dialog."""
        paths = [str(x) for x in paths]
        if self._portfolio() is None:
            self.pending += paths
            return
        attach, signed = [], []
        for path in paths:
            kind = self._kind(path)
            if kind in ATTACHMENT_KINDS:
                attach.append(path)
            elif kind in ("response", "bundle") or (kind == "final" and self._at_unit()):
                signed.append((path, kind))
            else:
                self.open_signed_file(path, kind)
        if signed:
            self.import_files(signed)
        if attach:
            self.attach_files(attach)

    def _at_unit(self) -> bool:
        """A final judgement is the unit's to import (btdesk unit final import)."""
        p = self._portfolio()
        return p is not None and p.profile.role == "unit"

    def flush(self) -> None:
        waiting, self.pending = self.pending, []
        if waiting:
            self.open_files(waiting)

    def _kind(self, path: str) -> str | None:
        from btdesk.errors import BtdeskError
        from btdesk.services.file_kinds import file_kind

        try:
            return file_kind(path)
        except BtdeskError:
            return None

    def _tell(self, path: str, message: str, ok: bool = True) -> None:
        from ui import errors

        self.say(message)
        if ok:
            QMessageBox.information(self.parent_widget, "btdesk", message)
        else:
            errors.tell(self.parent_widget, message)
        self.routed.emit(path, message)

    def open_signed_file(self, path: str, kind: str | None = None) -> None:
        """A request opens the pre-filled form; a response or a bundle is imported (in a worker)."""
        from ui import errors

        p = self._portfolio()
        if p is None:
            return
        kind = kind if kind is not None else self._kind(path)
        if kind in ("response", "bundle") or (kind == "final" and self._at_unit()):
            self.import_files([(path, kind)])
            return
        try:
            if kind == "request":
                self._open_request(p, path)
            elif kind == "final-request":
                self._judge(p, path)
            else:
                self._tell(path, self.tr("%1 är ingen fil som btdesk känner igen: den öppnar begäranden, svar, "
                                         "paket och bilagor (PDF, PNG, JPEG).").replace("%1", Path(path).name),
                           ok=False)
        except errors.expected() as e:  # a bug goes to the window's exception hook and the log
            self._tell(path, errors.describe(e), ok=False)
        self.edits.changed()  # a signed answer is a new given assessment

    def import_files(self, items: list[tuple[str, str]]) -> ProgressJob:
        """Responses and bundles, one after another off the GUI thread: each is all-or-nothing,
        and cancel stops before the next (ui.progress_dialog)."""
        from ui.file_import import import_signed
        from ui.progress_dialog import ProgressJob, Stop

        p = self._portfolio()
        assert p is not None  # open_files waits for the portfolio
        label = self.tr("Importerar %1 …").replace("%1", ", ".join(Path(x).name for x, _ in items[:3]))
        job = ProgressJob(self.parent_widget, label, Stop.BETWEEN if len(items) > 1 else Stop.WHOLE)
        job.finished.connect(lambda outcome: self._imported(outcome, job))
        job.failed.connect(lambda message: self._tell(items[0][0], message, ok=False))
        self.job = job
        job.start(lambda step: import_signed(p, items, step))
        return job

    def _imported(self, outcome: Any, job: ProgressJob) -> None:
        from ui import errors
        from ui.file_import import stopped_sentence

        for path, result in outcome.results:
            if isinstance(result, BaseException):
                self._tell(path, errors.describe(result), ok=False)
            else:
                self._tell(path, result)
        if outcome.stopped_after is not None:
            self.say(stopped_sentence(outcome))
            self.stopped.emit(stopped_sentence(outcome))
        self.edits.changed()

    def _judge(self, p: Portfolio, path: str) -> None:
        """The unit's request for a final assessment: the assessor judges it here (journey 6)."""
        from ui.final_judge_dialog import open_final_request

        if p.profile.role == "unit":
            self._tell(path, self.tr("%1 är en begäran om slutbedömning: den öppnas av den externa bedömaren och "
                                     "huvudhandledaren, inte av enheten.").replace("%1", Path(path).name), ok=False)
            return
        dlg = open_final_request(self.parent_widget, p, path)
        if dlg.exec():
            done = (self.tr("Omdömet är signerat och sparat i %1. Skicka det till BT-enheten.")
                    .replace("%1", dlg.saved_to.name) if dlg.saved_to else
                    self.tr("Omdömet är signerat och finns kvar här; det sparades inte som fil."))
            self._tell(path, done)

    def _open_request(self, p: Portfolio, path: str) -> str | None:
        from ui.forms.dialog import open_request

        dlg = open_request(self.parent_widget, p, path)
        if dlg is None:
            return None
        from btdesk import logs

        logs.log.info("form opened from a request: %s", dlg.windowTitle())  # no names: the form's title only
        if dlg.exec() and dlg.response_path:
            doctor = dlg.doctor["name"]
            message = (self.tr("Det signerade svaret sparades i %1. Skicka det till %2.")
                       .replace("%1", dlg.response_path.name).replace("%2", doctor))
            self._tell(path, message)
            return message
        return None

    def attach_files(self, paths: Iterable[str], activity: str | None = None) -> None:
        """Each file, if it is a PDF, PNG or JPEG by its content, with its details (a dialog:
        title, date, delmål, activity); anything else is refused in one sentence."""
        from btdesk.errors import BtdeskError
        from ui.views.document_dialog import DocumentDialog

        p = self._portfolio()
        if p is None:
            return
        for path in paths:
            if self._kind(path) not in ATTACHMENT_KINDS:
                self._tell(path, self.tr("%1 är inte en PDF-, PNG- eller JPEG-fil och kan inte bifogas.")
                           .replace("%1", Path(path).name), ok=False)
                continue
            dlg = DocumentDialog(p, self.parent_widget, filename=Path(path).name,
                                 values={"title": Path(path).stem, "activity": activity})
            dlg.on_save = lambda v, path=path: self.edits.push_edit(
                self.tr("Bifoga %1").replace("%1", Path(path).name), partial(_add, path=path, values=v))
            try:
                dlg.exec()
            except BtdeskError as e:
                self._tell(path, str(e), ok=False)
        self.go_to("Dokument")
