"""Ordering: places the student gives each item, ties included, and how they are graded."""

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.questions.answers import check_answer
from quizapp.questions.types.ordering import TYPE as ORDERING

ITEMS = {"items": [{"ar": f"ب{i}", "en": f"item {i}"} for i in range(4)]}
LAYOUT = [2, 0, 3, 1]


def _form(places: dict[int, str]) -> MultiDict:
    return MultiDict({f"position-{index}": place for index, place in places.items()})


def _grade_form(places: dict[int, str]):
    response = ORDERING.response_from_form(ITEMS, LAYOUT, _form(places))
    return check_answer("ordering", ITEMS, response)


def test_every_item_in_place_one_is_not_in_order():
    result = _grade_form({0: "1", 1: "1", 2: "1", 3: "1"})
    assert result.correct is False
    assert result.score == 0.0


def test_a_tie_costs_only_the_tied_pair():
    # Items 2 and 3 share place 3: five of the six pairs are still in order.
    result = _grade_form({0: "1", 1: "2", 2: "3", 3: "3"})
    assert result.correct is False
    assert result.score == pytest.approx(5 / 6)


def test_distinct_places_in_the_right_order_are_right():
    result = _grade_form({0: "1", 1: "2", 2: "3", 3: "4"})
    assert result.correct is True
    assert result.score == 1.0


def test_a_swapped_pair_costs_one_pair():
    result = _grade_form({0: "2", 1: "1", 2: "3", 3: "4"})
    assert result.correct is False
    assert result.score == pytest.approx(5 / 6)


def test_a_missing_place_is_no_response():
    assert ORDERING.response_from_form(ITEMS, LAYOUT, _form({0: "1", 1: "2", 2: "3"})) is None


def test_a_place_that_is_not_a_number_is_no_response():
    assert ORDERING.response_from_form(
        ITEMS, LAYOUT, _form({0: "1", 1: "2", 2: "x", 3: "4"})) is None


def test_old_stored_responses_still_grade():
    # Rows answered before ties were kept hold the item indices in the student's order.
    assert check_answer("ordering", ITEMS, [0, 1, 2, 3]).correct is True
    assert check_answer("ordering", ITEMS, [1, 0, 2, 3]).score == pytest.approx(5 / 6)


def test_a_tied_response_reads_in_the_students_order():
    response = ORDERING.response_from_form(
        ITEMS, LAYOUT, _form({0: "2", 1: "1", 2: "2", 3: "3"}))
    assert ORDERING.describe_response(ITEMS, response, "en") == [
        "item 1", "item 0", "item 2", "item 3"]


def test_old_responses_read_in_the_students_order():
    assert ORDERING.describe_response(ITEMS, [3, 1, 0, 2], "en") == [
        "item 3", "item 1", "item 0", "item 2"]
