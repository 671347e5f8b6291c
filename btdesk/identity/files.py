"""Where the identity lives in a profile home, and how its files are written.

Every write goes to a temp file in the same folder, is fsynced and then renamed over
the target, so a crash never leaves a half-written certificate or trust list.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def identity_dir(home: Path) -> Path:
    return Path(home) / "identity"


def cert_path(home: Path) -> Path:
    return identity_dir(home) / "cert.pem"


def key_path(home: Path) -> Path:
    return identity_dir(home) / "key.p8"


def trust_path(home: Path) -> Path:
    return identity_dir(home) / "trust.json"


def ca_path(home: Path) -> Path:
    return identity_dir(home) / "ca.json"


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    try:  # only the owner needs to see identity files; harmless where chmod means little
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def atomic_write(path: Path, data: bytes) -> None:
    from btdesk import fileutil

    ensure_dir(path.parent)
    fileutil.atomic_write(path, data, mode=0o600)  # only the owner reads identity files


def write_json(path: Path, obj: Any) -> None:
    atomic_write(path, (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode())


def read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
