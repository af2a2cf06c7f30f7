"""Every main page, in both languages, at phone and desktop width: an axe-core check
(no serious or critical violation) and a screenshot in test-artifacts/ to look at."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from quizapp.accounts import classes as class_services
from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank
from quizapp.extensions import db

from .test_study import answer_whatever_is_asked

pytestmark = pytest.mark.browser
PASSWORD = "a long enough passphrase"
AXE = Axe()


@pytest.fixture
def people(loaded_app):
    with loaded_app.app_context():
        teacher = register(NewAccount(username="mona", display_name="منى", password=PASSWORD,
                                      role="teacher"))
        student = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD))
        school_class = class_services.create_class(teacher, "الصف العاشر")
        class_services.join_class(student, school_class.join_code)
        bank = db.session.scalar(db.select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(school_class, bank, None)
        return {"class_id": school_class.id, "student_id": student.id}


def check(page, name: str, screenshot) -> None:
    results = AXE.run(page)
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                           for v in serious]
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px screen"
        screenshot(f"page-{name}-{width}")


def log_in(page, base, username, lang):
    page.goto(base + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    # Logging in switches to the account's language; switch back to the one under test.
    page.context.add_cookies([{"name": "lang", "value": lang, "url": base}])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_page_is_accessible_and_fits(live_server, page, screenshot, people, lang):
    page.set_extra_http_headers({"Accept-Language": lang})
    anonymous = {"home": "/", "bank": "/banks/cultural-centre-beijing",
                 "source": "/sources/central-asia-china-summit-astana",
                 "login": "/login", "register": "/register", "not-found": "/nope"}
    for name, path in anonymous.items():
        page.goto(live_server + path)
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
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == lang
        check(page, f"{name}-{lang}", screenshot)
    page.context.clear_cookies()

    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/classes/")
    check(page, f"student-classes-{lang}", screenshot)
    page.goto(live_server + "/banks/cultural-centre-beijing")
    page.fill("#length", "1")
    page.locator("form[action='/quiz'] button").click()
    check(page, f"quiz-question-{lang}", screenshot)
    answer_whatever_is_asked(page)
    page.locator("main form button[type=submit]").click()
    check(page, f"quiz-feedback-{lang}", screenshot)
    page.locator("a.button.primary").click()
    assert re.search(r"/quiz/\d+/result$", page.url)
    check(page, f"quiz-result-{lang}", screenshot)
    page.goto(live_server + "/review?bank=cultural-centre-beijing")
    check(page, f"review-{lang}", screenshot)
    page.goto(live_server + "/progress")
    assert page.locator("html").get_attribute("lang") == lang
    check(page, f"progress-{lang}", screenshot)
