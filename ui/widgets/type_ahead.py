"""Type-ahead in a combo box that finds what people mean: "K" picks "Kurs" (the first item that
starts with it, not the next one after the current), and "akt" picks "Klinisk aktivitet" (a
word inside the item). Letters typed in quick succession build one search."""
from __future__ import annotations

import re

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

PAUSE_MS = 1000  # a longer pause starts a new search, as in Qt's own keyboard search


def best_match(texts: list[str], typed: str) -> int:
    """The index of the first text that starts with typed, else the first with a word that
    does; -1 when none does."""
    want = typed.casefold()
    for i, t in enumerate(texts):
        if t.casefold().startswith(want):
            return i
    for i, t in enumerate(texts):
        if any(w.startswith(want) for w in re.split(r"[\s\-–()/,]+", t.casefold())):
            return i
    return -1


class _TypeAhead(QObject):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo, self.typed = combo, ""
        self.clock = QElapsedTimer()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not text or not text.isprintable() or text.isspace() or mods:
            return False
        if not self.clock.isValid() or self.clock.elapsed() > PAUSE_MS:
            self.typed = ""
        self.clock.restart()
        texts = [self.combo.itemText(i) for i in range(self.combo.count())]
        i = best_match(texts, self.typed + text)
        if i < 0:  # no item fits the longer search: start again from this letter
            i = best_match(texts, text)
            self.typed = text if i >= 0 else self.typed
        else:
            self.typed += text
        if i >= 0:
            self.combo.setCurrentIndex(i)
        return True


def type_ahead(*combos: QComboBox) -> None:
    for c in combos:
        c.installEventFilter(_TypeAhead(c))
