"""A typed answer's verdict says why, so a page can explain it: how the answer was read,
or what makes it wrong."""

from decimal import Decimal

import pytest

from quizapp.questions.answers import check_answer
from quizapp.questions.base import REASONS

AREA = {"answer": 620, "unit": {"ar": "متر مربع", "en": "square metres"}}
STUDENTS = {"answer": 1500, "unit": {"ar": "طالب", "en": "students"}, "qualifier": "more_than"}
TRADE = {"answer": 94.8, "unit": {"ar": "مليار دولار", "en": "billion US dollars"}}
MONTHS = {"answer": 6, "unit": {"ar": "أشهر", "en": "months"}}
YEARS_AGO = {"answer": 2100, "unit": {"ar": "عام", "en": "years"}, "qualifier": "more_than"}
YEAR = {"answer": 2025}
CHAOYANG = {"answers": {"ar": ["حي تشاويانغ", "تشاويانغ"], "en": ["Chaoyang District"]}}
RAHMON = {"answers": {"ar": ["إمام علي رحمان"], "en": ["Emomali Rahmon", "Rahmon"]},
          "variants": ["Emomali Rakhmon"]}
ABAI = {"answers": {"ar": ["أباي"], "en": ["Abai"]}}
ASTANA = {"answers": {"ar": ["أستانا"], "en": ["Astana"]}}

CASES = [
    ("numeric", STUDENTS, "1,500", True, "read_as", 1500),
    ("numeric", STUDENTS, "ألف وخمسمائة", True, "read_as", 1500),
    ("numeric", STUDENTS, "أكثر من ١٥٠٠ طالب", True, "read_as", 1500),
    ("numeric", TRADE, "94 مليار و800 مليون", True, "read_as", Decimal("94.8")),
    ("numeric", TRADE, "٩٤،٨", True, "read_as", Decimal("94.8")),
    ("numeric", YEAR, "2 سبتمبر 2025", True, "read_as", 2025),
    ("numeric", YEAR, "2024", False, "wrong", 2024),
    ("numeric", YEAR, "2025 or 2022", False, "two_values", [2025, 2022]),
    ("numeric", TRADE, "44 مليار أو 94.8 مليار", False, "two_values",
     [44 * 10**9, 94_800_000_000]),
    ("numeric", AREA, "620 كم²", False, "wrong_unit", AREA["unit"]),
    ("numeric", MONTHS, "6 سنوات", False, "wrong_unit", MONTHS["unit"]),
    ("numeric", TRADE, "94.8 مليار يورو", False, "wrong_unit", TRADE["unit"]),
    ("numeric", STUDENTS, "أقل من 1500", False, "qualifier", "less"),
    ("numeric", YEARS_AGO, "2100 ق.م", False, "qualifier", "bc"),
    ("numeric", YEAR, "no idea", False, "no_answer", None),
    ("short_text", ASTANA, "Astana", True, "exact", "Astana"),
    ("short_text", RAHMON, "Emomali Rakhmon", True, "variant", "Emomali Rakhmon"),
    ("short_text", CHAOYANG, "تشاويانق", True, "spelling_close", "حي تشاويانغ"),
    ("short_text", ASTANA, "استانة", True, "spelling_close", "أستانا"),
    ("short_text", CHAOYANG, "منطقة تشاويانغ", True, "fuller_name", "حي تشاويانغ"),
    ("short_text", ABAI, "Abai Kunanbayev", True, "fuller_name", "Abai"),
    ("short_text", ASTANA, "Astana or Almaty", False, "two_values", ["astana", "almaty"]),
    ("short_text", ASTANA, "Almaty", False, "wrong", None),
    ("short_text", ASTANA, "", False, "no_answer", None),
]


@pytest.mark.parametrize("kind, details, response, correct, reason, value", CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_verdict_names_its_reason_and_the_value_read(kind, details, response, correct,
                                                     reason, value):
    result = check_answer(kind, details, response)
    assert (result.correct, result.reason, result.value) == (correct, reason, value)


def test_every_reason_is_documented():
    assert {case[4] for case in CASES} == set(REASONS)


def test_one_answer_spelled_twice_is_not_two_values():
    result = check_answer("short_text", {"answers": {"ar": ["شيآن"], "en": ["Xi'an"]}},
                          "Xi'an / Xian")
    assert result.correct is True


def test_a_second_name_joined_by_wa_is_two_answers():
    result = check_answer("short_text", {"answers": {"ar": ["كازاخستان"], "en": ["Kazakhstan"]}},
                          "كازاخستان وأوزبكستان")
    assert result.correct is False
