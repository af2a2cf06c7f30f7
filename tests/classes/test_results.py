"""Quiz results on the class page and in its CSV, and when an assignment counts as done."""

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, select, update

from quizapp.accounts.models import Assignment, ClassMembership, SchoolClass
from quizapp.accounts.services import NewAccount, add_user
from quizapp.banks.models import Bank, Question
from quizapp.classes import services as class_services
from quizapp.classes.results import assignment_results, done_counts, quiz_results
from quizapp.database import write_transaction
from quizapp.extensions import db
from quizapp.progress.classes import class_report
from quizapp.study.models import Card, QuizAttempt

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
SET_AT = NOW - timedelta(days=5)
BANKS = ("cultural-centre-beijing", "central-asia-china-summit")


def _bank(slug: str) -> Bank:
    return db.session.scalar(select(Bank).where(Bank.slug == slug))


def _assign(school_class: SchoolClass, *slugs: str) -> dict[str, int]:
    """Assign the banks as of SET_AT; their assignment ids by slug."""
    for slug in slugs:
        class_services.assign_bank(school_class, _bank(slug), None)
    db.session.execute(update(Assignment).where(Assignment.class_id == school_class.id)
                       .values(created_at=SET_AT))
    db.session.commit()
    return {a.bank.slug: a.id for a in db.session.scalars(
        select(Assignment).where(Assignment.class_id == school_class.id))}


def _quiz(user_id: int, slug: str, started: datetime, score: float | None,
          minutes: int = 10) -> None:
    """A quiz on the bank started at ``started``; finished with ``score`` unless None."""
    finished = None if score is None else started + timedelta(minutes=minutes)
    db.session.add(QuizAttempt(user_id=user_id, bank_id=_bank(slug).id, question_ids=[],
                               layouts=[], started_at=started, finished_at=finished,
                               score=score))
    db.session.commit()


def _study(user_id: int, slug: str, share: float) -> None:
    """Cards for that share of the bank's questions, as if studied."""
    ids = db.session.scalars(select(Question.id).where(
        Question.bank_id == _bank(slug).id, Question.retired_at.is_(None))
        .order_by(Question.position)).all()
    for question_id in ids[:round(len(ids) * share)]:
        db.session.add(Card(user_id=user_id, question_id=question_id, fsrs_card={}, state=1,
                            due=NOW + timedelta(days=1)))
    db.session.commit()


def _results(school_class_id: int):
    school_class = db.session.get(SchoolClass, school_class_id)
    rows, _completion = class_report(school_class, NOW)
    return assignment_results(school_class, rows)


def test_a_finished_quiz_after_the_assignment_is_done(loaded_app, world):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        ids = _assign(school_class, BANKS[0])
        student = world.student.id
        _study(student, BANKS[0], 1 / 3)
        _quiz(student, BANKS[0], NOW - timedelta(days=3), 0.8)
        _quiz(student, BANKS[0], NOW - timedelta(days=1), 0.6)
        result = _results(world.school_class.id)[(student, ids[BANKS[0]])]
    assert result.done
    assert round(result.cards, 2) == 0.33  # the figure that used to be shown alone
    assert (result.quiz.best, result.quiz.last, result.quiz.count) == (0.8, 0.6, 2)
    assert result.quiz.last_at == NOW - timedelta(days=1) + timedelta(minutes=10)


def test_quizzes_before_the_assignment_unfinished_or_on_another_bank_do_not_count(
        loaded_app, world):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        ids = _assign(school_class, *BANKS)
        student = world.student.id
        _quiz(student, BANKS[0], SET_AT - timedelta(days=1), 1.0)  # before it was set
        _quiz(student, BANKS[0], NOW - timedelta(days=1), None)  # never finished
        _quiz(student, BANKS[1], NOW - timedelta(days=1), 0.5)  # the other assignment
        results = _results(world.school_class.id)
    first, second = results[(student, ids[BANKS[0]])], results[(student, ids[BANKS[1]])]
    assert not first.done and first.quiz is None
    assert second.done and second.quiz.best == 0.5
    assert done_counts(results) == {ids[BANKS[0]]: 0, ids[BANKS[1]]: 1}


def test_every_card_studied_is_done_without_a_quiz(loaded_app, world):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        ids = _assign(school_class, BANKS[0])
        _study(world.student.id, BANKS[0], 1.0)
        result = _results(world.school_class.id)[(world.student.id, ids[BANKS[0]])]
    assert result.done and result.quiz is None and result.cards == 1


def test_a_student_who_left_is_not_in_the_results(loaded_app, world):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        _assign(school_class, BANKS[0])
        _quiz(world.other_student.id, BANKS[0], NOW - timedelta(days=1), 0.9)
        assert quiz_results(school_class) == {}


def _fill_class(school_class: SchoolClass, size: int, prefix: str) -> list[int]:
    """``size`` students in the class, each with a quiz on each of BANKS and some cards."""
    with write_transaction() as session:
        users = [add_user(session, NewAccount(
                     username=f"{prefix}{n}", display_name=f"Pupil {prefix}{n}",
                     password="a long enough passphrase")) for n in range(size)]
        session.flush()
        for user in users:
            session.add(ClassMembership(class_id=school_class.id, user_id=user.id))
    for n, user in enumerate(users):
        for slug in BANKS:
            _quiz(user.id, slug, NOW - timedelta(hours=n + 1), (n % 10) / 10)
    _study(users[0].id, BANKS[0], 0.2)
    return [user.id for user in users]


def _statements(app, work) -> int:
    counted = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: counted.append(args[2])  # noqa: E731 - the statement
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with app.app_context():
            work()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(counted)


def test_the_roster_and_its_csv_take_the_same_queries_for_2_or_40_students(
        loaded_app, world, client_as):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        _assign(school_class, *BANKS)
        _fill_class(school_class, 1, "first")
    teacher = client_as("teacher")
    page = f"/classes/{world.school_class.id}"
    export = f"/classes/{world.school_class.id}/report.csv"
    small = [_statements(loaded_app, lambda p=p: teacher.get(p)) for p in (page, export)]
    with loaded_app.app_context():
        _fill_class(db.session.get(SchoolClass, world.school_class.id), 38, "pupil")
        assert len(quiz_results(db.session.get(SchoolClass, world.school_class.id))) == 78
    large = [_statements(loaded_app, lambda p=p: teacher.get(p)) for p in (page, export)]
    assert large == small
    assert max(large) <= 20  # 15 and 14 when written


def test_the_csv_carries_each_assignments_quiz_results(loaded_app, world, client_as):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        _assign(school_class, BANKS[0])
        _quiz(world.student.id, BANKS[0], NOW - timedelta(days=2), 0.75)
        _quiz(world.student.id, BANKS[0], NOW - timedelta(days=1), 0.5)
        title = {lang: _bank(BANKS[0]).title(lang) for lang in ("en", "ar")}
    teacher = client_as("teacher")
    rows = list(csv.reader(io.StringIO(teacher.get(
        f"/classes/{world.school_class.id}/report.csv").get_data(as_text=True)[1:])))
    header, row = rows[0], rows[1]
    cells = dict(zip(header, row, strict=True))
    assert cells[f"{title['en']}: done"] == "Yes"
    assert cells[f"{title['en']}: best quiz score"] == "0.75"
    assert cells[f"{title['en']}: last quiz score"] == "0.5"
    assert cells[f"{title['en']}: last quiz"].startswith(
        (NOW - timedelta(days=1)).date().isoformat())
    teacher.set_cookie("lang", "ar")
    arabic = list(csv.reader(io.StringIO(teacher.get(
        f"/classes/{world.school_class.id}/report.csv").get_data(as_text=True)[1:])))
    cells = dict(zip(arabic[0], arabic[1], strict=True))
    assert cells[f"{title['ar']}: أُنجزت"] == "نعم"


def test_the_roster_shows_done_and_the_quiz_scores(loaded_app, world, client_as):
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        _assign(school_class, BANKS[0])
        _study(world.student.id, BANKS[0], 1 / 3)
        _quiz(world.student.id, BANKS[0], datetime.now(UTC) - timedelta(hours=2), 0.9)
    html = client_as("teacher").get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    results = html.split('class="table roster-results', 1)[1].split("</table>", 1)[0]
    assert "Done" in results and "Best 90%" in results
    assert "1 of 1 student done" in html
    assert "33%" not in results.split("Done", 1)[0]  # "done" leads, not the share of cards
