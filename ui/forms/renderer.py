"""Builds a Qt form from any template: no widget code per instrument.

Labels sit above their inputs and wrap, so long Swedish labels never clip at 1280×800 or at
200 % scale; each field has an error line under it, shown by show_errors().
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from btdesk.forms import NOT_OBSERVED, Field, Template, scale_for
from btdesk.forms.values import DELMAL_IDS
from btdesk.i18n import data_text, language


class _Inert(QObject):
    """Eats every input event of a read-only field; unlike setEnabled(False) it leaves the
    value readable rather than greyed out."""
    BLOCKED = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
               QEvent.Type.Wheel,
               QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ContextMenu}

    def eventFilter(self, obj, event) -> bool:
        return event.type() in self.BLOCKED


class _DelmalBoxes(QWidget):
    """A delmål field: its checkboxes by delmål id."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}


class _RaterSpins(QWidget):
    """A rater-mix field: a spin box per category id."""

    def __init__(self) -> None:
        super().__init__()
        self.spins: dict[str, QSpinBox] = {}


class _Binding:
    def __init__(self, widget: QWidget, get: Callable[[], Any], set_: Callable[[Any], None], error: QLabel):
        self.widget, self.get, self.set, self.error = widget, get, set_, error


class FormRenderer(QWidget):
    changed = Signal()

    def __init__(self, template: Template, programme, parent=None):
        super().__init__(parent)
        self.template, self.programme = template, programme
        self.bindings: dict[str, _Binding] = {}
        self._inert = _Inert(self)
        outer = QVBoxLayout(self)
        for section, fields in template.sections():
            box = QGroupBox(data_text(section) or self.tr("Formulär"))
            lay = QVBoxLayout(box)
            for f in fields:
                lay.addWidget(self._row(f))
            outer.addWidget(box)
        outer.addStretch(1)

    # -- building ------------------------------------------------------------------
    def _row(self, f: Field) -> QWidget:
        row = QWidget()
        lay = QVBoxLayout(row)
        lay.setContentsMargins(0, 4, 0, 4)
        label = QLabel(data_text(f.label) + (" *" if f.required else ""))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(label)
        widget, get, set_ = getattr(self, f"_make_{f.type}")(f)
        widget.setObjectName(f"field_{f.id}")
        widget.setAccessibleName(data_text(f.label))
        label.setBuddy(widget)
        lay.addWidget(widget)
        if f.help:
            h = QLabel(data_text(f.help))
            h.setWordWrap(True)
            lay.addWidget(h)
        error = QLabel()
        error.setObjectName(f"error_{f.id}")
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020;")
        error.hide()
        lay.addWidget(error)
        self.bindings[f.id] = _Binding(widget, get, set_, error)
        return row

    def _combo(self, items: list[tuple[str, Any]]):
        c = QComboBox()
        c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        c.setMinimumContentsLength(12)
        for text, data in items:
            c.addItem(text, data)
        c.currentIndexChanged.connect(self.changed)

        def set_(v):
            i = c.findData(v)
            c.setCurrentIndex(i if i >= 0 else 0)
        return c, (lambda: c.currentData()), set_

    def _make_rating(self, f: Field):
        scale = scale_for(self.template, f, self.programme)
        items: list[tuple[str, object]] = [(self.tr("– välj –"), None)]
        items += [(lv.label_in(language()), lv.value) for lv in scale.levels]
        if scale.not_observed:
            items.append((self.tr("Ej observerat"), NOT_OBSERVED))
        return self._combo(items)

    def _make_entrustment(self, f: Field):
        scale = scale_for(self.template, f, self.programme)
        return self._combo([(self.tr("Ej angivet"), None)] + [(f"{lv.value} – {lv.label_in(language())}",
                                                               lv.value) for lv in scale.levels])

    def _make_setting(self, f: Field):
        return self._combo([(self.tr("– välj –"), None)] + [(data_text(o), o) for o in f.options])

    _make_complexity = _make_setting

    def _make_checkbox(self, f: Field):
        b = QCheckBox(self.tr("Ja"))
        b.toggled.connect(self.changed)
        return b, b.isChecked, lambda v: b.setChecked(bool(v))

    def _make_text(self, f: Field):
        t = QPlainTextEdit()
        t.setTabChangesFocus(True)
        t.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        t.textChanged.connect(self.changed)
        return t, t.toPlainText, lambda v: t.setPlainText(str(v or ""))

    def _make_list(self, f: Field):
        # one item a line: people write lists that way, and no add/remove buttons to learn
        t = QPlainTextEdit()
        t.setTabChangesFocus(True)
        t.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        t.setPlaceholderText(self.tr("En punkt per rad"))
        t.textChanged.connect(self.changed)

        def get():
            return [x.strip() for x in t.toPlainText().splitlines() if x.strip()]
        return t, get, lambda v: t.setPlainText("\n".join(str(x) for x in (v or [])))

    def _make_line(self, f: Field):
        e = QLineEdit()
        e.textChanged.connect(self.changed)
        return e, e.text, lambda v: e.setText(str(v or ""))

    def _make_date(self, f: Field):
        d = QDateEdit(QDate.currentDate())
        d.setCalendarPopup(True)
        d.setDisplayFormat("yyyy-MM-dd")
        d.dateChanged.connect(self.changed)

        def set_(v):
            q = QDate.fromString(str(v or ""), "yyyy-MM-dd")
            d.setDate(q if q.isValid() else QDate.currentDate())
        return d, (lambda: d.date().toString("yyyy-MM-dd")), set_

    def _make_duration(self, f: Field):
        s = QSpinBox()
        s.setRange(f.min - 1, f.max)  # one below min means "not given"
        s.setSpecialValueText(self.tr("–"))
        s.setValue(f.min - 1)
        s.valueChanged.connect(self.changed)

        def get():
            return None if s.value() < f.min else s.value()
        return s, get, lambda v: s.setValue(int(v) if isinstance(v, int) else f.min - 1)

    def _make_delmal(self, f: Field):
        w = _DelmalBoxes()
        grid = QGridLayout(w)
        grid.setContentsMargins(0, 0, 0, 0)
        titles = {d.id: d.title_in(language()) for d in self.programme.delmal}
        boxes = w.boxes
        for i, d in enumerate(DELMAL_IDS):
            b = QCheckBox(d)
            b.setToolTip(titles.get(d, d))
            b.setAccessibleName(f"{d} {titles.get(d, '')}")
            b.toggled.connect(self.changed)
            boxes[d] = b
            grid.addWidget(b, i // 6, i % 6)

        def set_(v):
            for k, b in boxes.items():
                b.setChecked(k in (v or []))
        return w, (lambda: [k for k, b in boxes.items() if b.isChecked()]), set_

    def _make_rater_mix(self, f: Field):
        w = _RaterSpins()
        grid = QGridLayout(w)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        spins = w.spins
        for i, c in enumerate(f.categories):
            lab = QLabel(data_text(c.label) + (self.tr(" (minst %1)").replace("%1", str(c.min)) if c.min else ""))
            lab.setWordWrap(True)
            s = QSpinBox()
            s.setRange(0, 200)
            s.setAccessibleName(data_text(c.label))
            s.valueChanged.connect(self.changed)
            lab.setBuddy(s)
            grid.addWidget(lab, i, 0)
            grid.addWidget(s, i, 1)
            spins[c.id] = s
        total = QLabel()
        grid.addWidget(total, len(f.categories), 0, 1, 2)

        def update_total():
            total.setText(self.tr("Totalt %1 bedömare (minst %2)").replace("%1",
                                                                           str(sum(s.value() for s in spins.values())))
                          .replace("%2", str(f.min_total)))
        for s in spins.values():
            s.valueChanged.connect(update_total)
        update_total()

        def set_(v):
            for k, s in spins.items():
                s.setValue(int((v or {}).get(k, 0) or 0))
        return w, (lambda: {k: s.value() for k, s in spins.items()}), set_

    # -- values and errors -----------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {fid: b.get() for fid, b in self.bindings.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for fid, v in values.items():
            if fid in self.bindings and v is not None:
                self.bindings[fid].set(v)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        first = None
        for fid, why in errors.items():
            b = self.bindings.get(fid)
            if b is None:
                continue
            b.error.setText(why)
            b.error.show()
            first = first or b.widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for b in self.bindings.values():
            b.error.hide()
            b.error.clear()

    def error_text(self, field_id: str) -> str:
        b = self.bindings[field_id]
        return b.error.text() if not b.error.isHidden() else ""

    def set_read_only(self, on: bool) -> None:
        """Shows a signed record: text stays selectable and readable (not greyed out), nothing
        can be changed, and the required-field stars mean nothing any more."""
        for b in self.bindings.values():
            w = b.widget
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(on)
            else:  # combos, checkboxes, spin boxes, dates, the delmål/rater grids: not greyed, just inert
                for child in [w, *w.findChildren(QWidget)]:
                    child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, on)
                    child.setFocusPolicy(Qt.FocusPolicy.NoFocus if on else Qt.FocusPolicy.StrongFocus)
                    (child.installEventFilter if on else child.removeEventFilter)(self._inert)
                    if isinstance(child, QAbstractSpinBox):  # spin boxes and dates
                        child.setReadOnly(on)
                        symbols = QAbstractSpinBox.ButtonSymbols
                        child.setButtonSymbols(symbols.NoButtons if on else symbols.UpDownArrows)
