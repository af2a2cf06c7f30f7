"""Monolingual banks: an Arabic-only bank needs no English text; a bilingual one still
needs both languages everywhere; the stored rows read in the bank's language."""

from quizapp.banks.validator import Library, SourceDocument, check_bank_text

from .conftest import ARTICLE, arabic_bank


def _check(text: str):
    library = Library(documents={"doha-museum": SourceDocument(None, ARTICLE)})
    return check_bank_text(text, "bank.yaml", library)


def test_an_arabic_only_bank_needs_no_english_text():
    checked, problems = _check(arabic_bank())
    assert problems == []
    assert checked.header.languages == ["ar"]
    question = checked.questions[0]
    # Stored in both columns, so that every page and every grader finds it.
    assert question.prompt.en == question.prompt.ar == "كم تبلغ مساحة المتحف؟"
    assert question.source.quote_en is None


def test_a_bilingual_bank_still_needs_its_english_text():
    _, problems = _check(arabic_bank().replace("languages: [ar]\n", ""))
    paths = {problem.path for problem in problems}
    assert {"title.en", "questions[0].prompt.en"} <= paths


def test_a_bilingual_bank_needs_the_quotes_translation():
    text = """slug: museum
title: {ar: المتحف, en: The museum}
description: {ar: بنك, en: A bank}
sources: [doha-museum]
questions:
  - id: museum-area
    type: true_false
    prompt: {ar: مساحة المتحف 4500 متر مربع., en: The museum covers 4500 square metres.}
    answer: true
    explanation: {ar: نعم., en: Yes.}
    source: {document: doha-museum, quote: وتبلغ مساحة المتحف 4500 متر مربع}
    tags: [figure]
"""
    _, problems = _check(text)
    assert [problem.path for problem in problems] == ["questions[0].source.quote_en"]
    _, problems = _check(text.replace("languages", "").replace(
        "slug: museum\n", "slug: museum\nlanguages: [ar]\n"))
    assert problems == []


def test_an_unknown_language_is_refused():
    _, problems = _check(arabic_bank().replace("languages: [ar]", "languages: [fr]"))
    assert [problem.path for problem in problems if problem.path.startswith("languages")]


def test_an_arabic_only_bank_still_needs_its_arabic_text():
    text = arabic_bank().replace("prompt: {ar: كم تبلغ مساحة المتحف؟}", "prompt: {en: Area?}")
    _, problems = _check(text)
    assert "questions[0].prompt.ar" in {problem.path for problem in problems}
