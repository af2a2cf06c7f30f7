"""Every main page, in both languages, at phone and desktop width: an axe-core check
(no serious or critical violation) and a screenshot in test-artifacts/ to look at."""

import re

import pytest

from .conftest import answer_whatever_is_asked, check, log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_page_is_accessible_and_fits(live_server, page, screenshot, people, lang):
    page.set_extra_http_headers({"Accept-Language": lang})
    anonymous = {"home": "/", "bank": "/banks/cultural-centre-beijing",
                 "source": "/sources/central-asia-china-summit-astana",
                 "login": "/login", "register": "/register", "not-found": "/nope"}
    for name, path in anonymous.items():
        response = page.goto(live_server + path)
        assert response.status == (404 if name == "not-found" else 200), (name, response.status)
        assert page.locator("html").get_attribute("lang") == lang
        check(page, f"{name}-{lang}", screenshot)

    log_in(page, live_server, "mona", lang)
    class_path = f"/classes/{people['class_id']}"
    for name, path in {"teacher-class": class_path,
                       "teacher-classes": "/classes/", "account": "/account",
                       "items": class_path + "/banks/cultural-centre-beijing/items",
                       "student-progress": class_path + f"/students/{people['student_id']}",
                       "my-banks": "/my-banks", "bank-editor": "/my-banks/new",
                       "bank-history": "/banks/cultural-centre-beijing/history"}.items():
        assert page.goto(live_server + path).status == 200, name
        assert page.locator("html").get_attribute("lang") == lang
        check(page, f"{name}-{lang}", screenshot)
    page.context.clear_cookies()

    log_in(page, live_server, "sara", lang)
    assert page.goto(live_server + "/classes/").status == 200
    check(page, f"student-classes-{lang}", screenshot)
    assert page.goto(live_server + "/banks/cultural-centre-beijing").status == 200
    page.fill("#length", "1")
    with page.expect_navigation() as question:
        page.locator("form[action='/quiz'] button").click()
    assert question.value.status == 200
    check(page, f"quiz-question-{lang}", screenshot)
    answer_whatever_is_asked(page)
    with page.expect_navigation() as feedback:
        page.locator("main form button[type=submit]").click()
    assert feedback.value.status == 200
    check(page, f"quiz-feedback-{lang}", screenshot)
    with page.expect_navigation() as result:
        page.locator("a.button.primary").click()
    assert result.value.status == 200
    assert re.search(r"/quiz/\d+/result$", page.url)
    check(page, f"quiz-result-{lang}", screenshot)
    assert page.goto(live_server + "/review?bank=cultural-centre-beijing").status == 200
    check(page, f"review-{lang}", screenshot)
    assert page.goto(live_server + "/progress").status == 200
    assert page.locator("html").get_attribute("lang") == lang
    check(page, f"progress-{lang}", screenshot)
