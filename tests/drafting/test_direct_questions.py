"""A figure is asked directly where its sentence names what it measures, and as a cloze
where it does not (a pronoun, no measure, or a question two figures would share)."""

import pytest

from quizapp.drafting import SourceText, draft_bank


def _numeric_prompts(text, language):
    result = draft_bank(SourceText("doc", language, text), bank_slug="doc")
    return [q["prompt"][language] for q in result.bank["questions"] if q["type"] == "numeric"]


@pytest.mark.parametrize(("text", "language", "prompt"), [
    ("ويمتد المتحف على مساحة 12 ألف متر مربع.", "ar", "كم تبلغ مساحة المتحف وفق النص؟"),
    ("وتبلغ رسوم الدخول ريالين عمانيين للبالغين.", "ar", "كم تبلغ رسوم الدخول وفق النص؟"),
    ("وبلغت تكلفة المشروع نحو 45 مليون ريال.", "ar", "كم بلغت تكلفة المشروع وفق النص؟"),
    ("وأشارت إلى أن ولاية منح تبعد نحو 150 كيلومترًا عن العاصمة مسقط.", "ar",
     "كم تبعد ولاية منح عن العاصمة مسقط وفق النص؟"),
    ("وأُعيد تبليط القاعة الرئيسية التي تبلغ مساحتها 620 مترًا مربعًا.", "ar",
     "كم تبلغ مساحة القاعة الرئيسية وفق النص؟"),
    ("The project cost $310 million in all.", "en",
     "How much did the project cost, according to the text?"),
    ("The new museum covers 4,000 square metres.", "en",
     "How large an area does the new museum cover, according to the text?"),
    ("The second phase employed 2,400 workers at its peak.", "en",
     "How many workers did the second phase employ, according to the text?"),
])
def test_figure_is_asked_directly(text, language, prompt):
    assert _numeric_prompts(text, language) == [prompt]


@pytest.mark.parametrize(("text", "language"), [
    ("وبلغت تكلفة إنشائه نحو 45 مليون ريال.", "ar"),  # whose building? a pronoun
    ("ويضم 13 قاعة عرض.", "ar"),  # no measure named
    ("وافتتحت الكاتبة جناح المغرب، الذي تبلغ مساحته 600 متر مربع.", "ar"),  # not المغرب
    ("It covers 9,200 square metres.", "en"),
])
def test_figure_keeps_the_cloze_where_the_sentence_does_not_say_enough(text, language):
    [prompt] = _numeric_prompts(text, language)
    assert "____" in prompt


def test_two_figures_that_would_share_a_question_keep_the_cloze():
    text = "وبلغ عدد الزوار 300 ألف في 2023. وفي 2024 بلغ عدد الزوار 450 ألفًا."
    prompts = _numeric_prompts(text, "ar")
    assert len(prompts) == 2 and all("____" in p for p in prompts)
