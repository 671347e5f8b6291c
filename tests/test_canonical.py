"""Canonical JSON must be RFC 8785 byte for byte: a record's hash is its identity on every
machine. The fast path is held equal to the rfc8785 reference on any JSON value."""
from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from btdesk.bundle.read import _canonical_line
from btdesk.canonical import canonical_bytes, parse_canonical

scalars = (st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.text()
           | st.floats(allow_nan=False, allow_infinity=False))
values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4)
                      | st.dictionaries(st.text(max_size=6), kids, max_size=4), max_leaves=20)


def _reference(v):
    try:
        return rfc8785.dumps(v)
    except Exception as e:  # noqa: BLE001 - the reference refuses some values, and so must we, alike
        return type(e)


def _ours(v):
    try:
        return canonical_bytes(v)
    except Exception as e:  # noqa: BLE001 - compared with the reference's exception type
        return type(e)


@settings(max_examples=600, deadline=None)
@given(values)
def test_equal_to_the_reference_on_any_value(v):
    assert _ours(v) == _reference(v)


def test_the_values_records_hold():
    record = {"id": "6f1c", "kind": "activity", "version": 2, "prev": None, "deleted": False,
              "body": {"title": "ALS-kurs – Södersjukhuset", "hours": 8.0, "half": 2.5, "tiny": 1e-7,
                       "delmal": ["BT1", "BT9"], "ctrl": "a\u0001b\n\"c\"\\", "emoji": "🙂",
                       "max": 2**53 - 1, "min": -(2**53 - 1)}}
    assert canonical_bytes(record) == rfc8785.dumps(record)
    for edge in (2**53, -(2**53), 2**60, 1e21, 1e16, 1e-4, 0.0001234, -0.0):
        assert _ours({"x": edge}) == _reference({"x": edge}), edge


# -- parse_canonical: is a text exactly the canonical form of what it holds? ------------------
keys = st.text(max_size=6) | st.sampled_from(["\U0001f642", "\ue000", "\ud7ff", "å", "a\u00e5", "\x7f", "\u2028"])
hostile_values = st.recursive(scalars | st.sampled_from([2**53 - 1, 2**53, 2**53 + 1, -(2**53 + 1), 1.0, -0.0, 1e21]),
                              lambda kids: st.lists(kids, max_size=4) | st.dictionaries(keys, kids, max_size=4),
                              max_leaves=20)


@st.composite
def texts(draw):
    """JSON texts, canonical or nearly: other encoders' output, then a few bytes changed."""
    v = draw(hostile_values)
    how = draw(st.sampled_from(["rfc8785", "sorted", "unsorted", "ascii", "spaced"]))
    try:
        raw = rfc8785.dumps(v) if how == "rfc8785" else json.dumps(
            v, ensure_ascii=how == "ascii", sort_keys=how != "unsorted",
            separators=(", ", ": ") if how == "spaced" else (",", ":")).encode("utf-8", "surrogatepass")
    except (ValueError, TypeError):
        raw = b"{}"
    for _ in range(draw(st.integers(0, 2))):
        edit = draw(st.sampled_from([b'"a":1,"a":1', b"\\u00e5", "å".encode(), b"\\ud800", b"\\ud83d\\ude42",
                                     "🙂".encode(), b"\xed\xa0\x80", b"1e2", b"1.0", b"-0", b"9007199254740993",
                                     b"NaN", b" ", b"\\/", b"\\u001F", b",", b'"', b"}"]))
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + edit + raw[at + draw(st.integers(0, 2)):]
    return raw


@settings(max_examples=1500, deadline=None)
@given(texts())
def test_a_text_is_taken_as_canonical_only_when_it_is(raw):
    ok, value = parse_canonical(raw)
    if ok:
        assert rfc8785.dumps(value) == raw
        pairs = json.loads(raw, object_pairs_hook=lambda p: p)  # no duplicate key anywhere
        assert all(len({k for k, _ in p}) == len(p) for p in _objects(pairs))


def _objects(parsed):
    if isinstance(parsed, list) and all(isinstance(p, tuple) and len(p) == 2 for p in parsed):
        yield parsed
        for _, v in parsed:
            yield from _objects(v)
    elif isinstance(parsed, list):
        for v in parsed:
            yield from _objects(v)


@settings(max_examples=600, deadline=None)
@given(hostile_values)
def test_the_canonical_form_of_any_value_is_taken_as_canonical(v):
    try:
        raw = rfc8785.dumps(v)
    except rfc8785.CanonicalizationError:
        return
    ok, value = parse_canonical(raw)
    try:  # a float such as 2.0**53 is written as an integer that is not exact as one
        again = rfc8785.dumps(json.loads(raw))
    except rfc8785.CanonicalizationError:
        assert not ok
        return
    assert ok == (again == raw)
    assert not ok or rfc8785.dumps(value) == raw


@pytest.mark.parametrize("raw", [b'{"a":1,"a":1}', b'{"a": 1}', b'{"b":1,"a":2}', b'{"x":"\\u00e5"}', b'{"x":1.0}',
                                 b'{"x":9007199254740992}', b'{"x":-0}', b'{"x":"\\ud800"}', b'[NaN]', b'{"x":1E2}',
                                 '{"\ue000":1,"\U0001f642":2}'.encode(), b'"\\/"', b'"\\u001F"'])
def test_hostile_texts_are_not_canonical(raw):
    assert parse_canonical(raw) == (False, None)


@pytest.mark.parametrize("raw", [b'{"x":9007199254740991}', b'{"x":1.5}', b'{"x":8}', '{"x":"å🙂"}'.encode(),
                                 '{"\U0001f642":2,"\ue000":1}'.encode(), b'{"x":"\\u001f\\n"}'])
def test_canonical_texts_are(raw):
    assert parse_canonical(raw)[0]


@settings(max_examples=400, deadline=None)
@given(hostile_values, st.sampled_from([None, "MIIBkQYJKoZIhvcNAQcCoIIBgjCCAX4CAQEx=="]))
def test_a_bundle_lines_record_bytes_are_its_canonical_form(body, sig):
    """The reader takes a record's canonical bytes from its line; they must be rfc8785's."""
    record = {"id": "6f1c", "kind": "activity", "version": 1, "body": body}
    try:
        expected = rfc8785.dumps(record)
        exact = rfc8785.dumps(json.loads(expected)) == expected  # not for 2.0**53, written as an inexact integer
    except rfc8785.CanonicalizationError:
        exact = False
    if not exact:
        return
    line = b'{"hash":"' + b"ab" * 32 + b'","record":' + expected + b',"signature":' + (
        b"null" if sig is None else b'"' + sig.encode() + b'"') + b"}"
    parsed, record_bytes = _canonical_line(line)
    assert record_bytes == expected and parsed["record"] == json.loads(expected)
    assert _canonical_line(line.replace(b'"version":1', b'"version": 1')) == (None, None)
