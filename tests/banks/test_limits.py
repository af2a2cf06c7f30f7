"""What one teacher may store, and how big a bank checked in the browser may be: each
limit a setting, each refusal a localised problem, nothing written."""

from sqlalchemy import select

from quizapp.banks.models import Bank, BankRevision
from quizapp.extensions import db

from .conftest import GOOD, publish, snapshot, submit


def test_a_bank_with_more_questions_than_the_browser_checks_is_refused_with_advice(
        loaded_app, world, client_as):
    loaded_app.config["UPLOAD_MAX_QUESTIONS"] = 4
    before = snapshot(loaded_app)
    response = submit(client_as("teacher"), GOOD)  # five questions
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "5 questions: a bank checked here may hold at most 4" in html
    assert "split it into smaller banks" in html and "command line" in html
    assert snapshot(loaded_app) == before


def test_the_question_limit_is_explained_in_arabic(loaded_app, world, client_as):
    loaded_app.config["UPLOAD_MAX_QUESTIONS"] = 4
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    html = submit(teacher, GOOD).get_data(as_text=True)
    assert "سطر الأوامر" in html


def test_a_bank_over_the_browser_size_limit_is_refused_with_advice(loaded_app, world,
                                                                    client_as):
    # Up to JOB_MAX_BANK_BYTES a job checks it (tests/banks/test_bank_jobs.py); beyond, no.
    loaded_app.config["JOB_MAX_BANK_BYTES"] = 512 * 1024
    big = GOOD + "# " + "x" * (512 * 1024) + "\n"
    response = submit(client_as("teacher"), big)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "the limit for a bank checked here is 524288" in html
    assert "split it into smaller banks" in html


def test_a_teacher_at_the_bank_quota_cannot_add_one_but_can_still_edit_theirs(
        loaded_app, world, client_as):
    loaded_app.config["MAX_BANKS_PER_TEACHER"] = 1
    teacher = client_as("teacher")
    assert publish(teacher, GOOD).status_code == 303
    before = snapshot(loaded_app)
    response = submit(teacher, GOOD.replace("slug: my-class-bank", "slug: second-bank")
                      .replace("id: t-", "id: s-"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "you have reached the limit on banks per teacher (1)" in html
    assert snapshot(loaded_app) == before
    edited = GOOD.replace("When did the centre open?", "On what day did the centre open?")
    assert publish(teacher, edited).status_code == 303
    # The quota is the teacher's own: another teacher still publishes.
    other = GOOD.replace("slug: my-class-bank", "slug: other-bank").replace("id: t-", "id: o-")
    assert publish(client_as("uteacher"), other).status_code == 303


def test_only_the_latest_revisions_are_kept(loaded_app, world, client_as):
    loaded_app.config["MAX_KEPT_REVISIONS"] = 2
    teacher = client_as("teacher")
    texts = [GOOD.replace("When did the centre open?", f"When did the centre open ({n})?")
             for n in range(3)]
    for text in texts:
        assert publish(teacher, text).status_code == 303
    with loaded_app.app_context():
        bank = db.session.scalars(select(Bank).where(Bank.owner_id == world.teacher.id)).one()
        slug = bank.slug
        numbers = db.session.scalars(select(BankRevision.number).where(
            BankRevision.bank_id == bank.id).order_by(BankRevision.number)).all()
    assert numbers == [2, 3]
    assert teacher.get(f"/banks/{slug}/yaml?revision=1").status_code == 404
    assert teacher.get(f"/banks/{slug}/yaml?revision=2").get_data(as_text=True) == texts[1]
    history = teacher.get(f"/banks/{slug}/history").get_data(as_text=True)
    assert "Only the latest 2 revisions are kept" in history


def test_a_check_that_runs_out_of_time_stops_with_a_problem(loaded_app, world, client_as):
    loaded_app.config["UPLOAD_CHECK_SECONDS"] = 0
    before = snapshot(loaded_app)
    response = submit(client_as("teacher"), GOOD)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "checking took too long and stopped here" in html
    assert snapshot(loaded_app) == before
