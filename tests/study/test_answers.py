"""check_answer, table-driven: what a student types or picks, and whether it counts."""

import pytest

from quizapp.questions.answers import NotAnswerable, check_answer
from quizapp.questions.normalise import normalise_text

SINGLE = {"choices": {"a": {}, "b": {}, "c": {}}, "answer": "b"}
MULTI = {"choices": {"a": {}, "b": {}, "c": {}, "d": {}}, "answers": ["a", "b"]}
TRADE = {"answer": 44, "tolerance": 0, "unit": {"ar": "مليار دولار", "en": "billion dollars"}}
TRADE_2024 = {"answer": 94.8, "unit": {"ar": "مليار دولار أمريكي", "en": "billion US dollars"}}
AREA = {"answer": 620, "unit": {"ar": "متر مربع", "en": "square metres"}}
YEAR = {"answer": 2022}
STUDENTS = {"answer": "1500", "tolerance": 0}
ROUGH = {"answer": 2100, "tolerance": 100}
ASTANA = {"answers": {"ar": ["أستانا"], "en": ["Astana"]}}
DOMBRA = {"answers": {"ar": ["الدومبرا"], "en": ["dombra"]}, "ignore_article": True}
CHAOYANG = {"answers": {"ar": ["حي تشاويانغ", "تشاويانغ"], "en": ["Chaoyang District"]}}
XIAN = {"answers": {"ar": ["شيآن"], "en": ["Xi'an"]}}
BLCU = {"answers": {"ar": ["جامعة بكين للغة والثقافة"],
                    "en": ["Beijing Language and Culture University"]}}
ABAI = {"answers": {"ar": ["أباي"], "en": ["Abai"]}}
KHIVA = {"answers": {"ar": ["خيوة"], "en": ["Khiva"]}}
XINJIANG = {"answers": {"ar": ["منطقة شينجيانغ ذاتية الحكم لقومية الويغور"],
                        "en": ["the Xinjiang Uyghur Autonomous Region"]}}
CENTURY = {"answers": {"ar": ["القرن الحادي والعشرين"], "en": ["21st Century"]}}
ORDER = {"items": [{}, {}, {}, {}]}
PAIRS = {"pairs": [{}, {}, {}]}

CASES = [
    # single_choice
    ("single_choice", SINGLE, "b", True, 1.0),
    ("single_choice", SINGLE, "a", False, 0.0),
    ("single_choice", SINGLE, "z", False, 0.0),
    ("single_choice", SINGLE, None, False, 0.0),
    # multiple_choice: partial credit, a wrong pick costs a right one
    ("multiple_choice", MULTI, ["a", "b"], True, 1.0),
    ("multiple_choice", MULTI, ["b", "a"], True, 1.0),
    ("multiple_choice", MULTI, ["a"], False, 0.5),
    ("multiple_choice", MULTI, ["a", "c"], False, 0.0),
    ("multiple_choice", MULTI, ["a", "b", "c"], False, 0.5),
    ("multiple_choice", MULTI, [], False, 0.0),
    ("multiple_choice", MULTI, ["c", "d"], False, 0.0),
    # true_false
    ("true_false", {"answer": True}, True, True, 1.0),
    ("true_false", {"answer": True}, "true", True, 1.0),
    ("true_false", {"answer": False}, "false", True, 1.0),
    ("true_false", {"answer": False}, True, False, 0.0),
    ("true_false", {"answer": True}, "maybe", False, 0.0),
    # numeric: digits of every script, separators, units and written magnitudes
    ("numeric", AREA, "620", True, 1.0),
    ("numeric", AREA, "٦٢٠", True, 1.0),
    ("numeric", AREA, "۶۲۰", True, 1.0),
    ("numeric", AREA, "620 m²", True, 1.0),
    ("numeric", AREA, "٦٢٠ متراً مربعاً", True, 1.0),
    ("numeric", AREA, "621", False, 0.0),
    ("numeric", AREA, "six hundred and twenty", True, 1.0),
    ("numeric", TRADE, "44", True, 1.0),
    ("numeric", TRADE, "44 billion", True, 1.0),
    ("numeric", TRADE, "$44bn", True, 1.0),
    ("numeric", TRADE, "٤٤ مليار", True, 1.0),
    ("numeric", TRADE, "٤٤ مليار دولار", True, 1.0),
    ("numeric", TRADE, "44,000,000,000", True, 1.0),
    ("numeric", TRADE, "44000 million", True, 1.0),
    ("numeric", TRADE, "44 million", False, 0.0),
    ("numeric", TRADE, "45", False, 0.0),
    ("numeric", TRADE_2024, "94.8", True, 1.0),
    ("numeric", TRADE_2024, "٩٤٫٨", True, 1.0),
    ("numeric", TRADE_2024, "٩٤٫٨ مليار دولار", True, 1.0),
    ("numeric", TRADE_2024, "94.80 billion US dollars", True, 1.0),
    ("numeric", TRADE_2024, "94", False, 0.0),
    ("numeric", YEAR, "2022", True, 1.0),
    ("numeric", YEAR, "٢٠٢٢", True, 1.0),
    ("numeric", YEAR, "in 2022", True, 1.0),
    ("numeric", YEAR, "2023", False, 0.0),
    ("numeric", STUDENTS, "1,500", True, 1.0),
    ("numeric", STUDENTS, "١٬٥٠٠", True, 1.0),
    ("numeric", STUDENTS, "1.5 thousand", True, 1.0),
    ("numeric", STUDENTS, "١٫٥ ألف", True, 1.0),
    ("numeric", STUDENTS, "1500 طالب", True, 1.0),
    ("numeric", ROUGH, "2050", True, 1.0),
    ("numeric", ROUGH, "2201", False, 0.0),
    ("numeric", YEAR, "", False, 0.0),
    # short_text, Arabic
    ("short_text", ASTANA, "أستانا", True, 1.0),
    ("short_text", ASTANA, "استانا", True, 1.0),
    ("short_text", ASTANA, "أَسْتَانَا", True, 1.0),
    ("short_text", ASTANA, "أستـــانا", True, 1.0),
    ("short_text", ASTANA, " أستانا. ", True, 1.0),
    ("short_text", ASTANA, "ألماتي", False, 0.0),
    ("short_text", DOMBRA, "دومبرا", True, 1.0),
    ("short_text", DOMBRA, "الدومبرا", True, 1.0),
    ("short_text", ASTANA, "الأستانا", False, 0.0),  # no ignore_article on this question
    ("short_text", CHAOYANG, "حيّ تشاويانغ", True, 1.0),
    ("short_text", CHAOYANG, "حي  تشاويانغ", True, 1.0),
    ("short_text", XIAN, "شيان", True, 1.0),
    ("short_text", ABAI, "اباي", True, 1.0),
    ("short_text", KHIVA, "خيوه", True, 1.0),
    ("short_text", BLCU, "جامعه بكين للغه والثقافه", True, 1.0),
    ("short_text", XINJIANG, "منطقة شينجيانغ ذاتيّة الحكم لقوميّة الويغور", True, 1.0),
    ("short_text", CENTURY, "القرن ٢١", False, 0.0),
    ("short_text", {"answers": {"ar": ["مؤتمر"], "en": ["conference"]}}, "موتمر", True, 1.0),
    ("short_text", {"answers": {"ar": ["مئة"], "en": ["hundred"]}}, "ميه", True, 1.0),
    ("short_text", {"answers": {"ar": ["مصطفى"], "en": ["Mustafa"]}}, "مصطفي", True, 1.0),
    # short_text, English
    ("short_text", ASTANA, "astana", True, 1.0),
    ("short_text", ASTANA, "ASTANA!", True, 1.0),
    ("short_text", CHAOYANG, "the Chaoyang district", True, 1.0),
    ("short_text", CHAOYANG, "Chaoyang-District", True, 1.0),
    ("short_text", XIAN, "Xian", True, 1.0),
    ("short_text", XIAN, "Xi-an", True, 1.0),
    ("short_text", BLCU, "beijing language & culture university", True, 1.0),
    ("short_text", XINJIANG, "Xinjiang Uyghur Autonomous Region", True, 1.0),
    ("short_text", CENTURY, "21ST CENTURY", True, 1.0),
    ("short_text", {"answers": {"ar": ["كوبيز"], "en": ["kobyz"]}}, "Kobýz", True, 1.0),
    ("short_text", ASTANA, "", False, 0.0),
    ("short_text", ASTANA, "the", False, 0.0),
    # ordering: share of pairs in the right relative order
    ("ordering", ORDER, [0, 1, 2, 3], True, 1.0),
    ("ordering", ORDER, ["0", "1", "2", "3"], True, 1.0),
    ("ordering", ORDER, [1, 0, 2, 3], False, 5 / 6),
    ("ordering", ORDER, [3, 2, 1, 0], False, 0.0),
    ("ordering", ORDER, [0, 1, 2], False, 0.0),
    ("ordering", ORDER, [0, 0, 1, 2], False, 0.0),
    ("ordering", ORDER, "nonsense", False, 0.0),
    # matching: share of pairs matched
    ("matching", PAIRS, {0: 0, 1: 1, 2: 2}, True, 1.0),
    ("matching", PAIRS, {"0": "0", "1": "1", "2": "2"}, True, 1.0),
    ("matching", PAIRS, {0: 1, 1: 0, 2: 2}, False, 1 / 3),
    ("matching", PAIRS, {0: -1, 1: 1}, False, 1 / 3),
    ("matching", PAIRS, {}, False, 0.0),
    ("matching", PAIRS, "garbage", False, 0.0),
]


@pytest.mark.parametrize("kind, details, response, correct, score", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check_answer(kind, details, response, correct, score):
    result = check_answer(kind, details, response)
    assert result.correct is correct
    assert result.score == pytest.approx(score)


def test_table_has_at_least_60_cases_in_both_languages():
    assert len(CASES) >= 60
    arabic = [c for c in CASES if isinstance(c[2], str) and any("\u0600" <= ch <= "\u06ff"
                                                                 for ch in c[2])]
    assert len(arabic) >= 20


def test_flashcards_are_not_checked():
    with pytest.raises(NotAnswerable):
        check_answer("flashcard", {"back": {}}, "anything")


def test_normalised_form_is_reported():
    assert normalise_text("أَسْتَانَا") == "استانا"
    assert check_answer("short_text", ASTANA, "Astana!").given == "astana"
