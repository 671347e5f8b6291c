"""Mina BT-läkare: the supervisor's home, the dashboard of their doctors filling the page."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.supervisor.dashboard import SupervisorDashboard

if TYPE_CHECKING:
    from ui.host import ViewHost


class DoctorsPage(SupervisorDashboard):
    def __init__(self, host: ViewHost) -> None:
        super().__init__()
        self.host = host
