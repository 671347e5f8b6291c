"""Search (Ctrl+F) over every entry, jumping to the view that shows the chosen one, and the
history of the selected entry (Ctrl+H)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio


class SearchHistory(QObject):
    """go_to: key → the view now on screen (None when this role has no such view)."""

    def __init__(self, parent: QWidget, portfolio: Callable[[], Portfolio | None], say: Callable[[str], None],
                 go_to: Callable[[str], QWidget | None]) -> None:
        super().__init__(parent)
        self.parent_widget, self._portfolio, self.say, self.go_to = parent, portfolio, say, go_to

    def show_history(self, record_id: str | None) -> None:
        p = self._portfolio()
        if not record_id or p is None:
            self.say(self.tr("Markera en post först."))
            return
        from ui.views.history_dialog import HistoryDialog

        HistoryDialog(p, record_id, self.parent_widget).exec()

    def open_search(self) -> None:
        p = self._portfolio()
        if p is None:
            return
        from ui.view_stack import VIEW_OF_KIND
        from ui.views.search_dialog import SearchDialog

        dlg = SearchDialog(p, self.parent_widget)
        if dlg.exec() and dlg.chosen is not None:
            r = dlg.chosen
            view = self.go_to(VIEW_OF_KIND.get(r.kind, "Översikt"))
            if view is not None and hasattr(view, "select_record"):
                view.select_record(r.id)
