"""Hostile bank text gets a located problem list, quickly: never a 500, never a pinned
worker, and no control or bidi character slips through in an escape."""

import time
from pathlib import Path

import pytest

from quizapp.banks.validator import check_bank_text, read_library
from quizapp.banks.yamlfile import parse

from .conftest import GOOD, submit

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"
BLOCK = "\n".join(" " * depth + f"k{depth}:" for depth in range(1000)) + " x\n"

DEEP = {
    "unclosed flow": "[" * 20000,
    "closed flow": "[" * 1000 + "]" * 1000,
    "flow inside a bank": GOOD.replace("tags: [culture]", "tags: " + "[" * 1000 + "]" * 1000),
    "block mappings": BLOCK,
    "block sequences": "- " * 1000 + "x\n",
}


@pytest.fixture(scope="module")
def library():
    return read_library(QUESTIONS)


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_one_located_problem_found_quickly(text):
    start = time.perf_counter()
    problems = parse(text, "bank.yaml", max_bytes=1 << 24).problems
    assert time.perf_counter() - start < 0.5
    assert [p.message() for p in problems] == ["nested more than 20 levels deep"]
    assert problems[0].line >= 1 and problems[0].column > 1


@pytest.mark.parametrize("name", ["unclosed flow", "block mappings"])
def test_deep_nesting_in_the_browser_is_a_problem_list(loaded_app, world, client_as, name):
    # Checked at once, not by a job (the block mappings are over JOB_BANK_BYTES).
    loaded_app.config["JOB_BANK_BYTES"] = 1 << 20
    start = time.perf_counter()
    response = submit(client_as("teacher"), DEEP[name])
    assert time.perf_counter() - start < 2
    assert response.status_code == 422
    assert "nested more than 20 levels deep" in response.get_data(as_text=True)


def test_a_syntax_error_is_still_worded_by_line_and_column():
    problems = parse("a: [b, c\nd: e\n", "bank.yaml", max_bytes=1 << 20).problems
    assert len(problems) == 1 and problems[0].message().startswith("YAML syntax error: ")


def test_two_list_keys_are_reported_as_unhashable_not_as_a_duplicate():
    problems = parse("? [a]\n: 1\n? [b]\n: 2\n", "bank.yaml", max_bytes=1 << 20).problems
    assert [(p.line, p.message()) for p in problems] == [
        (1, "YAML syntax error: found unhashable key")
    ]


ESCAPED = {
    "NUL": ('"When did the centre open?\\0"', "U+0000"),
    "escape": ('"When did the centre open?\\e"', "U+001B"),
    "carriage return": ('"When did the centre\\r open?"', "U+000D"),
    "C1 control": ('"When did the centre open?\\x85"', "U+0085"),
    "right-to-left override": ('"\\u202EWhen did the centre open?"', "bidi U+202E"),
    "isolate": ('"When did \\u2067the centre open?"', "bidi U+2067"),
    "right-to-left mark": ('"When did the centre open?\\u200F"', "bidi U+200F"),
    "Arabic letter mark": ('"When did the centre open?\\u061C"', "bidi U+061C"),
}


@pytest.mark.parametrize("escaped, code", ESCAPED.values(), ids=ESCAPED.keys())
def test_an_escaped_control_character_is_found_in_the_decoded_value(library, escaped, code):
    text = GOOD.replace('en: "When did the centre open?"', f"en: {escaped}")
    assert text != GOOD
    checked, problems = check_bank_text(text, "bank.yaml", library)
    line = text.split("\n").index(next(x for x in text.split("\n") if escaped in x)) + 1
    assert checked is None
    kind, _, code = code.rpartition(" ")
    message = f"{kind} control character {code} is not allowed".lstrip()
    assert [(p.line, p.path, p.message()) for p in problems] == [
        (line, "questions[0].prompt.en", message)]


def test_a_raw_bidi_character_is_reported_once_at_its_column(library):
    text = GOOD.replace("When did the centre open?", "When did the \u202ecentre open?")
    _, problems = check_bank_text(text, "bank.yaml", library)
    assert [p.message() for p in problems] == ["bidi control character U+202E is not allowed"]


def test_tab_and_newline_in_values_are_allowed(library):
    text = GOOD.replace('en: "When did the centre open?"', 'en: "When did\\tthe centre\\nopen?"')
    checked, problems = check_bank_text(text, "bank.yaml", library)
    assert problems == [] and checked is not None


def test_a_bank_with_an_escaped_nul_is_refused_in_the_browser(loaded_app, world, client_as):
    teacher = client_as("teacher")
    response = submit(teacher, GOOD.replace('en: "When did the centre open?"',
                                            'en: "When did the centre open?\\0"'))
    assert response.status_code == 422
    assert 'control character U+<bdi dir="ltr">0000</bdi> is not allowed' in \
        response.get_data(as_text=True)
