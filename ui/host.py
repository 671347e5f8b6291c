"""What a view may ask of the window it sits in: this narrow interface, never the window itself.

The window's controllers (ui.edit_controller, ui.drafts, ui.search_history, ui.file_router)
implement it together through `WindowHost`; a view that lives alone (a dialog, a test) can be
given any object with these members.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from btdesk.services.portfolio import Portfolio
    from ui.widgets.form_dialog import FormDialog


class ViewHost(Protocol):
    """The services a view gets: the open portfolio, undoable edits, drafts, history, files."""

    @property
    def portfolio(self) -> Portfolio | None: ...

    def push_edit(self, text: str, action: Callable[[Portfolio], Any]) -> list[str]: ...

    def delete_record(self, record_id: str, text: str) -> None: ...

    def records_changed(self) -> None: ...

    def keep_draft(self, dlg: FormDialog, kind: str, record_id: str | None, draft: dict[str, Any] | None) -> None: ...

    def edit_activity(self, record_id: str | None) -> None: ...

    def write_reflection(self, link_id: str | None = None, delmal: list[str] | None = None) -> None: ...

    def explain_signed(self, record_id: str) -> None: ...

    def show_history(self, record_id: str | None) -> None: ...

    def attach_files(self, paths: Iterable[str], activity: str | None = None) -> None: ...
