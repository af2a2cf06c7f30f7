"""A teacher accepts a refused typed answer from item analysis: a new bank revision lists
it, history is kept, and the student's review of it is graded again."""

from types import SimpleNamespace

import pytest
import yaml
from fsrs import Rating
from sqlalchemy import func, select

from quizapp.accounts.models import User
from quizapp.banks.models import Bank, BankRevision, Question
from quizapp.banks.services import LoadRefused, check_upload, publish_upload
from quizapp.extensions import db
from quizapp.study import services
from quizapp.study.models import ReviewLog

from ..banks.conftest import GOOD
from ..people import csrf_token
from ..study.conftest import NOW

DISTRICT = """\
  - id: t-district
    type: short_text
    prompt: {ar: في أي حي يقع المركز؟, en: "In which district is the centre?"}
    answers: {ar: [تشاويانغ], en: [Chaoyang]}
    explanation: {ar: يقع في حي تشاويانغ., en: It is in Chaoyang District.}
    source:
      document: kazakhstan-cultural-centre-beijing
      quote: يقع المركز الثقافي الجديد في حي تشاويانغ العريق ببكين
      quote_en: The new cultural centre is in Beijing's historic Chaoyang District
    tags: [place]
"""
TEACHER_BANK = GOOD.rstrip("\n") + "\n" + DISTRICT
FAIR = "Sunrise District"  # Chaoyang translated: refused, and fair to accept


@pytest.fixture
def taught(loaded_app, world):
    """Teacher T's bank with a short_text question, and student S's refused review of it,
    rated Good: "I was right"."""
    with loaded_app.app_context():
        upload = check_upload(TEACHER_BANK, "bank.yaml", owner_id=world.teacher.id,
                              max_bytes=1 << 20)
        assert upload.ok, upload.problems
        publish_upload(upload, owner_id=world.teacher.id)
        bank = db.session.scalar(select(Bank).where(Bank.owner_id == world.teacher.id))
        questions = {q.uid.partition(".")[2]: q for q in db.session.scalars(
            select(Question).where(Question.bank_id == bank.id))}
        student = db.session.get(User, world.student.id)
        district, area = questions["t-district"], questions["t-area"]
        for question, response in ((district, FAIR), (area, "620 km²")):
            services.record_review(
                student, question, Rating.Good, now=NOW, reviews_seen=0, fuzzing=False,
                answer=services.GradedAnswer(response, False, Rating.Again))
        record = SimpleNamespace(slug=bank.slug, bank_id=bank.id, district=district.id,
                                 area=area.id)
        db.session.remove()
        return record


def items_page(client, world, slug):
    return client.get(f"/classes/{world.school_class.id}/banks/{slug}/items")


def accept(client, world, taught, answer=FAIR, question=None):
    return client.post(f"/banks/{taught.slug}/questions/{question or taught.district}/accept",
                       data={"answer": answer, "class_id": world.school_class.id,
                             "csrf_token": csrf_token(client)})


def test_items_page_lists_refused_answers_and_claims(world, client_as, taught):
    html = items_page(client_as("teacher"), world, taught.slug).get_data(as_text=True)
    assert FAIR in html and "refused 1 time" in html and "“I was right” 1 time" in html
    assert "Accept this answer" in html
    assert "620 km²" in html and "there is no written form to add" in html
    assert html.count("Accept this answer") == 1  # not for the number


def test_claim_is_recorded_on_the_review(loaded_app, taught):
    with loaded_app.app_context():
        claims = db.session.scalars(select(ReviewLog.claimed_right).order_by(ReviewLog.id))
        assert list(claims) == [True, True]


def test_teacher_accepts_and_the_review_is_regraded(loaded_app, world, client_as, taught):
    teacher = client_as("teacher")
    with loaded_app.app_context():
        before = db.session.scalar(select(func.count()).select_from(BankRevision)
                                   .where(BankRevision.bank_id == taught.bank_id))
    done = accept(teacher, world, taught)
    assert done.status_code == 303 and done.location.endswith(f"/banks/{taught.slug}/items")
    page = teacher.get(done.location).get_data(as_text=True)
    assert "1 stored answer to this question is now counted right" in page
    with loaded_app.app_context():
        revisions = db.session.scalars(select(BankRevision).where(
            BankRevision.bank_id == taught.bank_id).order_by(BankRevision.number)).all()
        assert len(revisions) == before + 1  # history kept
        latest = yaml.safe_load(revisions[-1].yaml_text)
        district = next(q for q in latest["questions"] if q["id"] == "t-district")
        assert district["answers"]["en"] == ["Chaoyang", FAIR]
        assert db.session.get(Question, taught.district).details["answers"]["en"][-1] == FAIR
        log = db.session.scalar(select(ReviewLog).where(
            ReviewLog.question_id == taught.district))
        assert log.correct is True
    assert FAIR not in items_page(teacher, world, taught.slug).get_data(as_text=True)


def test_arabic_answer_goes_to_the_arabic_list(loaded_app, world, client_as, taught):
    teacher = client_as("teacher")
    accept(teacher, world, taught, answer="حي الشمس المشرقة")
    with loaded_app.app_context():
        answers = db.session.get(Question, taught.district).details["answers"]
        assert answers["ar"] == ["تشاويانغ", "حي الشمس المشرقة"]


def test_number_is_not_accepted_and_says_why(loaded_app, world, client_as, taught):
    teacher = client_as("teacher")
    done = accept(teacher, world, taught, answer="620 km²", question=taught.area)
    page = teacher.get(done.location).get_data(as_text=True)
    assert "there is no written form to add" in page
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(BankRevision).where(
            BankRevision.bank_id == taught.bank_id)) == 1


def test_only_the_banks_owner_may_accept(loaded_app, world, client_as, taught):
    assert accept(client_as("uteacher"), world, taught).status_code == 404
    assert accept(client_as("student"), world, taught).status_code in (403, 404)
    with loaded_app.app_context():
        assert db.session.get(Question, taught.district).details["answers"]["en"] == [
            "Chaoyang"]


def test_accept_without_csrf_is_refused(world, client_as, taught):
    teacher = client_as("teacher")
    response = teacher.post(f"/banks/{taught.slug}/questions/{taught.district}/accept",
                            data={"answer": FAIR})
    assert response.status_code == 400


def test_shipped_bank_lists_refused_answers_without_accepting(loaded_app, world, client_as):
    with loaded_app.app_context():
        question = db.session.scalar(select(Question).where(Question.uid == "kcc-district-short"))
        services.record_review(db.session.get(User, world.student.id), question, Rating.Again,
                               now=NOW, reviews_seen=0, fuzzing=False,
                               answer=services.GradedAnswer(FAIR, False, Rating.Again))
        db.session.remove()
    html = items_page(client_as("teacher"), world, "cultural-centre-beijing").get_data(
        as_text=True)
    assert FAIR in html and "Accept this answer" not in html
    assert "its answers are changed only by its authors" in html


def test_an_accept_built_on_an_older_revision_is_refused(loaded_app, world, taught):
    """Two accepts at the same moment both start from revision N: the second must not
    publish N+1's text without the first's answer."""
    from quizapp.classes.accepting import with_answer_added

    with loaded_app.app_context():
        latest = db.session.scalar(select(BankRevision).where(
            BankRevision.bank_id == taught.bank_id).order_by(BankRevision.number.desc()))
        first = with_answer_added(latest.yaml_text, "t-district", "First answer")
        second = with_answer_added(latest.yaml_text, "t-district", "Second answer")
        for text in (first, second):
            upload = check_upload(text, "bank.yaml", owner_id=world.teacher.id,
                                  max_bytes=1 << 20)
            assert upload.ok, upload.problems
            if text is first:
                publish_upload(upload, owner_id=world.teacher.id, based_on=latest.number)
            else:
                with pytest.raises(LoadRefused):
                    publish_upload(upload, owner_id=world.teacher.id,
                                   based_on=latest.number)
        db.session.rollback()
        answers = db.session.scalar(select(Question).where(
            Question.id == taught.district)).details["answers"]["en"]
        assert "First answer" in answers and "Second answer" not in answers
