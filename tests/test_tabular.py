"""One implementation of table, CSV and JSON output (btdesk.tabular), for the CLI and the window."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest

from btdesk.tabular import Column, render, text_table, write_csv_file


def test_csv_and_json_keep_swedish_text_and_empty_cells():
    rows = [["Åsa Öberg", None, 1.5], ["Erik, Jr", "x\"y", 0]]
    text = render("csv", data=lambda: rows, header=("name", "note", "months"), rows=lambda: rows, table=str)
    assert list(csv.reader(io.StringIO(text))) == [["name", "note", "months"], ["Åsa Öberg", "", "1.5"],
                                                    ["Erik, Jr", "x\"y", "0"]]
    out = render("json", data=lambda: {"name": "Åsa"}, table=str)
    assert "Åsa" in out and json.loads(out) == {"name": "Åsa"} and out.endswith("\n")


def test_only_the_asked_format_is_built_and_a_missing_csv_form_is_refused():
    def boom() -> str:
        raise AssertionError("the table was built for JSON output")
    assert render("json", data=list, table=boom) == "[]\n"
    with pytest.raises(ValueError, match="no CSV form"):
        render("csv", data=list, table=str)


def test_text_table_aligns_clips_and_leaves_no_trailing_space():
    cols = (Column("Name", 6, clip=True), Column("N", 4, ">"), Column("Serial", 4), Column("Why", 0))
    t = text_table(cols, [["Annika Lund", 3, "123456", ""], ["Bo", 12, "1", "left"]])
    assert t.splitlines() == ["Name     NSerialWhy", "Annik    3123456", "Bo      121   left"]


def test_a_csv_file_is_written_whole_or_not_at_all(tmp_path):
    f = tmp_path / "kullen.csv"
    assert write_csv_file(f, ("a", "b"), [[1, "Ö"]]) == 1
    before = f.read_bytes()
    assert before == "a,b\r\n1,Ö\r\n".encode()

    def rows():
        yield [2, "x"]
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError):
        write_csv_file(f, ("a", "b"), rows())
    assert f.read_bytes() == before and os.listdir(tmp_path) == ["kullen.csv"]
