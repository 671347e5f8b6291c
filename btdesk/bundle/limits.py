"""Size limits for reading a bundle from a stranger.

Limits count bytes actually decompressed, never the sizes a ZIP header claims. A BT
portfolio is mostly JSON plus some scanned certificates; these leave ample room for a
year's work while keeping a crafted file from filling memory or disk.
"""
from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 600 * MiB  # the .btbundle on disk
    max_entries: int = 20_000  # files inside the ZIP
    max_total_bytes: int = 512 * MiB  # all entries, decompressed
    max_entry_bytes: int = 100 * MiB  # one attachment, decompressed
    max_manifest_bytes: int = 16 * MiB
    max_records_bytes: int = 256 * MiB
    max_line_bytes: int = 4 * MiB  # one record line
    max_signature_bytes: int = 64 * 1024
    max_ratio: int = 200  # decompressed / compressed, per entry
    ratio_floor: int = 1 * MiB  # below this, a high ratio is harmless (small repetitive JSON)


DEFAULT_LIMITS = Limits()
