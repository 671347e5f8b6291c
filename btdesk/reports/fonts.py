"""The shipped TTF (DejaVu Sans), registered once: reportlab's own fonts lack Swedish
glyph coverage guarantees and are not embedded."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_SPLITS = "btdesk_splits"  # where a document's font state keeps the texts already split


def _font_class() -> type[TTFont]:
    from reportlab.pdfbase.ttfonts import TTFont

    class SplitOnceFont(TTFont):
        """A TTFont that splits each distinct text into its subsets once per document. reportlab
        splits every string it writes character by character, and a report writes the same
        short texts (names, "Egen anteckning", kinds of entry) thousands of times. The split of
        a text depends only on the codes its characters were given in that document, which,
        once given, never change: the first split is every later one's."""

        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
            state = self.state.get(doc)
            splits: dict[Any, list[tuple[int, bytes]]] | None = getattr(state, _SPLITS, None)
            if splits is not None:
                known = splits.get(text)
                if known is not None:
                    return known
            out: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
            state = self.state[doc]
            if splits is None:
                splits = {}
                setattr(state, _SPLITS, splits)
            splits[text] = out
            return out

    return SplitOnceFont


@cache
def register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from btdesk.resources import resource_path

    font = _font_class()
    pdfmetrics.registerFont(font(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(font(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
