"""One window per home: a second `btdesk` (a double-clicked file, the menu) hands its files to
the window already running on that home and exits, instead of failing on the portfolio's lock.

The window listens on a local socket (QLocalServer) named after the home; a newcomer that can
connect sends its files as one JSON line. Files are routed by content in the running window
(ui.file_router), and the window comes to the front.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500  # a live window answers at once; a stale socket name does not answer at all
SEND_MS = 3000


def server_name(home: Path) -> str:
    digest = hashlib.sha256(str(Path(home).expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"btdesk-{digest}"


def hand_over(home: Path, files: Sequence[str]) -> bool:
    """True when a btdesk window on this home took the files (and the caller should exit)."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(home))
    if not sock.waitForConnected(CONNECT_MS):
        return False
    payload = json.dumps([str(Path(f).resolve()) for f in files]).encode("utf-8") + b"\n"
    sock.write(payload)
    ok = sock.waitForBytesWritten(SEND_MS)
    sock.disconnectFromServer()
    return ok


class Listener(QObject):
    """Receives the files of later launches; on_files(paths) runs on the GUI thread."""

    def __init__(self, home: Path, on_files: Callable[[list[str]], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_files = on_files
        self.server = QLocalServer(self)
        name = server_name(home)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left behind by a crash: nobody answers on it
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.setParent(self)
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        line = bytes(sock.readLine().data())
        try:
            files = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return  # not a btdesk launch: ignore it
        if isinstance(files, list) and all(isinstance(f, str) for f in files):
            self.on_files(files)
