"""A memory model fitted to each student: fsrs-rs fits, py-fsrs schedules with the fit."""

from datetime import UTC

import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS
from sqlalchemy import func, select

from quizapp.accounts.models import User
from quizapp.core.models import Job
from quizapp.extensions import db
from quizapp.study import memory, tasks
from quizapp.study.models import Card, MemoryFit
from quizapp.study.scheduling import make_scheduler

from .conftest import forgetful_parameters, simulated_reviews, store_reviews


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fit_beats_the_defaults_for_a_student_who_forgets_faster(seed):
    reviews = simulated_reviews(forgetful_parameters(), cards=60, days=150, seed=seed)
    fit = memory.fit(reviews, UTC)
    assert fit.enough and fit.kept
    assert fit.log_loss_after < fit.log_loss_before
    assert fit.rmse_after < fit.rmse_before
    # The fitted student forgets faster: shorter first memories than FSRS's defaults.
    assert fit.parameters[2] < DEFAULT_PARAMETERS[2]


def test_fewer_reviews_than_the_minimum_leave_the_defaults():
    reviews = simulated_reviews(forgetful_parameters(), cards=4, days=20)
    assert memory.fit(reviews, UTC) == memory.NOT_ENOUGH


def test_fitted_parameters_are_accepted_by_the_scheduler():
    fit = memory.fit(simulated_reviews(forgetful_parameters(), 60, 150), UTC)
    scheduler = make_scheduler(0.9, fuzzing=False, parameters=fit.parameters)
    assert tuple(scheduler.parameters) == fit.parameters


def test_a_fit_job_keeps_better_parameters_and_reschedules_the_cards(ctx, student):
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=60, days=150))
    due_before = dict(db.session.execute(select(Card.id, Card.due)
                                         .where(Card.user_id == student.id)).all())
    job = tasks.request_fit(student.id)
    assert job is not None and job.state == "done", job.message_key
    user = db.session.get(User, student.id)
    assert user.fsrs_parameters is not None
    fit = db.session.scalar(select(MemoryFit).where(MemoryFit.user_id == student.id))
    assert fit.kept and fit.rmse_after < fit.rmse_before
    due_after = dict(db.session.execute(select(Card.id, Card.due)
                                        .where(Card.user_id == student.id)).all())
    # A student who forgets faster sees their cards sooner.
    earlier = sum(1 for card_id, due in due_after.items() if due < due_before[card_id])
    assert earlier > len(due_after) // 2


def test_a_fit_job_with_too_few_reviews_leaves_the_defaults(ctx, student):
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=3, days=20))
    job = tasks.request_fit(student.id)
    assert job.state == "done"
    assert db.session.get(User, student.id).fsrs_parameters is None
    assert "Not enough reviews" in job.message_key


def test_a_fit_is_queued_after_every_so_many_reviews(ctx, student):
    ctx.config["MEMORY_REFIT_REVIEWS"] = 50
    first = simulated_reviews(forgetful_parameters(), cards=10, days=30)[:49]
    assert len(first) == 49
    store_reviews(student.id, first)
    assert tasks.note_review(student.id) is None  # 49 reviews: not yet
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=1, days=5), 20)
    assert tasks.note_review(student.id) is not None
    # The fit read every review: the count starts again.
    assert tasks.note_review(student.id) is None
    assert db.session.scalar(select(func.count()).select_from(Job)) == 1


def _student_with_history(app) -> tuple[int, object]:
    """A student (sara) with a simulated history, and a client logged in as her."""
    from quizapp.accounts.services import NewAccount, register

    from ..people import login
    from .conftest import PASSWORD

    with app.app_context():
        user = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD,
                                   locale="en", timezone="UTC"))
        user_id = user.id
        store_reviews(user_id, simulated_reviews(forgetful_parameters(), cards=60, days=150))
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert login(client, "sara", PASSWORD).status_code == 303
    return user_id, client


def test_the_progress_page_says_what_the_fit_changed_in_both_languages(loaded_app):
    user_id, client = _student_with_history(loaded_app)
    with loaded_app.app_context():
        tasks.request_fit(user_id)
        fit = db.session.scalar(select(MemoryFit).where(MemoryFit.user_id == user_id))
        before, after = round(fit.rmse_before * 100), round(fit.rmse_after * 100)
    page = client.get("/progress").get_data(as_text=True)
    assert (f"Your predicted recall was off by {before}%; now, with a model fitted to you, "
            f"it is off by {after}%.") in page
    assert "Your cards are scheduled with parameters fitted to you." in page
    with loaded_app.app_context():
        db.session.get(User, user_id).numerals = "arab"
        db.session.commit()
    client.set_cookie("lang", "ar")
    page = client.get("/progress").get_data(as_text=True)
    digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    assert "كان تذكّرك المتوقَّع يبتعد عن الواقع بفارق" in page
    assert f"{str(before).translate(digits)}٪" in page


def test_a_student_asks_for_a_fit_and_follows_it_on_the_job_page(loaded_app):
    from ..people import csrf_token

    _, client = _student_with_history(loaded_app)
    assert "Fit my memory model now" in client.get("/progress").get_data(as_text=True)
    response = client.post("/progress/memory-model",
                           data={"csrf_token": csrf_token(client, "/progress")})
    assert response.status_code == 303 and response.headers["Location"].startswith("/jobs/")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your memory model was fitted to your reviews" in page
    # Nothing new since: asking again starts nothing.
    again = client.post("/progress/memory-model",
                        data={"csrf_token": csrf_token(client, "/progress")})
    assert again.headers["Location"] == "/progress"


def test_the_monthly_run_fits_only_students_with_new_reviews(ctx, student):
    from quizapp.accounts.services import NewAccount, register

    from .conftest import PASSWORD

    idle = register(NewAccount(username="idle", display_name="Idle", password=PASSWORD,
                               locale="en"))
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=3, days=10))
    tasks.monthly_fits()
    owners = db.session.scalars(select(Job.owner_id).where(Job.kind == tasks.KIND)).all()
    assert owners == [student.id]
    tasks.monthly_fits()  # nothing new since: no second fit
    assert db.session.scalar(select(func.count()).select_from(Job)) == 1
    assert idle.id not in owners


def test_a_fit_is_queued_even_when_another_review_was_written_since_this_one_read(
        ctx, student):
    """Under load a review's request reads (is a fit due?), another student's review is
    committed, then this one queues its fit: the job row must still be written (on
    SQLite a read transaction turned into a write fails at once, "database is locked",
    which answered stored reviews with a 500)."""
    ctx.config["MEMORY_REFIT_REVIEWS"] = 50
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=10, days=30))
    student_id = student.id
    assert db.session.scalar(select(func.count()).select_from(User)) > 0  # a read is open
    with db.engine.connect() as other:  # another request's write, committed meanwhile
        written = other.execute(User.__table__.update().where(User.id == student_id)
                                .values(display_name="Sara K."))
        other.commit()
    assert written.rowcount == 1
    assert tasks.note_review(student_id) is not None


def test_a_fit_that_cannot_be_queued_does_not_fail_the_review(ctx, student, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def busy(*args, **kwargs):
        raise OperationalError("INSERT INTO jobs", {}, Exception("database is locked"))

    ctx.config["MEMORY_REFIT_REVIEWS"] = 50
    store_reviews(student.id, simulated_reviews(forgetful_parameters(), cards=10, days=30))
    monkeypatch.setattr(tasks.jobs, "start", busy)
    assert tasks.note_review(student.id) is None  # logged; the review stands
    monkeypatch.undo()
    assert tasks.note_review(student.id) is not None  # and the next review queues it
