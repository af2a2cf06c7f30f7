"""The verdict explains itself: typed answers say how they were read and why they count;
wrong, partly right and right each look different."""

from sqlalchemy import select

from quizapp.banks.models import Question
from quizapp.extensions import db

from ..people import csrf_token
from .conftest import logged_in


def question(loaded_app, uid):
    with loaded_app.app_context():
        found = db.session.scalar(select(Question).where(Question.uid == uid))
        return found.id, found.type, dict(found.details)


def answer(client, question_id, form):
    return client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0",
        "csrf_token": csrf_token(client)}).get_data(as_text=True)


def test_typed_number_says_how_it_was_read_in_english(loaded_app):
    client = logged_in(loaded_app)
    area, _, _ = question(loaded_app, "kcc-area-numeric")
    page = answer(client, area, {"answer": "six hundred and twenty"})
    assert "Accepted: read as 620 square metres." in page
    page = answer(client, area, {"answer": "620 km²"})
    assert "Not accepted: the unit differs; the text says square metres." in page
    students, _, _ = question(loaded_app, "bri-luban-students-numeric")
    assert "Accepted: read as 1,500 students." in answer(client, students,
                                                         {"answer": "one thousand five hundred"})
    year, _, _ = question(loaded_app, "kcc-opening-year-numeric")
    page = answer(client, year, {"answer": "2025 or 2022"})
    assert "Not accepted: your answer names more than one value (2025 or 2022)." in page


def test_typed_answer_explained_in_arabic_with_the_students_digits(loaded_app):
    client = logged_in(loaded_app)
    client.set_cookie("lang", "ar")
    students, _, _ = question(loaded_app, "bri-luban-students-numeric")
    page = answer(client, students, {"answer": "ألف وخمسمائة"})
    # "Understood as", and the unit set apart: a bare plural unit cannot agree with
    # every number in Arabic.
    assert "مقبولة: فُهمت إجابتك على أنها 1,500 (الوحدة: طالب)." in page
    assert "قُرئت إجابتك" not in page
    area, _, _ = question(loaded_app, "kcc-area-numeric")
    page = answer(client, area, {"answer": "620 كم²"})
    assert "غير مقبولة: الوحدة مختلفة؛ النص يقول متر مربع." in page


def test_close_spelling_names_the_accepted_answer(loaded_app):
    client = logged_in(loaded_app)
    client.set_cookie("lang", "ar")
    found, _, details = question(loaded_app, "kcc-district-short")
    accepted = details["answers"]["ar"][0]
    page = answer(client, found, {"answer": accepted.replace("غ", "ق")})
    assert "مقبولة: يختلف الإملاء قليلًا عن" in page


def test_plainly_wrong_true_false_is_wrong_not_not_quite(loaded_app):
    client = logged_in(loaded_app)
    with loaded_app.app_context():
        found = db.session.scalar(select(Question).where(Question.type == "true_false"))
        found_id, wrong = found.id, "false" if found.details["answer"] else "true"
    page = answer(client, found_id, {"answer": wrong})
    assert "Not quite" not in page and "<h2>Wrong</h2>" in page
    assert 'class="feedback is-wrong"' in page


def test_partial_credit_has_its_own_look(loaded_app):
    client = logged_in(loaded_app)
    with loaded_app.app_context():
        found = next(q for q in db.session.scalars(
            select(Question).where(Question.type == "multiple_choice"))
            if len(q.details["answers"]) >= 2)
        found_id, half = found.id, found.details["answers"][:1]
    page = answer(client, found_id, {"answer": half})
    assert 'class="feedback is-partial"' in page and "Partly right" in page


def test_quiz_score_with_partial_credit_is_explained(loaded_app):
    from datetime import UTC, datetime

    from quizapp.accounts.models import User
    from quizapp.study.models import QuizAnswer, QuizAttempt

    client = logged_in(loaded_app)
    with loaded_app.app_context():
        user = db.session.scalar(select(User).where(User.username == "sara"))
        chosen = db.session.scalars(select(Question).where(Question.type.in_(
            ["single_choice", "multiple_choice"])).order_by(Question.id).limit(2)).all()
        attempt = QuizAttempt(user_id=user.id, bank_id=chosen[0].bank_id,
                              question_ids=[q.id for q in chosen], layouts=[[], []],
                              finished_at=datetime.now(UTC), score=0.75)
        db.session.add(attempt)
        db.session.flush()
        db.session.add_all([
            QuizAnswer(attempt_id=attempt.id, position=0, question_id=chosen[0].id,
                       response=None, correct=True, score=1.0),
            QuizAnswer(attempt_id=attempt.id, position=1, question_id=chosen[1].id,
                       response=None, correct=False, score=0.5)])
        db.session.commit()
        attempt_id = attempt.id
    page = client.get(f"/quiz/{attempt_id}/result").get_data(as_text=True)
    assert ("1 of 2 answers is fully right; the score of 75% also counts partial credit."
            in page)
    assert "is-partial" in page


def test_true_false_answer_is_a_statement_not_a_bare_false(loaded_app):
    """"Right!" then "Your answer: False" reads as a contradiction; the answer is shown as
    what the student said about the statement."""
    client = logged_in(loaded_app)
    client.set_cookie("lang", "ar")
    with loaded_app.app_context():
        found = db.session.scalar(select(Question).where(
            Question.type == "true_false", Question.details["answer"].as_boolean().is_(False)))
        found_id = found.id
    page = answer(client, found_id, {"answer": "false"})
    assert 'class="feedback is-right"' in page
    given = page.split("إجابتك</h3>", 1)[1].split("</div>", 1)[0]
    assert "العبارة خاطئة" in given and ">خطأ<" not in given


def test_a_matched_pair_points_along_the_line_and_is_spoken(loaded_app):
    """The pair's arrow is the mirrored one (it points left on Arabic pages) and screen
    readers hear a word instead of "right arrow"."""
    with loaded_app.test_request_context(headers={"Cookie": "lang=ar"}):
        macros = loaded_app.jinja_env.get_template("macros/question.html").make_module(
            {"lang": "ar"})
        html = str(macros.answer_text([("بكين", "الصين")]))
    assert '<span class="dir-arrow" aria-hidden="true">→</span>' in html
    assert '<span class="visually-hidden">يقابلها</span>' in html
