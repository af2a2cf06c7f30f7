"""A teacher's and a student's view of progress, in the browser, in each language: the
dashboard's charts, the class page and its CSV, a bank written with a mistake then fixed."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.study import services

from ..banks.conftest import GOOD
from .conftest import PASSWORD, check, log_in, write_yaml

pytestmark = pytest.mark.browser

TEXT = {
    "ar": {"forecast": "البطاقات المستحقة كل يوم خلال الأيام الثلاثين القادمة",
           "table": "العرض جدولًا", "csv_header": "الاسم",
           "write": "كتابة بنك جديد", "check": "الفحص والمعاينة",
           "problem": "الإجابة z ليست من بين الخيارات", "publish": "نشر",
           "published": "نُشر البنك", "my_banks": "بنوكي", "one": "مشكلة واحدة"},
    "en": {"forecast": "Cards due each day for the next 30 days", "table": "Show as a table",
           "csv_header": "Name",
           "write": "Write a new bank", "check": "Check and preview",
           "problem": "answer z is not among the choices", "publish": "Publish",
           "published": "Published.", "my_banks": "My banks", "one": "1 problem"},
}


@pytest.fixture
def school(loaded_app):
    """A teacher with a class, and a student in it with three weeks of reviews."""
    with loaded_app.app_context():
        teacher = register(NewAccount(username="mona", display_name="منى", password=PASSWORD,
                                      role="teacher"))
        student = register(NewAccount(username="sara", display_name="سارة", password=PASSWORD))
        school_class = class_services.create_class(teacher, "الصف العاشر")
        class_services.join_class(student, school_class.join_code)
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(school_class, bank, None)
        questions = db.session.scalars(
            select(Question).where(Question.bank_id == bank.id).order_by(Question.position)
            .limit(12)).all()
        start = datetime.now(UTC) - timedelta(days=21)
        for index, question in enumerate(questions):
            services.record_review(student, question, Rating.Good,
                                   now=start + timedelta(days=index), reviews_seen=0,
                                   fuzzing=False)
            services.record_review(student, question,
                                   Rating.Again if index % 4 == 0 else Rating.Good,
                                   now=start + timedelta(days=index + 5), reviews_seen=1,
                                   fuzzing=False)
        return {"class_id": school_class.id, "reviews": 2 * len(questions)}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_dashboard_draws_its_charts(live_server, page, screenshot, school, lang):
    t = TEXT[lang]
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/progress")
    charts = page.locator("figure.chart [role=img]")
    assert charts.count() == 3
    assert page.get_by_role("img", name=t["forecast"]).is_visible()
    # The review heatmap has a coloured square for the days with reviews.
    assert page.locator(".heatmap .day:not(.level-0)").count() >= 12
    # Each chart has its data as a table too, one click away.
    page.locator("figure.chart").first.get_by_text(t["table"]).click()
    assert page.locator("figure.chart").first.locator("table").is_visible()
    check(page, f"dashboard-{lang}", screenshot)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_class_page_and_its_csv(live_server, page, screenshot, school, lang):
    t = TEXT[lang]
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    page.goto(live_server + f"/classes/{school['class_id']}")
    row = page.locator("table.roster tbody tr", has_text="سارة")
    assert row.count() == 1
    check(page, f"class-page-{lang}", screenshot)

    with page.expect_download() as info:
        page.locator(f"a[href='/classes/{school['class_id']}/report.csv']").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheet programs then read Arabic
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == t["csv_header"]
    assert [r[0] for r in rows[1:]] == ["سارة"]
    assert str(school["reviews"]) in rows[1]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_bank_with_a_mistake_then_fixed_then_published(live_server, page, screenshot,
                                                         school, lang):
    t = TEXT[lang]
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    page.goto(live_server + "/")
    page.get_by_role("link", name=t["my_banks"]).click()
    page.get_by_role("link", name=t["write"]).click()
    write_yaml(page, GOOD.replace("answer: a\n", "answer: z\n"))
    page.get_by_role("button", name=t["check"]).click()
    assert page.get_by_role("heading", name=t["one"]).is_visible()
    listing_problem = page.locator(".yaml-listing li.has-problem")
    assert listing_problem.count() == 1
    assert "answer: z" in listing_problem.inner_text()
    assert t["problem"] in listing_problem.inner_text()
    check(page, f"authoring-problems-{lang}", screenshot)

    # Fix it in the same text area, check again: the preview, both languages.
    text = page.locator("textarea").input_value()  # the posted field, kept in step
    write_yaml(page, text.replace("answer: z\n", "answer: a\n"))
    page.get_by_role("button", name=t["check"]).click()
    assert page.locator(".preview-pair").count() == 5
    first = page.locator(".preview-pair").first
    assert first.locator("section[lang=ar]").get_by_text("متى افتُتح المركز؟").is_visible()
    assert first.locator("section[lang=en]").get_by_text("When did the centre open?").is_visible()
    check(page, f"authoring-preview-{lang}", screenshot)

    page.get_by_role("button", name=t["publish"]).click()
    # A teacher's bank is linked under their own namespace: /banks/t<id>.my-class-bank.
    assert re.search(r"/banks/t\d+\.my-class-bank$", page.url)
    assert page.get_by_text(t["published"]).is_visible()
    screenshot(f"authoring-published-{lang}")

    # The student of the class sees it on the home page.
    page.context.clear_cookies()
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + "/")
    assert page.locator("a[href$='.my-class-bank']").is_visible()
