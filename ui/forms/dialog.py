"""The form dialog: pre-filled from a request, autosaved as a draft, validated, signed, saved.

Used the same way for every instrument, for a talk sign-off and for a talk the supervisor
writes; the supervisor's passphrase is asked only when the key is not unlocked in this
session. show_signed() opens a signed record in the same form, read-only.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from btdesk.errors import BtdeskError
from btdesk.forms import Template, validate
from btdesk.forms.drafts import discard_draft, load_draft, save_draft

from .renderer import FormRenderer
from .signed_view import show_signed as show_signed  # the window opens signed records from here

DRAFT_INTERVAL_MS = 5000


def draft_key(template: Template, request: dict | None, doctor: dict) -> str:
    if request:
        return f"request-{request['id']}"
    return f"unasked-{template.id}-{doctor['fingerprint'][:16]}"


def _placement_name(pl: dict) -> str | None:
    """The placement a request names, as "kind, site"."""
    return ", ".join(x for x in (pl.get("name"), pl.get("site")) if x) or None


class FormDialog(QDialog):
    def __init__(self, portfolio, template: Template, *, doctor: dict[str, str], request: dict | None = None,
                 request_note: str = "", placement: str | None = None, restore_draft: bool | None = None,
                 choose_path: Callable[[str], str | None] | None = None,
                 ask_passphrase: Callable[[], str | None] | None = None, parent=None):
        super().__init__(parent)
        self.portfolio, self.template, self.doctor, self.request = portfolio, template, doctor, request
        self.placement = placement
        self.response_path: Path | None = None
        self._choose_path = choose_path or self._ask_path
        self._ask_passphrase = ask_passphrase or self._ask_pass
        self._dirty = False
        self.key = draft_key(template, request, doctor)
        from btdesk.i18n import data_text

        self.setWindowTitle(data_text(template.title))
        self.resize(760, 720)
        self._fit_to_screen()

        lay = QVBoxLayout(self)
        title = QLabel(f"<b>{data_text(template.title)}</b>")
        title.setWordWrap(True)
        lay.addWidget(title)
        self.header = QLabel(self._who(template, doctor, request) + (f"\n{request_note}" if request_note else ""))
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.header)
        if template.intro:
            intro = QLabel(data_text(template.intro))
            intro.setWordWrap(True)
            intro.setTextFormat(Qt.TextFormat.PlainText)
            lay.addWidget(intro)
        self.talk_box = None
        if template.record_kind == "signoff" and request and request.get("talk"):
            # what is signed must be in front of the signer: the doctor's notes, who took part
            self.talk_box = talk_label(request["talk"])

        from btdesk.services.profile_edit import programme_for

        # a supervisor needs no programme of his own: the request (or the doctor) brings it
        self.programme = programme_for(portfolio, (request or {}).get("programme") or doctor.get("programme"))
        self.form = FormRenderer(template, self.programme)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # labels wrap instead
        scroll.setWidget(_stacked(self.talk_box, self.form) if self.talk_box else self.form)
        self.scroll_area = scroll
        lay.addWidget(scroll, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addWidget(self._buttons(template))

        self._prefill(restore_draft)
        self.form.changed.connect(self._mark_dirty)
        self.timer = QTimer(self)
        self.timer.setInterval(DRAFT_INTERVAL_MS)
        self.timer.timeout.connect(self.save_draft_now)
        self.timer.start()


    def _buttons(self, template: Template) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        sign_text = (self.tr("Signera och spara samtalet…") if template.record_kind == "talk"
                     else self.tr("Signera och spara svar…"))
        self.sign_button = buttons.addButton(sign_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(self.tr("Stäng (utkastet sparas)"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_button.clicked.connect(self.sign_and_save)
        self.close_button.clicked.connect(self.reject)
        return buttons

    def _who(self, template: Template, doctor: dict[str, str], request: dict | None) -> str:
        """The doctor, the placement the request names, and (for a placement summary) the phase."""
        who = self.tr("BT-läkare: %1").replace("%1", doctor["name"])
        if request and request.get("placement"):
            pl = request["placement"]
            who += " · " + ", ".join(x for x in (pl.get("name"), pl.get("site")) if x)
        phase = (request or {}).get("phase") if template.id == "placement_summary" else None
        if isinstance(phase, dict):  # the figures the doctor's progress has, so the summary starts from them
            who += "\n" + (self.tr("Enligt btdesk i fas för tjänstgjord tid: %1") if phase.get("in_phase")
                           else self.tr("Enligt btdesk efter i fas för tjänstgjord tid: %1")) \
                .replace("%1", str(phase.get("explanation") or "–"))
        return who
    def _fit_to_screen(self) -> None:
        # At 200 % a 1280×800 screen is 640×400 logical pixels: never open larger than it.
        screen = self.screen() or None
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(min(self.width(), avail.width() - 20), min(self.height(), avail.height() - 40))

    # -- pre-filling and drafts ------------------------------------------------------
    def _prefill(self, restore: bool | None) -> None:
        r = self.request or {}
        self.form.set_values({"case": r.get("case") or None, "delmal": r.get("delmal") or None,
                              "date": r.get("date"),
                              "placement_name": _placement_name(r.get("placement") or {})})
        draft = load_draft(self.portfolio.home, self.key)
        if draft and draft.get("template") == self.template.id:
            if restore is None:
                restore = QMessageBox.question(
                    self, self.tr("Utkast finns"),
                    self.tr("Det finns ett utkast av det här formuläret från %1. Vill du fortsätta med det?")
                    .replace("%1", str(draft.get("saved", ""))[:16].replace("T",
                                                                            " "))) == QMessageBox.StandardButton.Yes
            if restore:
                self.form.set_values(draft.get("values", {}))
                self.status.setText(self.tr("Utkastet är återställt."))

    def _mark_dirty(self) -> None:
        self._dirty = True

    def save_draft_now(self) -> None:
        if not self._dirty:
            return
        save_draft(self.portfolio.home, self.key, {
            "template": self.template.id, "values": self.form.values(), "doctor": self.doctor,
            "request": self.request, "placement": self.placement})
        self._dirty = False
        self.status.setText(self.tr("Utkast sparat."))

    # -- signing ---------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara det signerade svaret"), suggested,
                                              self.tr("Signerat svar (*.btresponse)"))
        return path or None

    def _ask_pass(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Signera"), self.tr("Lösenfras för din signeringsnyckel:"),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _passphrase(self):
        """None when the key is already unlocked this session (or lives in the OS keyring)."""
        from btdesk.identity import IdentityError, load_signer
        from btdesk.identity.token_profile import uses_token

        if uses_token(self.portfolio.home):  # a card: its PIN, asked with the card's own prompt
            from ui.views.export import ask_passphrase

            return ask_passphrase(self)
        try:
            load_signer(self.portfolio.home, None)
            return None
        except IdentityError:
            return self._ask_passphrase()

    def sign_and_save(self) -> bool:
        from btdesk.services.answer import sign_and_answer

        values = self.form.values()
        errors = validate(self.template, values, self.programme)
        self.form.show_errors(errors)
        if errors:
            self.status.setText(self.tr("%1 fält behöver rättas innan du kan signera.").replace("%1", str(len(errors))))
            return False
        self.save_draft_now()
        try:
            done = sign_and_answer(self.portfolio, self.template, values, doctor=self.doctor, request=self.request,
                                   placement=self.placement, passphrase=self._passphrase(),
                                   choose_path=lambda name: self._choose_path(str(Path.home() / name)))
        except BtdeskError as e:
            self.status.setText(str(e))
            return False
        self.response_path = done.path
        discard_draft(self.portfolio.home, self.key)
        self.timer.stop()
        self.accept()
        return True

    def reject(self) -> None:
        self.save_draft_now()
        self.timer.stop()
        super().reject()


def _stacked(*widgets) -> QWidget:
    """Several widgets in one scrolled page (a long talk must scroll with the form, not push it off)."""
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        lay.addWidget(x)
    return w


def talk_label(talk: dict) -> QLabel:
    from btdesk.services.talks_signed import describe_talk

    label = QLabel(QCoreApplication.translate("QLabel", "Det här signerar du – BT-läkarens anteckning:") + "\n"
                   + "\n".join(f"{k}: {v}" for k, v in describe_talk(talk)))
    label.setObjectName("talk_signed")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QLabel.Shape.StyledPanel)
    return label


# -- entry points the main window and `btdesk open` use ------------------------------------
def open_request(parent, portfolio, path: Path | str, **kw) -> FormDialog | None:
    """Verify a request, remember the doctor, and return the pre-filled dialog (not yet shown)."""
    from btdesk.forms import load_template
    from btdesk.services import requests, supervisor

    try:
        opened = requests.read_request(path, portfolio.home)
        supervisor.add_doctor_from_request(portfolio, opened)
        from btdesk.services.profile_edit import programme_for

        template = load_template(opened.request["instrument"], programme_for(portfolio,
                                                                             opened.request.get("programme")))
    except BtdeskError as e:
        QMessageBox.warning(parent, "btdesk", str(e))
        return None
    return FormDialog(portfolio, template, doctor=opened.request["doctor"], request=opened.request,
                      request_note=opened.describe(), parent=parent, **kw)


def import_response_file(parent, portfolio, path: Path | str, *, quiet: bool = False) -> str:
    """Import a .btresponse; returns the one-sentence outcome (also shown unless quiet)."""
    from btdesk.services import assessments

    try:
        msg = assessments.import_response(portfolio, path).message
        ok = True
    except BtdeskError as e:
        msg, ok = str(e), False
    if not quiet:
        (QMessageBox.information if ok else QMessageBox.warning)(parent, "btdesk", msg)
    return msg

