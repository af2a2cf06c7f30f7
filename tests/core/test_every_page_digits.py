"""With Arabic-Indic digits chosen, no Western digit is left in the interface of any page
a student or a teacher can reach; the documents' own digits (bank content, marked with
dir="auto" or <bdi>) stay as written."""

import random
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from fsrs import Rating
from sqlalchemy import select

from quizapp import database
from quizapp.accounts.models import SchoolClass, User
from quizapp.banks.models import Bank, Question
from quizapp.banks.services import check_upload, publish_upload
from quizapp.classes import services as class_services
from quizapp.core.models import Job
from quizapp.extensions import db
from quizapp.questions.presenting import make_layout
from quizapp.study import quizzes, services
from quizapp.study.models import QuizAttempt

from ..accounts.conftest import MATRIX, own_document
from ..banks.conftest import GOOD
from ..people import csrf_token

WESTERN_DIGIT = re.compile(r"[0-9]")
# Elements whose text is content (bank text, names, codes people type), not interface.
CONTENT_TAGS = {"bdi", "code", "pre", "textarea", "kbd", "samp", "script", "style"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}
SPOKEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


class InterfaceText(HTMLParser):
    """The text a reader sees or hears, outside content containers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # for each open element: is it (inside) content?
        self.pieces: list[str] = []

    def _inside_content(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # Text in its own language or direction, or marked not to be translated, is
        # written as it is (a document's quote, a join code, the digits of the setting).
        content = (self._inside_content() or tag in CONTENT_TAGS
                   or attributes.get("dir") == "auto" or attributes.get("translate") == "no"
                   or (tag != "html" and "lang" in attributes))
        if not content:
            self.pieces += [attributes[name] or "" for name in SPOKEN_ATTRIBUTES
                            if name in attributes]
        if tag not in VOID_TAGS:
            self.stack.append(content)

    def handle_startendtag(self, tag, attrs):
        if not self._inside_content() and tag not in CONTENT_TAGS:
            attributes = dict(attrs)
            self.pieces += [attributes[name] or "" for name in SPOKEN_ATTRIBUTES
                            if name in attributes]

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._inside_content():
            self.pieces.append(data)


def western_digits_in_interface(page: str) -> list[str]:
    parser = InterfaceText()
    parser.feed(page)
    text = " ".join(parser.pieces)
    return [text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            for m in WESTERN_DIGIT.finditer(text)]


@pytest.fixture
def busy_world(loaded_app, world):
    """The student has studied, reviewed and finished a quiz; the teacher has assigned the
    bank and published one of their own: every page has numbers to show."""
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(db.session.get(SchoolClass, world.school_class.id), bank,
                                   None)
        student = db.session.get(User, world.student.id)
        student.numerals = "arab"
        db.session.get(User, world.teacher.id).numerals = "arab"
        services.add_study_bank(student, bank)
        now = database.utcnow()
        questions = db.session.scalars(select(Question).where(Question.bank_id == bank.id)
                                       .order_by(Question.id).limit(12)).all()
        for days_ago, question in enumerate(questions):
            services.record_review(student, question, Rating.Good, reviews_seen=0,
                                   fuzzing=False, now=now - timedelta(days=40 - 3 * days_ago))
        attempt = quizzes.start_quiz(student, length=2, rng=random.Random(1), bank=bank)
        attempt_id = attempt.id
        # A quiz of one ordering question: its place selects are numbers too.
        ordering = db.session.scalar(select(Question).where(
            Question.bank_id == bank.id, Question.type == "ordering").limit(1))
        ordering_quiz = QuizAttempt(user_id=student.id, question_ids=[ordering.id],
                                    layouts=[make_layout(ordering, random.Random(2))])
        db.session.add(ordering_quiz)
        db.session.flush()
        ordering_quiz_id = ordering_quiz.id
        assignment_id = db.session.scalar(db.text("SELECT max(id) FROM assignments"))
        upload = check_upload(GOOD, "bank.yaml", owner_id=world.teacher.id, max_bytes=1 << 20)
        teachers_bank = publish_upload(upload, owner_id=world.teacher.id).banks[0].slug
        document = own_document(world.teacher.id)
        # A finished export of the teacher's: its job page says what it made.
        job = Job(kind="class_report", owner_id=world.teacher.id, state="done", params={},
                  result_name="r.csv", result_mimetype="text/csv", result_data=b"a,b\n")
        db.session.add(job)
        db.session.commit()
        document = (*document, job.id)
    return attempt_id, assignment_id, teachers_bank, ordering_quiz_id, document


def reachable_pages(world, attempt_id, assignment_id, teachers_bank, document):
    """(role, url) of every page the route matrix says a student or teacher gets."""
    for endpoint, (method, template, statuses) in sorted(MATRIX.items()):
        if method != "GET" or endpoint == "static":
            continue
        slug, question_id, name, job_id = document
        url = template.format(c=world.school_class.id, s=world.student.id, a=assignment_id,
                              q=attempt_id, b=teachers_bank, d=slug, dq=question_id, g=name,
                              j=job_id)
        for role in ("student", "teacher"):
            if statuses.get(role, statuses.get("*")) == 200 and not url.endswith(
                    (".csv", ".xlsx", ".json", "moodle-xml", "/yaml")):
                yield role, url


def test_no_western_digit_in_the_interface_with_arabic_indic_digits(busy_world, world,
                                                                      client_as):
    attempt_id, assignment_id, teachers_bank, ordering_quiz_id, document = busy_world
    clients = {role: client_as(role) for role in ("student", "teacher")}
    for client in clients.values():
        client.set_cookie("lang", "ar")
    pages = list(reachable_pages(world, attempt_id, assignment_id, teachers_bank, document))
    student = clients["student"]
    token = csrf_token(student)
    # The quiz answered (feedback), then finished (result).
    for position in range(2):
        student.post(f"/quiz/{attempt_id}/{position}", data={"answer": "a", "csrf_token": token})
    pages += [("student", f"/quiz/{attempt_id}/1"), ("student", f"/quiz/{attempt_id}/result"),
              ("student", "/progress/questions/kcc-opening-date-choice"),
              ("student", f"/quiz/{ordering_quiz_id}/0")]
    assert len(pages) > 20
    leaks = {}
    for role, url in pages:
        response = clients[role].get(url)
        assert response.status_code == 200, (role, url, response.status_code)
        page = response.get_data(as_text=True)
        if found := western_digits_in_interface(page):
            leaks[f"{role} {url}"] = found
    # A form refused: its messages are interface sentences with numbers.
    refused = student.post("/account/settings", data={
        "display_name": "Sara", "locale": "ar", "timezone": "UTC", "numerals": "arab",
        "desired_retention": "5", "new_cards_per_day": "-1", "csrf_token": token})
    assert refused.status_code == 400
    refused_page = refused.get_data(as_text=True)
    assert "٠٫٧٠" in refused_page
    if found := western_digits_in_interface(refused_page):
        leaks["refused settings"] = found
    ordering_page = clients["student"].get(f"/quiz/{ordering_quiz_id}/0").get_data(as_text=True)
    assert '<option value="1">١</option>' in ordering_page
    progress = clients["student"].get("/progress").get_data(as_text=True)
    assert "١٢" in progress  # the setting is on: twelve reviews, in its digits
    assert leaks == {}


def test_the_checker_sees_interface_digits_and_ignores_content():
    page = ('<p>آخر 30 يومًا <span dir="auto">في 17 يونيو 2025</span> <bdi>Layla_99</bdi>'
            '<input value="12"><a title="5 أيام">x</a></p>')
    assert [snippet.strip() for snippet in western_digits_in_interface(page)] != []
    found = western_digits_in_interface(page)
    assert len(found) == 3  # "30" (two digits) and the title's "5"
    assert not western_digits_in_interface('<p dir="auto">2025</p><code>H5P</code>')
