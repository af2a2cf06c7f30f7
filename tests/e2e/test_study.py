"""A quiz from start to score, and a review session driven by the keyboard, in Chromium."""

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.study.models import ReviewLog

from .conftest import answer_whatever_is_asked, log_in_speaking

pytestmark = pytest.mark.browser
TEXT = {
    "ar": {"login": "تسجيل الدخول", "start": "بدء اختبار", "check": "التحقّق من إجابتي",
           "next": "السؤال التالي", "score": "عرض درجتي", "your_score": "درجتك",
           "source": "اقرأه في المصدر", "add": "إضافة إلى مراجعاتي",
           "review": "راجع هذه البطاقات"},
    "en": {"login": "Log in", "start": "Start a quiz", "check": "Check my answer",
           "next": "Next question", "score": "See my score", "your_score": "Your score",
           "source": "Read it in the source", "add": "Add to my reviews",
           "review": "Review these cards"},
}






@pytest.mark.parametrize("lang", ["ar", "en"])
def test_take_a_full_quiz_and_see_the_source(live_server, page, screenshot, student, lang):
    t = TEXT[lang]
    log_in_speaking(page, live_server, student(lang), lang)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    page.fill("#length", "3")
    page.get_by_role("button", name=t["start"]).click()
    for number in range(3):
        answer_whatever_is_asked(page)
        if number == 0:
            screenshot(f"quiz-question-{lang}")
        page.get_by_role("button", name=t["check"]).click()
        assert page.locator(".feedback h2").is_visible()
        # The quoted sentence is shown; its paragraph is folded away under it.
        assert page.locator(".passage blockquote").first.inner_text()
        if number == 0:
            screenshot(f"quiz-feedback-{lang}")
        name = t["next"] if number < 2 else t["score"]
        page.get_by_role("link", name=name).click()
    assert page.locator("h1").inner_text() == t["your_score"]
    assert page.locator(".review-list > li").count() == 3
    screenshot(f"quiz-result-{lang}")
    page.locator(".review-list a").first.click()
    quote = page.locator(".passage mark").text_content()
    page.get_by_role("link", name=t["source"]).click()
    assert page.locator("mark#quote").inner_text() == quote


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_review_session_with_the_keyboard(live_server, page, screenshot, student, loaded_app,
                                          lang):
    t = TEXT[lang]
    log_in_speaking(page, live_server, student(lang), lang)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    page.get_by_role("button", name=t["add"]).click()
    page.get_by_role("link", name=t["review"]).click()
    rated_flashcard = False
    for _ in range(8):
        done_before = page.locator("progress").get_attribute("value")
        if page.locator("[data-key=Space]").count():
            # The keys are the page's (deferred) script's: a key pressed before it runs
            # is lost, as it would be for a person pressing it that early.
            page.wait_for_load_state("load")
            page.keyboard.press("Space")
            page.wait_for_selector(".ratings")
            page.wait_for_load_state("load")
            screenshot(f"review-flashcard-{lang}")
            page.keyboard.press("3")
            rated_flashcard = True
        else:
            answer_whatever_is_asked(page)
            page.get_by_role("button", name=t["check"]).click()
            page.wait_for_selector(".ratings")
            page.wait_for_load_state("load")
            page.keyboard.press("2")
        page.wait_for_selector("progress")
        assert int(page.locator("progress").get_attribute("value")) == int(done_before) + 1
        if rated_flashcard:
            break
    assert rated_flashcard
    with loaded_app.app_context():
        ratings = db.session.scalars(select(ReviewLog.rating).order_by(ReviewLog.id)).all()
        assert ratings[-1] == 3 and set(ratings[:-1]) <= {2}
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == len(ratings)
    screenshot(f"review-progress-{lang}")
