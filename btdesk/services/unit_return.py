"""The unit keeps every doctor's bundles as they arrived, signed, and hands them back on request:
a doctor whose laptop died restores her identity on a new one, imports what the unit returns,
and has again everything she had synced — her own unsigned records, her programme and plan
included (importing one's own bundle adopts its records; btdesk.services.exchange_import).

    home/received/<sender fingerprint>/<sequence>-<manifest hash>.btbundle
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from btdesk.errors import BtdeskError
from btdesk.fileutil import SyncLater, atomic_write
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.services.exchange_import import ImportResult

FOLDER = "received"


def kept_name(result: ImportResult) -> str:
    return f"{result.sequence:06d}-{result.manifest_hash[:16]}.btbundle"


def keep(home: Path, bundle: Path, result: ImportResult, later: SyncLater | None = None) -> Path:
    """A copy of an imported bundle, byte for byte, under its sender (once per bundle; again when
    the copy is not whole, as after a power cut during a batch). `later`: see fileutil.SyncLater.

    The bytes kept are those the import checked: the read-ahead's copy when there is one (the file
    in the inbox could have been replaced since), else the file as it is now."""
    target = Path(home) / FOLDER / result.sender / kept_name(result)
    staged = result.staged_file
    if later is not None and staged is not None and staged.is_file():
        if not target.exists() or target.stat().st_size != staged.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)  # written without waiting for the disk: `later` settles it
            later.add(target)
        return target
    data = Path(bundle).read_bytes()
    if not target.exists() or target.stat().st_size != len(data):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data, later=later)
    return target


def senders(home: Path) -> list[str]:
    folder = Path(home) / FOLDER
    return sorted(d.name for d in folder.iterdir() if d.is_dir()) if folder.is_dir() else []


def return_bundles(home: Path, doctor: str, out: Path) -> list[Path]:
    """The doctor's kept bundles (fingerprint or its first digits), in sequence order, copied
    into the folder out; nothing is written when the doctor is unknown."""
    from btdesk.short_ids import unique_prefix

    fp = unique_prefix(doctor, senders(home), _("fingeravtryck"))
    kept = sorted((Path(home) / FOLDER / fp).glob("*.btbundle")) if fp else []
    if not kept:
        raise BtdeskError(_("Enheten har inga paket från en läkare med fingeravtrycket {doctor}.").format(
                              doctor=doctor[:20]))
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise BtdeskError(_("{out} är en fil; ange en mapp att lägga paketen i.").format(out=out))
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for k in kept:
        shutil.copyfile(k, tmp / k.name)
    if out.exists():
        for k in kept:
            (tmp / k.name).replace(out / k.name)
        tmp.rmdir()
    else:
        tmp.rename(out)  # the folder appears whole or not at all
    return [out / k.name for k in kept]
