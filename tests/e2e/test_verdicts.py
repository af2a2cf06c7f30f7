"""Verdicts in the browser, in each language: a typed answer says how it was read, an
ordering question is put in order from the keyboard (a tie is stopped first), and the
teacher accepts a refused answer, which re-grades the student's review."""

import pytest
import yaml
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.banks.services import check_upload, publish_upload
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.study.models import ReviewLog

from ..banks.conftest import GOOD
from .conftest import ARTIFACTS, PASSWORD, check, log_in

pytestmark = pytest.mark.browser

DISTRICT = {
    "id": "t-district", "type": "short_text",
    "prompt": {"ar": "في أي حي يقع المركز؟", "en": "In which district is the centre?"},
    "answers": {"ar": ["تشاويانغ"], "en": ["Chaoyang"]},
    "explanation": {"ar": "يقع في حي تشاويانغ.", "en": "It is in Chaoyang District."},
    "source": {"document": "kazakhstan-cultural-centre-beijing",
               "quote": "يقع المركز الثقافي الجديد في حي تشاويانغ العريق ببكين",
               "quote_en": "The new cultural centre is in Beijing's historic Chaoyang District"},
    "tags": ["place"],
}
TEXT = {
    "ar": {"check": "التحقّق من إجابتي", "number": "ستمائة وعشرون",
           "read": "مقبولة: فُهمت إجابتك على أنها 620 (الوحدة: متر مربع).",
           "fair": "حي الشمس المشرقة",
           "wrong": "خاطئة", "right": "إجابة صحيحة!", "accept": "اقبل هذه الإجابة",
           "accepted": "قُبلت: الإصدار", "tie": "لعنصرين المكان نفسه",
           "move_up": "انقل إلى الأعلى", "order": ["اتفاق", "تجارة", "افتتاح"]},
    "en": {"check": "Check my answer", "number": "six hundred and twenty",
           "read": "Accepted: read as 620 square metres.", "fair": "Sunrise District",
           "wrong": "Wrong", "right": "Right!", "accept": "Accept this answer",
           "accepted": "Accepted: version", "tie": "Two items have the same place",
           "move_up": "Move up", "order": ["agreement", "trade", "opens"]},
}


def teacher_bank() -> str:
    """The example bank cut to a number, a short answer and an ordering, in that order."""
    data = yaml.safe_load(GOOD)
    kept = {q["id"]: q for q in data["questions"]}
    data["questions"] = [kept["t-area"], DISTRICT, kept["t-order"]]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def school(loaded_app):
    def make(lang):
        with loaded_app.app_context():
            teacher = register(NewAccount(username=f"mona_{lang}", display_name="Mona",
                                          password=PASSWORD, role="teacher", locale=lang))
            student = register(NewAccount(username=f"sara_{lang}", display_name="Sara",
                                          password=PASSWORD, locale=lang))
            upload = check_upload(teacher_bank(), "bank.yaml", owner_id=teacher.id,
                                  max_bytes=1 << 20)
            assert upload.ok, upload.problems
            publish_upload(upload, owner_id=teacher.id)
            bank = db.session.scalar(select(Bank).where(Bank.owner_id == teacher.id))
            school_class = class_services.create_class(teacher, "Class V")
            class_services.join_class(student, school_class.join_code)
            class_services.assign_bank(school_class, bank, None)
            names = (teacher.username, student.username, school_class.id, bank.slug)
            db.session.remove()
            return names
    return make


def answer_typed(page, t, text):
    page.fill("input[name=answer]", text)
    page.get_by_role("button", name=t["check"]).click()


def put_in_order(page, t):
    """Move each item up to its place with the keyboard only."""
    for place, word in enumerate(t["order"]):
        labels = page.locator("ol.ordering li label")
        current = next(i for i in range(labels.count()) if word in labels.nth(i).inner_text())
        for _ in range(current - place):
            item = page.locator("ol.ordering li").filter(has_text=word)
            item.locator("button.move-up").focus()
            page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_verdicts_ordering_and_accepting(live_server, browser, page, screenshot, school,
                                         loaded_app, lang):
    t = TEXT[lang]
    teacher, student, class_id, slug = school(lang)
    log_in(page, live_server, student, lang)

    # A number written in words: accepted, and the page says how it was read.
    page.goto(live_server + "/review")
    answer_typed(page, t, t["number"])
    assert page.locator(".verdict-reason").inner_text() == t["read"]
    check(page, f"verdicts-review-feedback-{lang}", screenshot)
    page.locator(".ratings button.suggested").click()

    # A fair short answer the bank does not list: refused; the student says "I was right".
    answer_typed(page, t, t["fair"])
    assert page.locator(".feedback h2").inner_text() == t["wrong"]
    assert page.locator(".feedback.is-wrong").is_visible()
    page.locator('.ratings button[data-key="3"]').click()

    # Ordering: a tie is stopped before sending; the keyboard puts the items in order.
    selects = page.locator("ol.ordering select")
    for index in range(selects.count()):
        selects.nth(index).select_option("1")
    page.get_by_role("button", name=t["check"]).click()
    assert t["tie"] in page.locator(".ordering-warning").inner_text()
    assert page.locator("ol.ordering").is_visible()  # still on the question
    put_in_order(page, t)
    labels = page.locator("ol.ordering li label").all_inner_texts()
    assert [next(w for w in t["order"] if w in label) for label in labels] == t["order"]
    assert [selects.nth(i).input_value() for i in range(3)] == ["1", "2", "3"]
    assert not page.locator(".ordering-warning").is_visible()
    screenshot(f"verdicts-ordering-{lang}")
    page.get_by_role("button", name=t["check"]).click()
    assert page.locator(".feedback h2").inner_text() == t["right"]
    page.locator(".ratings button.suggested").click()

    page.goto(live_server + "/progress")
    assert page.locator("#mastery-definition").is_visible()
    check(page, f"verdicts-progress-{lang}", screenshot)

    # The teacher sees the refused answer and the claim, and accepts it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    teacher_page = context.new_page()
    log_in(teacher_page, live_server, teacher, lang)
    teacher_page.goto(f"{live_server}/classes/{class_id}/banks/{slug}/items")
    refused = teacher_page.locator(".refused-list li").filter(has_text=t["fair"])
    assert refused.is_visible()
    check(teacher_page, f"verdicts-items-{lang}", lambda name: teacher_page.screenshot(
        path=str(ARTIFACTS / f"{name}.png"), full_page=True))
    teacher_page.set_viewport_size({"width": 1280, "height": 900})
    refused.get_by_role("button", name=t["accept"]).click()
    assert t["accepted"] in teacher_page.locator("main").inner_text()
    assert teacher_page.locator(".refused-list li").filter(has_text=t["fair"]).count() == 0
    context.close()

    with loaded_app.app_context():
        log = db.session.scalar(select(ReviewLog).join(Question).where(
            Question.uid.like("%t-district")))
        assert (log.correct, log.claimed_right) == (True, True)
