"""The logged-in home, a new student's progress page, and "Next" on a phone, in Chromium."""

import pytest

from quizapp.accounts.services import NewAccount, register

from .conftest import AXE, PASSWORD, answer_whatever_is_asked, check, log_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
TEXT = {
    "ar": {"welcome": "أهلًا بك يا \u2068Sara\u2069", "continue": "متابعة المراجعة", "bank":
           "المركز الثقافي الوطني لكازاخستان في بكين", "empty": "سيظهر تقدّمك هنا",
           "choose": "اختر بنك أسئلة", "start": "بدء اختبار", "check": "التحقّق من إجابتي",
           "next": "السؤال التالي", "reveal": "عرض الإجابة", "paragraph": "عرض الفقرة"},
    "en": {"welcome": "Welcome, \u2068Sara\u2069", "continue": "Continue reviewing", "bank":
           "Kazakhstan's National Cultural Centre in Beijing", "empty":
           "Your progress will appear here", "choose": "Choose a question bank",
           "start": "Start a quiz", "check": "Check my answer", "next": "Next question",
           "reveal": "Show the answer", "paragraph": "Show the paragraph"},
}


def on_screen_without_scrolling(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return (page.evaluate("window.scrollY") == 0 and box is not None
            and box["y"] >= 0 and box["y"] + box["height"] <= height)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_home_shows_what_is_due_and_the_assignment(live_server, page, screenshot, people,
                                                   lang):
    t = TEXT[lang]
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == t["welcome"]
    assignment = page.locator(".assignment-card")
    assert assignment.locator("h3").inner_text() == t["bank"]
    assert assignment.locator("progress").is_visible()
    check(page, f"home-student-{lang}", screenshot)
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name=t["continue"]).click()
    page.wait_for_url("**/review")
    assert page.locator(".study-card .prompt").is_visible()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_new_students_progress_page_guides_instead_of_zeros(live_server, page, screenshot,
                                                             loaded_app, lang):
    with loaded_app.app_context():
        register(NewAccount(username="nadia", display_name="Nadia", password=PASSWORD))
    t = TEXT[lang]
    log_in(page, live_server, "nadia", lang)
    page.goto(live_server + "/progress")
    empty = page.locator("#progress-empty")
    assert empty.locator("h2").inner_text() == t["empty"]
    assert page.locator("main svg").count() == 0
    check(page, f"progress-empty-{lang}", screenshot)
    empty.get_by_role("link", name=t["choose"]).click()
    page.wait_for_url("**/#banks")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_next_stays_on_a_phones_screen_after_answering(live_server, page, screenshot, people,
                                                       lang):
    t = TEXT[lang]
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    page.fill("#length", "3")
    page.get_by_role("button", name=t["start"]).click()
    answer_whatever_is_asked(page)
    page.get_by_role("button", name=t["check"]).click()
    page.wait_for_load_state()
    assert on_screen_without_scrolling(page, page.get_by_role("link", name=t["next"]))
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    paragraph = page.locator("details.paragraph")
    if paragraph.count():  # folded under the quoted sentence, opened on request
        assert paragraph.get_attribute("open") is None
        paragraph.get_by_text(t["paragraph"]).click()
        assert paragraph.locator("mark").is_visible()
    screenshot(f"quiz-feedback-phone-{lang}")

    page.goto(live_server + "/review")  # the class's bank: the four ratings are "Next"
    if page.get_by_role("link", name=t["reveal"]).count():
        page.get_by_role("link", name=t["reveal"]).click()
    else:
        answer_whatever_is_asked(page)
        page.get_by_role("button", name=t["check"]).click()
    page.wait_for_load_state()
    page.evaluate("window.scrollTo(0, 0)")  # the suggested rating has the focus
    for rating in page.locator(".ratings button").all():
        assert on_screen_without_scrolling(page, rating)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(f"review-feedback-phone-{lang}")
    # The four coloured ratings keep their contrast (4.5:1) in both themes.
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        violations = AXE.run(page, context=".ratings",
                             options={"runOnly": ["color-contrast"]}).response["violations"]
        assert violations == [], (scheme, [v["nodes"][0]["target"] for v in violations])
