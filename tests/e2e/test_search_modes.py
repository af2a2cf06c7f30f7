"""Search from the header, then a quiz on the results; a quiz's mistakes retried from its
result page: in Chromium, in Arabic and English."""

import re

import pytest

from .conftest import answer_whatever_is_asked, check, log_in_speaking

pytestmark = pytest.mark.browser
TEXT = {
    "ar": {"login": "تسجيل الدخول", "search": "بحث", "quiz_on": "اختبار في هذه الأسئلة",
           "check": "التحقّق من إجابتي", "next": "السؤال التالي", "score": "عرض درجتي",
           "your_score": "درجتك", "start": "بدء اختبار", "retry": "إعادة",
           "found": "عُثر على 5 أسئلة", "query": "٦٢٠ مترًا"},
    "en": {"login": "Log in", "search": "Search", "quiz_on": "Quiz on these",
           "check": "Check my answer", "next": "Next question", "score": "See my score",
           "your_score": "Your score", "start": "Start a quiz", "retry": "Retry my",
           "found": "5 questions found", "query": "620 metres"},
}






def finish_quiz(page, t, *, answer=True) -> int:
    """Answer every question of the quiz on screen; how many there were."""
    asked = 0
    while True:
        if answer:
            answer_whatever_is_asked(page)
        else:  # no answer at all, which is wrong whatever the type
            page.evaluate("document.querySelectorAll('form [required]')"
                          ".forEach(field => field.removeAttribute('required'))")
        page.get_by_role("button", name=t["check"]).click()
        asked += 1
        link = page.get_by_role("link", name=t["next"])
        if not link.count():
            page.get_by_role("link", name=t["score"]).click()
            return asked
        link.click()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_from_the_header_then_quiz_on_the_results(live_server, page, screenshot,
                                                          student, lang):
    t = TEXT[lang]
    log_in_speaking(page, live_server, student(lang), lang)
    page.goto(live_server + "/")
    # Arabic-Indic digits and a tanween find the figure written "620 متراً" in the source.
    page.locator("header #search-all").fill(t["query"])
    page.locator("header #search-all").press("Enter")
    page.wait_for_selector("#results-heading")
    assert page.locator("#results-heading").inner_text() == t["found"]
    assert page.locator(".search-list > li").count() == 5
    assert page.locator(".search-list blockquote").count() == 0  # prompts only for students
    check(page, f"search-{lang}", screenshot)
    page.get_by_role("button", name=t["quiz_on"]).click()
    assert re.search(r"/quiz/\d+/0$", page.url)
    assert finish_quiz(page, t) == 4  # the flashcard among the five is not asked
    assert page.locator("h1").inner_text() == t["your_score"]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_retry_my_mistakes_after_a_quiz(live_server, page, screenshot, student, lang):
    t = TEXT[lang]
    log_in_speaking(page, live_server, student(lang), lang)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    page.fill("#length", "3")
    page.get_by_role("button", name=t["start"]).click()
    finish_quiz(page, t, answer=False)
    # Unanswered is wrong; only an ordering question, which the page fills in its shown
    # order, can be right by chance.
    mistakes = page.locator(".review-list > li.is-wrong, .review-list > li.is-partial").count()
    assert mistakes >= 1
    check(page, f"quiz-result-retry-{lang}", screenshot)
    page.locator(".quiz-next button", has_text=t["retry"]).click()
    assert finish_quiz(page, t) == mistakes
    assert page.locator("h1").inner_text() == t["your_score"]
