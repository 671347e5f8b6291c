"""Journey 1's attachment: a course certificate dropped on its course in Aktiviteter gets a
title, date and delmål, belongs to the activity and counts as evidence for its delmål. A file that
is not a PDF, PNG or JPEG by its content is refused in one sentence, whatever its name."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings("btdesk", "btdesk").clear()


@pytest.fixture
def window(qtbot, home, doctor):
    from ui.main_window import MainWindow

    w = MainWindow(home, portfolio=doctor)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.portfolio = None  # the doctor fixture closes it


def when_modal(qtbot, interact):
    done: list[bool] = []

    def step() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or not dlg.isVisible():
            QTimer.singleShot(10, step)
            return
        interact(dlg)
        done.append(True)
    QTimer.singleShot(0, step)
    return done


def _evidence(p, delmal_id):
    from btdesk.services.progress import progress

    return next(d.evidence for d in progress(p).delmal if d.id == delmal_id)


def test_a_certificate_dropped_on_its_course_belongs_to_it_and_counts(qtbot, window, tmp_path):
    from btdesk.services.entries import save_activity

    p = window.portfolio
    course, _ = save_activity(p, type="course", title="ALS-kurs", date="2027-02-01", hours=8, delmal=["BT1", "BT9"])
    before = _evidence(p, "BT9")
    view = window.go_to("Aktiviteter")
    window.refresh()
    pdf = tmp_path / "intyg.pdf"
    pdf.write_bytes(b"%PDF-1.4 kursintyg ALS")

    def details(dlg):
        assert dlg.activity.currentData() == course.id  # the activity it was dropped on
        assert dlg.delmal.selected() == ["BT1", "BT9"]  # the course's delmål, a first guess
        dlg.title.selectAll()
        qtbot.keyClicks(dlg.title, "Kursintyg ALS")
        qtbot.keyClick(dlg.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    done = when_modal(qtbot, details)
    view.drop_files([str(pdf)], 0)
    assert done
    (doc,) = p.records("document")
    assert doc.body["activity"] == course.id and doc.body["mime"] == "application/pdf"
    assert doc.body["delmal"] == ["BT1", "BT9"] and doc.body["title"] == "Kursintyg ALS"
    assert _evidence(p, "BT9") == before + 1
    docs = window.views["Dokument"]
    assert window.stack.currentWidget() is docs and docs.table.item(0, 5).text() == "ALS-kurs"


@pytest.mark.parametrize("name, data", [("anteckning.txt", b"hej"), ("falsk.pdf", b"\x00\x01random bytes")])
def test_anything_but_pdf_png_jpeg_is_refused_in_one_sentence(qtbot, window, tmp_path, monkeypatch, name, data):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    f = tmp_path / name
    f.write_bytes(data)
    window.go_to("Dokument").host.attach_files([str(f)])
    assert [t.split("\n\n")[0] for t in told] == [f"{name} är inte en PDF-, PNG- eller JPEG-fil och kan inte bifogas."]
    assert window.portfolio.records("document") == []
    assert not any((window.portfolio.home / "attachments").rglob("*.*"))


def test_the_core_refuses_a_renamed_file_too(doctor, tmp_path):
    from btdesk.errors import BtdeskError
    from btdesk.services.entries import add_document

    fake = tmp_path / "intyg.pdf"
    fake.write_text("inte en pdf")
    with pytest.raises(BtdeskError, match="not a PDF, PNG or JPEG"):
        add_document(doctor, fake)
    assert doctor.records("document") == []
