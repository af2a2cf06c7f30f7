"""The class results as a gradebook CSV a Moodle course imports."""

import csv
import io

from quizapp.interop.gradebook import GradebookRow, gradebook_csv


def test_scores_are_out_of_100_with_a_dot_and_names_stay_text():
    body = gradebook_csv(["Name", "Username", "Email address"], ["قمة آسيا الوسطى", "Beijing"],
                         [GradebookRow("سارة", "sara", "sara@example.org", [0.5, 1]),
                          GradebookRow("=cmd()", "eve", None, [None, 0.125])])
    assert not body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows == [["Name", "Username", "Email address", "قمة آسيا الوسطى", "Beijing"],
                    ["سارة", "sara", "sara@example.org", "50.00", "100.00"],
                    ["'=cmd()", "eve", "", "", "12.50"]]


def test_the_teacher_downloads_the_gradebook_of_their_class_only(world, client_as):
    teacher = client_as("teacher")
    response = teacher.get(f"/classes/{world.school_class.id}/report.moodle")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "moodle-grades.csv" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:3] == ["Name", "Username", "Email address"]
    assert [row[1] for row in rows[1:]] == ["student"]
    assert client_as("uteacher").get(
        f"/classes/{world.school_class.id}/report.moodle").status_code == 404
    page = teacher.get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    assert f"/classes/{world.school_class.id}/report.moodle" in page


def test_the_gradebook_carries_each_students_best_assignment_quiz_score(loaded_app, world,
                                                                        client_as):
    import random

    from sqlalchemy import select

    from quizapp.accounts.models import Assignment, SchoolClass, User
    from quizapp.banks.models import Bank, Question
    from quizapp.classes import services as class_services
    from quizapp.extensions import db
    from quizapp.study import quizzes

    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(db.session.get(SchoolClass, world.school_class.id), bank,
                                   None)
        assignment = db.session.scalar(select(Assignment).where(
            Assignment.class_id == world.school_class.id))
        attempt = quizzes.start_quiz(db.session.get(User, world.student.id), length=2,
                                     rng=random.Random(3), bank=bank,
                                     assignment_id=assignment.id)
        for position, question_id in enumerate(list(attempt.question_ids)):
            question = db.session.get(Question, question_id)
            quizzes.answer_question(attempt, position, question, None, duration_ms=None,
                                    now=attempt.started_at)
        score = db.session.get(type(attempt), attempt.id).score
        assert score is not None  # finished
    response = client_as("teacher").get(f"/classes/{world.school_class.id}/report.moodle")
    header, row = list(csv.reader(io.StringIO(response.get_data(as_text=True))))[:2]
    assert header[3].endswith(": quiz score") and header[4].endswith(": completion")
    assert row[3] == f"{score * 100:.2f}"
