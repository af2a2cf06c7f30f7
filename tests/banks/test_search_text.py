"""How questions and searches are folded: a search finds a question whatever its harakat,
hamza seat, ة/ه, tatweel or digit script. Each case is (as written, as searched): the
folded search must be found in the folded text, both ways round."""

import pytest

from quizapp.banks.search_text import fold, query_words, question_search_text

SAME = [
    # harakat and shadda
    ("افتُتِحَ المركزُ", "افتتح المركز"),
    ("مُحَمَّد", "محمد"),
    # tanween, with its alif kept
    ("جسراً", "جسرا"),
    # tatweel
    ("الثقـــافة", "الثقافة"),
    # hamza forms
    ("أستانا", "استانا"),
    ("إبراهيم", "ابراهيم"),
    ("آسيا", "اسيا"),
    ("ٱلعاصمة", "العاصمة"),
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    # alif maqsura and ta marbuta
    ("مبنى", "مبني"),
    ("الثقافة", "الثقافه"),
    ("قمة", "قمه"),
    # digits of both scripts, and the Arabic separators
    ("٢٠٢٥", "2025"),
    ("۲۰۲۵", "2025"),
    ("620 متراً", "٦٢٠ مترا"),
    # English: case, accents, punctuation
    ("Astana", "astana"),
    ("Café", "cafe"),
    ("Xi'an", "xi an"),
]


@pytest.mark.parametrize(("written", "searched"), SAME)
def test_a_spelling_variant_folds_to_the_same_words(written, searched):
    assert fold(written) == fold(searched)


@pytest.mark.parametrize(("written", "folded"), [
    ("أُفتتح المركز الثقافي!", "افتتح المركز الثقافي"),
    ("  Two   spaces\tand a tab ", "two spaces and a tab"),
    ("٪٥٠ 50%", "50 50"),
    ("إلى", "الي"),
])
def test_folded_text_is_bare_words_separated_by_single_spaces(written, folded):
    assert fold(written) == folded


def test_different_letters_stay_different():
    # Folding is not a fuzzy match: a different letter is a different word.
    assert fold("قمة") != fold("قيمة")
    assert fold("بكين") != fold("بكير")
    assert fold("2025") != fold("2022")


def test_query_words_are_distinct_and_bounded():
    assert query_words("الصين  الصينِ china CHINA") == ["الصين", "china"]
    assert len(query_words(" ".join(f"w{n}" for n in range(30)))) == 8
    assert query_words("% _ ،") == []  # LIKE's wildcards are never a word


def test_question_text_holds_prompts_answer_and_quotes_in_both_languages():
    text = question_search_text(
        type="single_choice",
        details={"choices": {"a": {"ar": "أستانا", "en": "Astana"},
                             "b": {"ar": "ألماتي", "en": "Almaty"}}, "answer": "a"},
        prompt_ar="أين عُقدت القمة؟", prompt_en="Where was the summit held?",
        quote="عُقدت القمة في أستانا عام ٢٠٢٥", quote_en="The summit met in Astana in 2025")
    for word in ("اين", "عقدت", "قمه", "where", "summit", "astana", "استانا", "2025"):
        assert f"{word}" in text
    assert "almaty" not in text  # a wrong choice is not what the question is about
    assert text.startswith(" ") and text.endswith(" ")


def test_a_true_false_answer_adds_no_word():
    text = question_search_text(type="true_false", details={"answer": True},
                                prompt_ar="العبارة", prompt_en="The statement")
    assert "true" not in text and "صح" not in text
