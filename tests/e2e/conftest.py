"""Browser tests: a real server on a free loopback port, driven by Debian's Chromium, and
what the tests do with it: log in, answer a question, check a page."""

import os
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.extensions import db

PASSWORD = "a long enough passphrase"
AXE = Axe()
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Without these, Chromium keeps trying to reach Google's services on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def live_server(loaded_app):
    """The loaded app served by a real HTTP server in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, loaded_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; `make test` installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ (kept by CI for people to look at)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def check(page, name: str, screenshot) -> None:
    """No serious accessibility violation, no sideways scrolling on a phone; screenshots."""
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
    """Log in through the form, then look at pages in `lang` whatever the account's is."""
    page.goto(base + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.locator("main button[type=submit]").click()
    # Logging in switches to the account's language; switch back to the one under test.
    page.context.add_cookies([{"name": "lang", "value": lang, "url": base}])


def answer_whatever_is_asked(page):
    """Fill the question's form with some answer, whatever its type."""
    form = page.locator("form[action*='/quiz/'], form[action*='/review/answer']").first
    radios = form.locator("input[type=radio]")
    checkboxes = form.locator("input[type=checkbox]")
    selects = form.locator("select")
    text = form.locator("input[name=answer]:not([type=radio]):not([type=checkbox])")
    if radios.count():
        radios.first.check()
    elif checkboxes.count():
        checkboxes.first.check()
    elif selects.count():
        for index in range(selects.count()):
            selects.nth(index).select_option(index=index + 1)
    elif text.count():
        text.fill("620")


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


def write_yaml(page, text: str) -> None:
    """Replace the editor's text by pasting, as a teacher brings in a bank written
    elsewhere (typing it would auto-indent every line)."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    content = page.locator(".yaml-editor-host .cm-content")
    content.click()
    content.press("Control+A")
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    content.press("Control+V")


@pytest.fixture
def student(loaded_app):
    """Make a student whose account speaks ``lang``; returns the username."""
    def make(lang):
        with loaded_app.app_context():
            register(NewAccount(username=f"student_{lang}", display_name="Student",
                                password=PASSWORD, locale=lang))
        return f"student_{lang}"
    return make


LOGIN_BUTTON = {"ar": "تسجيل الدخول", "en": "Log in"}


def log_in_speaking(page, base, username, lang):
    """Log in as a browser asking for ``lang`` would, pressing the localised button."""
    page.set_extra_http_headers({"Accept-Language": lang})
    page.goto(base + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.locator("main").get_by_role("button", name=LOGIN_BUTTON[lang]).click()
