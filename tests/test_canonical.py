"""Canonical JSON must be RFC 8785 byte for byte: a record's hash is its identity on every
machine. The fast path is held equal to the rfc8785 reference on any JSON value."""
from __future__ import annotations

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from btdesk.canonical import canonical_bytes

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
