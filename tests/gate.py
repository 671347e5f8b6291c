"""A real barrier for tests where child processes must reach a step together: each child says it
has arrived and then waits on an OS lock that the test holds; the test opens the gate only
when every child has arrived. No sleeps, no timing luck.

In the child (its code is a string run with `python -c`): `exec(gate.CHILD)` once, then
`gate_wait(path)` at the contested step. In the test: `Gate(path)`, start the children with
stdout=PIPE, then `gate.open_when_arrived(procs)`.
"""
from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

ARRIVED = "at the gate"

CHILD = f'''
import fcntl as _fcntl, os as _os
def gate_wait(path):
    print({ARRIVED!r}, flush=True)
    fd = _os.open(path, _os.O_RDONLY)
    _fcntl.flock(fd, _fcntl.LOCK_SH)  # blocks until the test lets go of its exclusive lock
    _os.close(fd)
'''


class Gate:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.write_bytes(b"")
        self._fd: int | None = os.open(self.path, os.O_RDWR)
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def open_when_arrived(self, procs: list[subprocess.Popen[str]]) -> None:
        try:
            for p in procs:
                assert p.stdout is not None
                line = p.stdout.readline()
                assert line == ARRIVED + "\n", f"a child did not reach the gate: {line!r}"
        finally:
            self.open()

    def open(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
