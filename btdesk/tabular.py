"""Table, CSV and JSON output: one implementation for the command line and the window.

`render(fmt, …)` gives the text of any of the three formats; `write_csv_file` writes a CSV file
whole or not at all. CSV is UTF-8 with the header first; JSON keeps å, ä, ö as they are.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from btdesk.fileutil import atomic_file

Format = Literal["table", "csv", "json"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json")


@dataclass(frozen=True)
class Column:
    """One column of a text table: its title, width (0: unbounded) and alignment ("<" left, ">" right)."""
    title: str
    width: int
    align: str = "<"
    clip: bool = False  # cut longer text to fit, leaving one space; else the text pushes the row on

    def cell(self, value: Any) -> str:
        text = "" if value is None else str(value)
        if self.width <= 0:  # the last column: as wide as its text
            return text
        if self.clip:
            text = text[:self.width - 1 if self.align == "<" else self.width]
        return f"{text:{self.align}{self.width}}"


def text_table(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> str:
    """Fixed-width columns, a title line first; no trailing spaces."""
    lines = ["".join(c.cell(c.title) for c in columns).rstrip()]
    lines += ["".join(c.cell(v) for c, v in zip(columns, row, strict=False)).rstrip() for row in rows]
    return "\n".join(lines)


def _write_csv(stream: io.TextIOBase | Any, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    w = csv.writer(stream)  # RFC 4180 line ends, as spreadsheets expect
    w.writerow(header)
    n = 0
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    _write_csv(buf, header, rows)
    return buf.getvalue()


def json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def render(fmt: Format, *, data: Callable[[], Any], header: Sequence[str] = (),
           rows: Callable[[], Iterable[Sequence[Any]]] | None = None, table: Callable[[], str]) -> str:
    """The output of one command in `fmt`. `data` gives the JSON value, `header` and `rows` the CSV
    (a format without them is refused), `table` the text for people; each is built only when asked."""
    if fmt == "json":
        return json_text(data())
    if fmt == "csv":
        if rows is None:
            raise ValueError("this output has no CSV form")
        return csv_text(header, rows())
    if fmt == "table":
        return table().rstrip("\n") + "\n"
    raise ValueError(f"unknown format {fmt!r}")


def write_csv_file(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a CSV file whole or not at all; returns the number of rows."""
    with atomic_file(path) as raw:
        f = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        n = _write_csv(f, header, rows)
        f.flush()
        f.detach()  # leave the binary file to atomic_file, which syncs and renames it
    return n
