"""Run a command as root without the capability to override file permissions, so a read-only
file is read-only for it too (`setpriv` drops CAP_DAC_OVERRIDE from every capability set)."""
from __future__ import annotations

import os
import shutil

DROP = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


def available() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def prefix() -> list[str]:
    """The command prefix: nothing for an ordinary user, `setpriv …` for root."""
    return DROP if os.geteuid() == 0 else []
