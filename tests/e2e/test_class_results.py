"""The class page of a 40-student class in a real browser, in each language: the
assignments' results, the copy buttons and the invite link's QR code."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from quizapp.accounts.models import Assignment, ClassMembership, SchoolClass
from quizapp.accounts.services import NewAccount, add_user, register
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.database import write_transaction
from quizapp.extensions import db
from quizapp.study.models import QuizAttempt

from .conftest import PASSWORD, check, log_in

pytestmark = pytest.mark.browser

NAMES = ["سارة أحمد", "Yusuf Ali", "عبد الرحمن محمد العتيبي", "Nour Haddad", "مريم حسن"]
TEXT = {"ar": {"copied": "نُسخ", "done": "أُنجزت", "copy_code": "نسخ الرمز",
               "copy_link": "نسخ الرابط", "qr": "رمز QR لرابط الدعوة"},
        "en": {"copied": "Copied", "done": "Done", "copy_code": "Copy the code",
               "copy_link": "Copy the link", "qr": "QR code of the invite link"}}


@pytest.fixture
def big_class(loaded_app):
    """A teacher's class of 40 with every shipped bank assigned, an invite link, and
    quizzes finished by every third student."""
    with loaded_app.app_context():
        teacher = register(NewAccount(username="mona", display_name="منى", password=PASSWORD,
                                      role="teacher"))
        school_class = class_services.create_class(teacher, "الصف العاشر (أ)")
        class_services.enable_invite(school_class)
        banks = db.session.scalars(select(Bank).where(Bank.shipped.is_(True))
                                   .order_by(Bank.slug)).all()
        for bank in banks:
            class_services.assign_bank(school_class, bank, None)
        # Assigned a week ago, so the quizzes below count.
        db.session.execute(update(Assignment).values(
            created_at=datetime.now(UTC) - timedelta(days=7)))
        db.session.commit()
        with write_transaction() as session:
            students = [add_user(session, NewAccount(
                username=f"s{n:02}", display_name=f"{NAMES[n % len(NAMES)]} {n + 1}",
                password="x" * 12)) for n in range(40)]
            session.flush()
            for student in students:
                session.add(ClassMembership(class_id=school_class.id, user_id=student.id))
        now = datetime.now(UTC)
        with write_transaction() as session:
            for n, student in enumerate(students[::3]):
                for bank in banks[: 1 + n % len(banks)]:
                    session.add(QuizAttempt(
                        user_id=student.id, bank_id=bank.id, question_ids=[], layouts=[],
                        started_at=now - timedelta(hours=n + 1),
                        finished_at=now - timedelta(hours=n), score=(n % 10 + 1) / 10))
        return {"class_id": school_class.id, "code": school_class.join_code,
                "invite": school_class.invite_code,
                "class": db.session.get(SchoolClass, school_class.id).name}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_class_of_40_its_results_and_its_join_code(live_server, page, screenshot,
                                                       big_class, lang):
    t = TEXT[lang]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    page.goto(f"{live_server}/classes/{big_class['class_id']}")

    results = page.locator("table.roster-results tbody tr")
    assert results.count() == 40
    assert page.locator("table.roster-results td.is-done").count() >= 14
    assert page.locator("table.roster tbody tr").count() == 40

    # At 1280 px, every student's actions are in view without a sideways scroll.
    page.set_viewport_size({"width": 1280, "height": 900})
    wrap = page.locator("table.roster").locator("xpath=..")
    assert wrap.evaluate("e => e.scrollWidth - e.clientWidth") <= 0
    actions = page.locator("table.roster td.actions").first.bounding_box()
    assert 0 <= actions["x"] and actions["x"] + actions["width"] <= 1280

    page.get_by_role("button", name=t["copy_code"]).click()
    page.locator(".copy-status", has_text=t["copied"]).first.wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == big_class["code"]
    page.get_by_role("button", name=t["copy_link"]).click()
    page.locator(".copy-status", has_text=t["copied"]).nth(1).wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        f"/invite/{big_class['invite']}")
    qr = page.get_by_role("img", name=t["qr"])
    box = qr.bounding_box()
    assert box["width"] >= 120 and abs(box["width"] - box["height"]) < 1
    assert qr.locator("path").count() >= 1  # the modules (and a white ground)
    check(page, f"class-40-{lang}", screenshot)


@pytest.mark.parametrize("lang", ["en"])
def test_without_javascript_the_code_is_selected_in_one_click(live_server, browser,
                                                               big_class, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server, "mona", lang)
        page.goto(f"{live_server}/classes/{big_class['class_id']}")
        assert not page.locator("button[data-copy]").first.is_visible()
        page.locator("#join-code").click()
        assert page.evaluate("String(window.getSelection())").strip() == big_class["code"]
    finally:
        context.close()
