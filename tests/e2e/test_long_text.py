"""Hostile text in names and titles (a 3,900-character token with no break, a stack of
combining marks) does not make any page wider than the screen; tables scroll in their
own box. Screenshots of the roster and a bank page in test-artifacts/ to look at."""

import pytest

from quizapp.accounts.models import SchoolClass, User
from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.extensions import db

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
PASSWORD = "a long enough passphrase"
TOKEN = "W" * 3900
STACK = "Z" + "\u0336\u0301\u0300\u0302\u0303" * 40


@pytest.fixture
def hostile(loaded_app):
    """A class, a student and an assigned bank whose names hold TOKEN and STACK. Stored
    directly, as older data or another way in (the command line) could have left them."""
    with loaded_app.app_context():
        teacher = register(NewAccount(username="mona", display_name="منى", password=PASSWORD,
                                      role="teacher"))
        student = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD))
        school_class = class_services.create_class(teacher, "class")
        class_services.join_class(student, school_class.join_code)
        bank = db.session.scalar(db.select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(school_class, bank, None)
        bank.title_ar = f"بنك {TOKEN} {STACK}"
        bank.title_en = f"Bank {TOKEN} {STACK}"
        db.session.get(User, student.id).display_name = f"{TOKEN} {STACK}"
        db.session.get(SchoolClass, school_class.id).name = f"{STACK} {TOKEN}"
        db.session.commit()
        return {"class_id": school_class.id, "student_id": student.id}


def look_at(page, name: str, width: int) -> None:
    """Screenshots of the page's top and of its first table (or list of questions): the
    whole page is tens of thousands of pixels tall."""
    ARTIFACTS.mkdir(exist_ok=True)
    top = page.evaluate("(document.querySelector('.table-wrap, .question-list')"
                        "?.getBoundingClientRect().top ?? 0) + window.scrollY")
    for suffix, y in (("top", 0), ("table", max(0, top - 100))):
        page.screenshot(path=str(ARTIFACTS / f"{name}-{suffix}.png"), full_page=True,
                        clip={"x": 0, "y": y, "width": width, "height": 1400})


def log_in(page, base, username, lang):
    page.goto(base + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.context.add_cookies([{"name": "lang", "value": lang, "url": base}])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_long_names_and_titles_never_widen_a_page(live_server, page, hostile,
                                                   lang):
    class_path = f"/classes/{hostile['class_id']}"
    pages = {
        "roster": class_path,
        "bank": "/banks/cultural-centre-beijing",
        "home": "/",
        "classes": "/classes/",
        "items": class_path + "/banks/cultural-centre-beijing/items",
        "student": class_path + f"/students/{hostile['student_id']}",
        "history": "/banks/cultural-centre-beijing/history",
    }
    log_in(page, live_server, "mona", lang)
    too_wide = []
    for name, path in pages.items():
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == lang
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:  # (too wide to screenshot, too)
                too_wide.append(f"{name} at {width}px: {overflow}px too wide")
            elif name in ("roster", "bank"):
                look_at(page, f"long-text-{name}-{lang}-{width}", width)
    assert too_wide == []
