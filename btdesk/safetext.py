"""Names and texts from files are data, never terminal or layout commands.

Anything read from a bundle, a response, a request or a certificate passes through
`safe_text` before a person sees it (CLI, window, PDF): control characters (an ESC
sequence can hide the rest of a line on a terminal), bidirectional overrides (they can
reorder what is read) and lone surrogates (they cannot be printed at all) are removed.
"""
from __future__ import annotations

import unicodedata

# explicit bidirectional embeddings, overrides and isolates (Unicode category Cf)
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_KEPT_IN_TEXT = frozenset("\n\t")


def _unsafe(ch: str, multiline: bool) -> bool:
    if multiline and ch in _KEPT_IN_TEXT:
        return False
    if ch in _BIDI:
        return True
    cat = unicodedata.category(ch)
    return cat == "Cc" or cat == "Cs"  # control characters; surrogates (never valid alone)


def safe_text(value: object, *, multiline: bool = False) -> str:
    """`value` as text a person may safely be shown: one line unless `multiline`."""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable() and not _BIDI.intersection(text):
        return text  # the common case costs one scan
    return "".join(ch for ch in text if not _unsafe(ch, multiline))
