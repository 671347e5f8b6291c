"""Where the PKCS#11 middleware of a smart card lives: the one table btdesk looks in.

Net iD (Pointsharp, formerly SecMaker) is the middleware on Swedish region computers for the
SITHS card; its PKCS#11 library is iidp11.dll / libiidp11.so / libiidp11.dylib. OpenSC reads
PIV cards, YubiKeys and many national cards. The first existing path in this table is used
when `btdesk identity use-token` is given no --module; anything else can be named with --module.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# platform (sys.platform prefix) -> [(middleware, path)], the preferred first
KNOWN_MODULES: dict[str, list[tuple[str, str]]] = {
    "win32": [
        ("Net iD", r"C:\Windows\System32\iidp11.dll"),
        ("Net iD", r"C:\Program Files\Net iD\iidp11.dll"),
        ("Net iD", r"C:\Program Files\Pointsharp\Net iD\Client\iidp11.dll"),
        ("OpenSC", r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll"),
        ("OpenSC", r"C:\Windows\System32\opensc-pkcs11.dll"),
    ],
    "darwin": [
        ("Net iD", "/Library/Application Support/SecMaker/Net iD/libiidp11.dylib"),
        ("Net iD", "/usr/local/lib/libiidp11.dylib"),
        ("OpenSC", "/Library/OpenSC/lib/opensc-pkcs11.so"),
        ("OpenSC", "/opt/homebrew/lib/opensc-pkcs11.so"),
        ("OpenSC", "/usr/local/lib/opensc-pkcs11.so"),
    ],
    "linux": [
        ("Net iD", "/usr/lib/libiidp11.so"),
        ("Net iD", "/usr/local/lib/libiidp11.so"),
        ("Net iD", "/opt/iid/lib/libiidp11.so"),
        ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
        ("OpenSC", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so"),
        ("OpenSC", "/usr/lib64/opensc-pkcs11.so"),
        ("OpenSC", "/usr/lib/opensc-pkcs11.so"),
    ],
}


def candidates(platform: str | None = None) -> list[tuple[str, str]]:
    """This platform's rows of the table, in order of preference."""
    platform = platform or sys.platform
    return next((rows for key, rows in KNOWN_MODULES.items() if platform.startswith(key)), [])


def find_module(platform: str | None = None, exists: type[Path] = Path) -> tuple[str, str] | None:
    """(middleware, path) of the first installed module; BTDESK_PKCS11_MODULE wins when set."""
    forced = os.environ.get("BTDESK_PKCS11_MODULE")
    if forced:
        return ("BTDESK_PKCS11_MODULE", forced)
    return next(((name, path) for name, path in candidates(platform) if exists(path).is_file()), None)
