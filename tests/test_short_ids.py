"""Short fingerprints and serials: what people read in a table they can type back, as long as it
means one thing; too short or ambiguous is one sentence."""
from __future__ import annotations

import pytest

from btdesk.errors import BtdeskError
from btdesk.short_ids import short_serial, unique_prefix

FPS = ["f408ff" + "0" * 58, "f408aa" + "1" * 58, "0badc0de" + "2" * 56]


def test_a_unique_prefix_finds_its_one_candidate():
    assert unique_prefix("F408 FF", FPS, "fingerprint") == FPS[0]  # as pasted: spaces, upper case
    assert unique_prefix("0bad", FPS, "fingerprint") == FPS[2]
    assert unique_prefix("dead", FPS, "fingerprint") is None


@pytest.mark.parametrize("text, words", [("f408", "more than one"), ("f4", "at least 4"), ("x408ff", "hexadecimal")])
def test_too_short_ambiguous_or_not_hex_is_one_sentence(text, words, english):
    with pytest.raises(BtdeskError, match=words):
        unique_prefix(text, FPS, "fingerprint")


def test_a_serial_is_shown_as_its_first_hex_digits():
    serial = 12819070087640241656644332230773088086627842970
    assert short_serial(serial) == format(serial, "x")[:8] and unique_prefix(short_serial(serial),
                                                                             [format(serial, "x")], "serial")
