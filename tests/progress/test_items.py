"""Item analysis against a hand-worked example, and the CSV exports."""

import csv
import io

from sqlalchemy import select

from quizapp.accounts.models import SchoolClass
from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.progress.items import item_analysis
from quizapp.study.models import QuizAnswer, QuizAttempt


def test_facility_discrimination_and_common_wrong_answer(loaded_app, world):
    """Six students answer two single-choice questions. Q1: the three strongest right,
    the three weakest wrong (two chose the same wrong answer). Q2: everyone right but
    the strongest. Strongest third = 2 students, weakest third = 2 students."""
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        q1, q2 = db.session.scalars(select(Question).where(
            Question.bank_id == bank.id, Question.type == "single_choice")
            .order_by(Question.position).limit(2)).all()
        wrong1 = next(k for k in q1.details["choices"] if k != q1.details["answer"])
        wrong2 = next(k for k in q2.details["choices"] if k != q2.details["answer"])
        # Results per student: (Q1 right?, Q2 right?), strongest last.
        plan = [(False, True), (False, True), (False, True), (True, True), (True, True),
                (True, False)]
        students = []
        for n, (right1, right2) in enumerate(plan):
            user = register(NewAccount(username=f"pupil{n}", display_name=f"Pupil {n}",
                                       password="a long passphrase"))
            class_services.join_class(user, school_class.join_code)
            attempt = QuizAttempt(user_id=user.id, question_ids=[q1.id, q2.id],
                                  layouts=[[], []])
            db.session.add(attempt)
            db.session.flush()
            response1 = q1.details["answer"] if right1 else wrong1
            response2 = q2.details["answer"] if right2 else wrong2
            db.session.add_all([
                QuizAnswer(attempt_id=attempt.id, position=0, question_id=q1.id,
                           response=response1, correct=right1, score=float(right1)),
                QuizAnswer(attempt_id=attempt.id, position=1, question_id=q2.id,
                           response=response2, correct=right2, score=float(right2))])
            students.append(user)
        db.session.commit()
        stats = {s.question.id: s for s in item_analysis(school_class, bank, "en")}
    first, second = stats[q1.id], stats[q2.id]
    assert (first.attempts, first.facility) == (6, 0.5)
    # Totals: pupils 0-2 have 1/2, pupils 3-4 have 2/2, pupil 5 has 1/2. Ranked by total
    # (stable): weakest third = pupils 0, 1; strongest third = pupils 3, 4.
    assert first.discrimination == 1.0 - 0.0
    assert (first.common_wrong, first.common_wrong_count) == \
        (q1.details["choices"][wrong1]["en"], 3)
    assert second.facility == 5 / 6 and second.discrimination == 0.0


def test_class_results_csv_opens_in_spreadsheets(world, client_as):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    response = teacher.get(f"/classes/{world.school_class.id}/report.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][0] == "الاسم" and rows[1][1] == "student"


def test_item_analysis_page_and_csv(world, client_as):
    teacher = client_as("teacher")
    base = f"/classes/{world.school_class.id}/banks/cultural-centre-beijing/items"
    page = teacher.get(base + "?sort=nonsense")
    assert page.status_code == 200 and "Item analysis" in page.get_data(as_text=True)
    csv_body = teacher.get(base + ".csv").get_data(as_text=True)
    assert csv_body.startswith("\ufeffQuestion,Type,Attempts")
    assert teacher.get(f"/classes/{world.school_class.id}/banks/nope/items").status_code == 404


def test_csv_cells_cannot_become_formulas(world, client_as, loaded_app):
    from quizapp.accounts.models import User

    with loaded_app.app_context():
        db.session.get(User, world.student.id).display_name = "=HYPERLINK(\"x\")"
        db.session.commit()
    body = client_as("teacher").get(f"/classes/{world.school_class.id}/report.csv").get_data(
        as_text=True)
    assert "'=HYPERLINK" in body


def test_class_results_as_xlsx_read_back_right_to_left_in_arabic(world, client_as,
                                                                  loaded_app):
    from openpyxl import load_workbook

    from quizapp.accounts.models import User

    with loaded_app.app_context():
        db.session.get(User, world.student.id).display_name = "=HYPERLINK(\"x\")"
        db.session.commit()
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    response = teacher.get(f"/classes/{world.school_class.id}/report.xlsx")
    assert response.status_code == 200
    assert 'filename="class-results.xlsx"' in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert sheet.sheet_view.rightToLeft
    rows = list(sheet.values)
    assert rows[0][:2] == ("الاسم", "اسم المستخدم")
    name_cell = sheet.cell(row=2, column=1)
    assert name_cell.value == "=HYPERLINK(\"x\")" and name_cell.data_type == "s"
    assert rows[1][1] == "student" and rows[1][2] == 0  # numbers stay numbers


def test_item_analysis_as_xlsx(world, client_as, loaded_app):
    from openpyxl import load_workbook

    with loaded_app.app_context():
        answerable = db.session.scalar(
            select(db.func.count()).select_from(Question).join(Bank)
            .where(Bank.slug == "cultural-centre-beijing", Question.type != "flashcard"))

    teacher = client_as("teacher")
    base = f"/classes/{world.school_class.id}/banks/cultural-centre-beijing/items"
    sheet = load_workbook(io.BytesIO(teacher.get(base + ".xlsx").get_data())).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Question", "Type", "Attempts")
    assert not sheet.sheet_view.rightToLeft
    assert len(rows) == 1 + answerable  # every question that takes an answer
    assert teacher.get(base + ".pdf").status_code == 404


def _wrong_answers_by_the_student(loaded_app, world) -> None:
    """The class's student gets a true/false question and a matching question wrong."""
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        true_false, matching = (db.session.scalar(select(Question).where(
            Question.bank_id == bank.id, Question.type == kind).order_by(Question.position)
            .limit(1)) for kind in ("true_false", "matching"))
        attempt = QuizAttempt(user_id=world.student.id,
                              question_ids=[true_false.id, matching.id], layouts=[[], []])
        db.session.add(attempt)
        db.session.flush()
        db.session.add_all([
            QuizAnswer(attempt_id=attempt.id, position=0, question_id=true_false.id,
                       response=not true_false.details["answer"], correct=False, score=0.0),
            # The first item matched with the second option, and the other way round.
            QuizAnswer(attempt_id=attempt.id, position=1, question_id=matching.id,
                       response={"0": 1, "1": 0}, correct=False, score=0.0)])
        db.session.commit()


def test_item_analysis_speaks_the_pages_language(loaded_app, world, client_as):
    """Arabic pages and exports say صواب/خطأ, not True/False, and a matched pair's arrow
    points along the Arabic line (right to left)."""
    _wrong_answers_by_the_student(loaded_app, world)
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    base = f"/classes/{world.school_class.id}/banks/cultural-centre-beijing/items"
    page = teacher.get(base).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(
        teacher.get(base + ".csv").get_data(as_text=True).lstrip("\ufeff"))))
    wrong_answers = [row[-2] for row in rows[1:] if row[-2]]
    assert {"صواب", "خطأ"} & set(wrong_answers)
    assert not {"True", "False"} & set(wrong_answers)
    assert ">True<" not in page and ">False<" not in page
    pairs = [answer for answer in wrong_answers if "←" in answer]
    assert pairs and not any("→" in answer for answer in wrong_answers)
    assert pairs[0] in page
    teacher.set_cookie("lang", "en")
    english = teacher.get(base + ".csv").get_data(as_text=True)
    assert "→" in english and "←" not in english
