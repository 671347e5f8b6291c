"""A table cell of plain text runs, for the dossier's long evidence tables.

A year's dossier has thousands of cells. As Paragraphs each would be parsed from markup, broken
into lines with every word measured again, and drawn fragment by fragment: most of the dossier's
time. A TextCell is given its runs (text, font, colour, link) directly, measures each distinct
word once per font and size (a shared cache), keeps its line breaks per width, and draws each
line in one text object. It breaks lines as a left-aligned Paragraph does: greedily at spaces,
a word longer than the line split at characters, a "\\n" a line break; the first baseline one
font size below the top, then one leading per line.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from btdesk.safetext import safe_text

_SPACE = re.compile(r"(\s+)")


class Run(NamedTuple):
    """Text in one font and colour; `link` names a bookmark the text links to."""
    text: str
    font: str
    color: Color
    link: str | None = None


Frag = tuple[str, str, Color, str | None]  # a run's piece within one word
Word = tuple[Frag, ...]


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _word_width(word: Word, size: float) -> float:
    return sum(_width(t, f, size) for t, f, _, _ in word)


def _words(runs: Iterable[Run]) -> list[Word]:
    """The words of one line of runs; a word may span runs (bold "4" then a regular ";")."""
    words: list[Word] = []
    cur: list[Frag] = []
    for run in runs:
        text = safe_text(run.text, multiline=True)
        if not cur and " " not in text and text.isprintable() and text:  # one word: the usual case
            cur.append((text, run.font, run.color, run.link))
            continue
        for part in _SPACE.split(text):
            if not part:
                continue
            if part.isspace():
                if cur:
                    words.append(tuple(cur))
                    cur = []
            else:
                cur.append((part, run.font, run.color, run.link))
    if cur:
        words.append(tuple(cur))
    return words


def _split_long(word: Word, avail: float, size: float, start: float) -> list[Word]:
    """A word wider than a line, cut at characters as Paragraph cuts it: the first piece fills
    the current line from `start` (it may be empty), the next ones whole lines."""
    pieces: list[Word] = []
    cur: list[Frag] = []
    width = start
    for text, font, color, link in word:
        for ch in text:
            w = _width(ch, font, size)
            if width + w > avail and (cur or w <= avail):
                pieces.append(tuple(cur))
                cur, width = [], 0.0
            if cur and cur[-1][1:] == (font, color, link):
                cur[-1] = (cur[-1][0] + ch, font, color, link)
            else:
                cur.append((ch, font, color, link))
            width += w
    pieces.append(tuple(cur))
    return pieces


def break_lines(lines: Sequence[list[Word]], avail: float, size: float, shrink: float) -> list[list[Word]]:
    """Greedy line breaking of each given line's words to `avail` points; as in Paragraph, a
    line may run over by `shrink` of a space for each space in it (style.spaceShrinkage)."""
    out: list[list[Word]] = []
    for words in lines:
        line: list[Word] = []
        width = 0.0
        for word in words:
            ww = _word_width(word, size)
            space = _width(" ", line[-1][-1][1], size) if line else 0.0
            if ww > avail:  # each piece but the last ends its line
                *whole, last = _split_long(word, avail, size, width + space if line else 0.0)
                for piece in whole:
                    out.append([*line, piece] if piece else line)
                    line = []
                line, width = [*line, last], (width + space if line else 0.0) + _word_width(last, size)
                continue
            if line and width + space + ww > avail + shrink * space * len(line):
                out.append(line)
                line, width = [word], ww
            else:
                line.append(word)
                width += space + ww
        out.append(line)
    return out


class LineText(PDFTextObject):
    """A text object for the long tables, whose every line starts with `setTextOrigin`: it writes
    a string as reportlab's `textOut` does, the same operators byte for byte, but makes each
    distinct one once per document (the texts repeat: names, "Egen anteckning", kinds of entry),
    and does not measure it to move a cursor that the next line sets anyway. What reportlab
    writes depends on the font, size and leading, the subset the text object last switched to
    and the text; the subset it leaves switched to is kept beside it (reportlab's own
    `_formatText` and `_curSubset`: this class is where the tables depend on them)."""

    def textOut(self, text: str) -> None:
        me: Any = self  # reportlab's private attributes, which its type stubs do not declare
        made = _made_for(me._canvas)
        key = (me._fontname, me._fontsize, me._leading, me._curSubset, text)
        known = made.get(key)
        if known is None:
            known = made[key] = (me._formatText(text), me._curSubset)
        me._code.append(known[0])
        me._curSubset = known[1]


_MADE: WeakKeyDictionary[Canvas, dict[tuple[str, float, float, int, str], tuple[str, int]]] = WeakKeyDictionary()


def _made_for(canv: Canvas) -> dict[tuple[str, float, float, int, str], tuple[str, int]]:
    made = _MADE.get(canv)
    if made is None:
        made = _MADE[canv] = {}
    return made


class TextCell(Flowable):
    """Lines of runs in one size and leading (the style's), broken to the cell's width."""

    def __init__(self, lines: Sequence[Sequence[Run]], style: ParagraphStyle) -> None:
        super().__init__()
        self.size, self.leading = float(style.fontSize), float(style.leading)
        self.shrink = float(style.spaceShrinkage)
        self.words = [_words(runs) for line in lines for runs in _split_newlines(line)]
        self._broken: tuple[float, list[list[Word]]] | None = None

    def _lines(self, avail: float) -> list[list[Word]]:
        if self._broken is None or self._broken[0] != avail:
            self._broken = (avail, break_lines(self.words, avail, self.size, self.shrink))
        return self._broken[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._lines(availWidth)) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        tx = LineText(self.canv)
        links: list[Link] = []
        self.draw_into(tx, 0.0, self.height, links, None)
        self.canv.drawText(tx)
        draw_links(self.canv, links)

    def draw_into(self, tx: PDFTextObject, x0: float, top: float, links: list[Link],
                  font: tuple[str, Color] | None) -> tuple[str, Color] | None:
        """Write the lines into `tx` from (x0, top), the first baseline one font size lower; the
        links' places are added to `links`. `font` is the text object's current font and colour
        (None: unknown); returns it as this cell left it."""
        size, y = self.size, top - self.size
        for line in self._lines(self.width):
            tx.setTextOrigin(x0, y)
            x = x0
            for text, f, color, link in _segments(line):
                if font != (f, color):
                    tx.setFont(f, size)
                    tx.setFillColor(color)
                    font = (f, color)
                tx.textOut(text)
                w = _width(text, f, size)
                if link:  # the rectangle a Paragraph's <a href="#key"> gets
                    links.append((link, (x, y - size / 8, x + w, y - size / 8 + self.leading)))
                x += w
            y -= self.leading
        return font


Link = tuple[str, tuple[float, float, float, float]]  # a bookmark key and the linked text's rectangle


def draw_links(canv: Canvas, links: list[Link]) -> None:
    for key, rect in links:
        canv.linkRect("", key, rect, relative=1)


def _split_newlines(runs: Sequence[Run]) -> list[list[Run]]:
    """One list of runs per "\\n"-separated line."""
    out: list[list[Run]] = [[]]
    for run in runs:
        if "\n" not in run.text:  # the usual case: no new run to make
            out[-1].append(run)
            continue
        parts = run.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                out.append([])
            out[-1].append(Run(part, run.font, run.color, run.link))
    return out


def _segments(line: list[Word]) -> list[Frag]:
    """A line's words joined into as few pieces of one font, colour and link as there can be;
    the space between two words goes with the word before it."""
    segs: list[Frag] = []
    for i, word in enumerate(line):
        last = len(word) - 1
        for j, (text, font, color, link) in enumerate(word):
            if j == last and i < len(line) - 1:
                text += " "
            if segs and segs[-1][1:] == (font, color, link):
                segs[-1] = (segs[-1][0] + text, font, color, link)
            else:
                segs.append((text, font, color, link))
    return segs
