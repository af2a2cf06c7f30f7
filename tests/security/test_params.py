"""The one parser for numbers from a request: plain decimal numbers in bounds, or None."""

import pytest

from quizapp.core.params import MAX_ID, parse_int


@pytest.mark.parametrize("raw, expected", [
    ("0", 0), ("42", 42), (" 7 ", 7), (str(MAX_ID), MAX_ID),
    ("٣", 3),  # Arabic-Indic digits are digits int() reads
])
def test_plain_numbers_in_bounds_are_read(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", " ", "²", "1²", "½", "-1", "+1", "1.0", "1e3", "0x10", "1 000",
    str(MAX_ID + 1), str(2**63), "1" + "0" * 5000,
])
def test_anything_else_is_none(raw):
    assert parse_int(raw) is None


def test_bounds_are_inclusive():
    assert parse_int("1", low=1, high=4) == 1
    assert parse_int("4", low=1, high=4) == 4
    assert parse_int("5", low=1, high=4) is None
    assert parse_int("0", low=1, high=4) is None
