"""The fast record-line check never accepts what record.schema.json refuses, and accepts the
lines btdesk writes (else it would save nothing)."""
from __future__ import annotations

import string
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from btdesk.bundle.format import validator
from btdesk.bundle.linecheck import enabled, surely_valid

HEX = "0123456789abcdef"
sha = st.text(HEX, min_size=64, max_size=64)
uid = st.uuids().map(str)
stamp = st.datetimes(min_value=datetime(1000, 1, 1)).map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%S") + "Z")
good_record = st.fixed_dictionaries({
    "id": uid, "kind": st.sampled_from(["activity", "talk", "assessment", "bt", "x-y_1"]),
    "version": st.integers(1, 10**9), "prev": st.none() | sha, "author": sha,
    "author_name": st.text(min_size=1, max_size=200), "created": stamp, "updated": stamp,
    "deleted": st.booleans(), "body": st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
})
b64 = st.text(string.ascii_letters + string.digits + "+/", min_size=16, max_size=40).map(lambda s: s + "==")
good_line = st.fixed_dictionaries({"record": good_record, "hash": sha, "signature": st.none() | b64})

# Values a hostile sender might put anywhere: near misses of every constraint.
odd = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 2 * 10**9), st.floats(allow_nan=False), st.text(max_size=70),
    sha.map(lambda s: s + "\n"), sha.map(str.upper), sha.map(lambda s: s[:63]), uid.map(lambda s: s + "\n"),
    stamp.map(lambda s: s + "\n"), stamp.map(lambda s: s.replace("Z", "+00:00")), st.just("Activity"),
    st.just(""), st.text(min_size=201, max_size=205), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.just(1.0), st.just(True),
)


@st.composite
def mutated_line(draw):
    line = draw(good_line)
    record = dict(line["record"])
    where = draw(st.sampled_from(["line", "record", "drop", "extra"]))
    if where == "line":
        line[draw(st.sampled_from(sorted(line)))] = draw(odd)
    elif where == "record":
        record[draw(st.sampled_from(sorted(record)))] = draw(odd)
    elif where == "drop":
        record.pop(draw(st.sampled_from(sorted(record))))
    else:
        record[draw(st.text(max_size=8))] = draw(odd)
    return dict(line, record=record)


def test_the_check_was_written_for_the_shipped_schema():
    # Failing here means record.schema.json changed: bring btdesk/bundle/linecheck.py up to date
    # with it, then pin the new digest.
    assert enabled()


@settings(max_examples=400, deadline=None)
@given(good_line)
def test_lines_btdesk_writes_are_accepted_fast(line):
    assert validator("record.schema.json").is_valid(line)
    assert surely_valid(line)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(mutated_line(), odd))
def test_never_accepts_what_the_schema_refuses(line):
    if surely_valid(line):
        assert validator("record.schema.json").is_valid(line)
