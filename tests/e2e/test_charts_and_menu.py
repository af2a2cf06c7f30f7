"""The charts' axis labels stay inside their chart in Arabic and English, and the site
menu folds into one line on a phone, opens from the keyboard, and mirrors in Arabic."""

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.extensions import db
from quizapp.study import services

from .conftest import PASSWORD, check, log_in

pytestmark = pytest.mark.browser

OUTSIDE = """figure => {
  const box = figure.getBoundingClientRect();
  return [...figure.querySelectorAll('.x-ticks span, .y-ticks span, .y-title, .x-title,'
                                     + ' .heatmap .month, .heatmap .weekday')]
    .filter(label => label.textContent.trim())
    .map(label => [label.textContent.trim(), label.getBoundingClientRect()])
    .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1
                       || r.top < box.top - 1 || r.bottom > box.bottom + 1)
    .map(([text]) => text);
}"""


@pytest.fixture
def school(loaded_app):
    """A student with a fortnight of reviews: every chart has marks and labels."""
    with loaded_app.app_context():
        student = register(NewAccount(username="sara", display_name="سارة", password=PASSWORD))
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        services.add_study_bank(student, bank)
        questions = db.session.scalars(
            select(Question).where(Question.bank_id == bank.id).order_by(Question.position)
            .limit(12)).all()
        start = datetime.now(UTC) - timedelta(days=14)
        for index, question in enumerate(questions):
            services.record_review(student, question, Rating.Good, reviews_seen=0,
                                   now=start + timedelta(days=index), fuzzing=False)


@pytest.mark.parametrize("lang, width", [("ar", 360), ("ar", 1280), ("en", 360)])
def test_chart_labels_stay_inside_the_chart(live_server, page, screenshot, school,
                                            lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/progress")
    figures = page.locator("figure.chart")
    assert figures.count() == 3
    for index in range(3):
        assert figures.nth(index).evaluate(OUTSIDE) == [], index
    ticks = figures.first.locator(".x-ticks span:not(:empty)")
    assert ticks.count() == 4
    first, second = (ticks.nth(i).bounding_box() for i in (0, 1))
    # Time runs in the reading direction: today's label at the start edge.
    assert (first["x"] > second["x"]) if lang == "ar" else (first["x"] < second["x"])
    heatmap = page.locator(".heatmap").bounding_box()
    card = page.locator(".heatmap").locator("xpath=ancestor::section").bounding_box()
    if lang == "ar":  # aligned to the reading edge, not centred
        assert card["x"] + card["width"] - (heatmap["x"] + heatmap["width"]) < 40
    else:
        assert heatmap["x"] - card["x"] < 40
    screenshot(f"charts-{lang}-{width}")


def header_is_one_line(page) -> bool:
    """Every visible item of the header bar (brand, links, menu button, search, language)
    on one row: their vertical middles within a few pixels of each other. The open menu
    hangs below the bar and is not part of it."""
    middles = page.evaluate("""() => {
        const bar = document.querySelector('.site-header').getBoundingClientRect();
        return [...document.querySelectorAll(
            '.site-header > :not(.site-menu), .site-header nav > *, .site-menu > summary')]
          .filter(e => e.checkVisibility())
          .map(e => e.getBoundingClientRect())
          .filter(r => r.top < bar.bottom)
          .map(r => r.top + r.height / 2); }""")
    return max(middles) - min(middles) < 12


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_menu_is_one_line_on_a_phone(live_server, page, screenshot, school,
                                         lang):
    log_in(page, live_server, "sara", lang)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server + "/progress")
    assert header_is_one_line(page)
    links = page.locator(".site-menu nav a")
    assert not links.first.is_visible()
    # The keyboard reaches the menu button and opens it.
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('summary') !== null")
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    menu = page.locator(".site-menu nav").bounding_box()
    link = links.first.bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 360
    if lang == "ar":  # the links start at the right, as the text does
        assert link["x"] + link["width"] > 300
    else:
        assert link["x"] < 60
    assert page.locator(".site-menu > summary").bounding_box()["y"] < link["y"]
    check(page, f"menu-open-{lang}", screenshot)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert header_is_one_line(page)
    assert not page.locator(".site-menu > summary").is_visible()
    assert page.locator(".site-menu nav a").first.is_visible()
