"""A student reads a bank's questions without their source quotes (which hold the
answers) until they have answered them, in both languages."""

import pytest

from .conftest import answer_whatever_is_asked, log_in

pytestmark = pytest.mark.browser

HIDDEN = {"ar": "يظهر الاقتباس من المصدر هنا بعد أن تجيب عن هذا السؤال.",
          "en": "The source quote appears here once you have answered this question."}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_quote_appears_once_the_student_has_answered(live_server, page, screenshot,
                                                       people, lang):
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    questions = page.locator(".question")
    assert questions.count() > 20
    assert page.locator(".question blockquote").count() == 0
    assert questions.first.locator(".quote-hidden").inner_text() == HIDDEN[lang]
    screenshot(f"bank-quotes-hidden-{lang}")
    # A one-question quiz, answered: that question's quote now shows, the others' not.
    page.locator("#length").fill("1")
    page.locator("form[action$='/quiz'] button[type=submit]").click()
    answer_whatever_is_asked(page)
    page.locator("form[action*='/quiz/'] button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(live_server + "/banks/cultural-centre-beijing")
    assert page.locator(".question blockquote").count() == 1
    assert page.locator(".question .quote-hidden").count() == questions.count() - 1
    screenshot(f"bank-quotes-one-shown-{lang}")
