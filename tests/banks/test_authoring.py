"""Teachers write banks in the browser: every problem by its line, a preview in both
languages, publish through the loader, history kept, visible to their classes only."""

import io
import re
from pathlib import Path

from sqlalchemy import select

from quizapp.banks.models import Bank, BankRevision, Question
from quizapp.extensions import db

from .conftest import GOOD, checked_hash, publish, snapshot, stored, submit

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"


def test_a_broken_bank_shows_every_problem_by_its_line_and_changes_nothing(
        loaded_app, world, client_as):
    teacher = client_as("teacher")
    broken = GOOD.replace("answer: a\n", "answer: z\n").replace(
        "tags: [figure]", "tags: [figures]")
    before = snapshot(loaded_app)
    response = submit(teacher, broken)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "3 problems: nothing was published" in html
    lines = broken.split("\n")
    answer_line = lines.index("    answer: z") + 1
    tag_line = next(i for i, line in enumerate(lines, 1) if "tags: [figures]" in line)
    # In the summary, each problem links to its line...
    assert f'href="#L{answer_line}">Line {answer_line}, column 13</a>' in html
    assert 'answer <bdi dir="ltr">z</bdi> is not among the choices' in html
    assert f'href="#L{tag_line}">Line {tag_line}' in html
    # ...and in the listing, the message sits under that very line.
    item = re.search(rf'<li id="L{answer_line}" class="has-problem">(.*?)</li>', html, re.S)
    assert "answer: z" in item.group(1)
    assert 'answer <bdi dir="ltr">z</bdi> is not among the choices' in item.group(1)
    # The text stays in the editor to be fixed.
    assert "answer: z" in re.search(r"<textarea.*?</textarea>", html, re.S).group(0)
    assert snapshot(loaded_app) == before


def test_problems_are_in_the_teachers_language(world, client_as):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    html = submit(teacher, GOOD.replace("answer: a\n", "answer: z\n")).get_data(as_text=True)
    assert 'الإجابة <bdi dir="ltr">z</bdi> ليست من بين الخيارات' in html
    assert "مشكلة واحدة" in html


def test_quoted_values_stay_left_to_right_in_an_arabic_problem(world, client_as):
    """The allowed types, quotes and commas and all, are one left-to-right piece inside
    the Arabic sentence instead of being scrambled by it."""
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    html = submit(teacher, GOOD.replace("type: single_choice", "type: single_choise", 1)
                  ).get_data(as_text=True)
    assert re.search(r"نوع سؤال غير معروف <bdi dir=\"ltr\">single_choise</bdi>؛ "
                     r"[^<]+<bdi dir=\"ltr\">&#39;single_choice&#39;, [^<]+"
                     r"&#39;flashcard&#39;</bdi>", html)
    assert '<code dir="ltr">questions[0].type</code>' in html


def test_a_good_bank_previews_in_both_languages_then_publishes(loaded_app, world, client_as):
    teacher = client_as("teacher")
    preview = submit(teacher, GOOD)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "No problems found. Publishing will:" in html
    assert "create the bank my-class-bank" in html and "add 5 questions" in html
    # Each question in Arabic and in English, with the interface of each language.
    assert "متى افتُتح المركز؟" in html and "When did the centre open?" in html
    assert "الإجابة الصحيحة" in html and "The right answer" in html
    assert "Minister of Culture and Information" in html
    with loaded_app.app_context():
        assert db.session.scalar(select(Bank).where(Bank.owner_id.is_not(None))) is None

    response = submit(teacher, GOOD, "publish", checked_hash(html))
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/banks/{stored(world.teacher)}")
    page = teacher.get(f"/banks/{stored(world.teacher)}").get_data(as_text=True)
    assert "Published. 5 added, 0 changed, 0 retired." in page
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == stored(world.teacher)))
        assert bank.owner_id == world.teacher.id
        revision = db.session.scalar(select(BankRevision).where(BankRevision.bank_id == bank.id))
        assert (revision.number, revision.author_id, revision.added) == (1, world.teacher.id, 5)
        assert revision.yaml_text == GOOD


def test_a_published_bank_is_seen_by_its_teacher_and_their_classes_only(world, client_as):
    publish(client_as("teacher"), GOOD)
    for name, status in [("teacher", 200), ("student", 200), ("uteacher", 404),
                         ("rstudent", 404), (None, 404)]:
        client = client_as(name)
        assert client.get(f"/banks/{stored(world.teacher)}").status_code == status, name
        home = client.get("/").get_data(as_text=True)
        assert (f"/banks/{stored(world.teacher)}" in home) == (status == 200), name


def test_publishing_refuses_text_that_changed_after_the_preview(loaded_app, world, client_as):
    teacher = client_as("teacher")
    html = submit(teacher, GOOD).get_data(as_text=True)
    edited = GOOD.replace("When did the centre open?", "When did it open?")
    response = submit(teacher, edited, "publish", checked_hash(html))
    assert response.status_code == 200
    assert "The text changed after the preview" in response.get_data(as_text=True)
    with loaded_app.app_context():
        assert db.session.scalar(select(Bank).where(Bank.owner_id.is_not(None))) is None


def test_republishing_an_edited_bank_keeps_history(loaded_app, world, client_as):
    teacher = client_as("teacher")
    publish(teacher, GOOD)
    with loaded_app.app_context():
        first_id = db.session.scalar(select(Question.id).where(
            Question.uid == stored(world.teacher, "t-opening-date")))
    # Edit one question's wording, drop the last question.
    edited = GOOD.replace("When did the centre open?", "On what day did the centre open?")
    edited = edited[:edited.index("  - id: t-instruments")]
    preview = submit(teacher, edited).get_data(as_text=True)
    assert "change 1 question" in preview and "retire 1 question" in preview
    response = submit(teacher, edited, "publish", checked_hash(preview))
    assert response.status_code == 303
    with loaded_app.app_context():
        row = db.session.scalar(select(Question).where(
            Question.uid == stored(world.teacher, "t-opening-date")))
        assert row.id == first_id and row.prompt_en == "On what day did the centre open?"
        gone = db.session.scalar(select(Question).where(
            Question.uid == stored(world.teacher, "t-instruments")))
        assert gone.retired_at is not None
    slug = stored(world.teacher)
    history = teacher.get(f"/banks/{slug}/history").get_data(as_text=True)
    assert "revision=2" in history and "revision=1" in history
    old = teacher.get(f"/banks/{slug}/yaml?revision=1")
    assert old.get_data(as_text=True) == GOOD
    # Named as the teacher wrote it, not as it is stored.
    assert 'filename="my-class-bank-r1.yaml"' in old.headers["Content-Disposition"]
    assert teacher.get(f"/banks/{slug}/yaml").get_data(as_text=True) == edited
    # Editing starts from the latest text.
    editor = teacher.get(f"/my-banks/new?bank={slug}").get_data(as_text=True)
    assert "On what day did the centre open?" in editor


def test_two_teachers_may_use_the_same_slug_and_ids_each_in_their_own_namespace(
        loaded_app, world, client_as):
    publish(client_as("teacher"), GOOD)
    other = client_as("uteacher")
    assert "create the bank my-class-bank" in submit(other, GOOD).get_data(as_text=True)
    assert publish(other, GOOD.replace("centre open?", "centre first open?")).status_code == 303
    # Each sees their own, and a student of the first teacher sees the first's only.
    for client, mine, theirs in [(client_as("teacher"), world.teacher, world.other_teacher),
                                 (other, world.other_teacher, world.teacher),
                                 (client_as("student"), world.teacher, world.other_teacher)]:
        assert client.get(f"/banks/{stored(mine)}").status_code == 200
        assert client.get(f"/banks/{stored(theirs)}").status_code == 404
    page = other.get(f"/banks/{stored(world.other_teacher)}").get_data(as_text=True)
    assert "When did the centre first open?" in page
    # A shipped bank's text published by a teacher is their own copy, not the shipped bank.
    shipped = (QUESTIONS / "banks" / "cultural-centre-beijing.yaml").read_text(encoding="utf-8")
    assert publish(other, shipped).status_code == 303
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        assert bank.owner_id is None


def test_a_file_can_be_uploaded_instead_of_pasted(world, client_as):
    teacher = client_as("teacher")
    response = submit(teacher, file=(io.BytesIO(b"\xef\xbb\xbf" + GOOD.encode()), "bank.yaml"))
    assert response.status_code == 200
    assert "No problems found" in response.get_data(as_text=True)
    latin1 = submit(teacher, file=(io.BytesIO("é: x".encode("latin-1")), "bank.yaml"))
    assert latin1.status_code == 422
    assert "cannot read the file as UTF-8 text" in latin1.get_data(as_text=True)
    empty = submit(teacher, "  \n")
    assert empty.status_code == 422
    assert "choose a file or paste the YAML" in empty.get_data(as_text=True)


def test_any_teacher_downloads_a_shipped_bank_as_yaml(world, client_as):
    path = QUESTIONS / "banks" / "cultural-centre-beijing.yaml"
    response = client_as("uteacher").get("/banks/cultural-centre-beijing/yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.get_data(as_text=True) == path.read_text(encoding="utf-8")
    assert client_as("student").get("/banks/cultural-centre-beijing/yaml").status_code == 404


def test_students_cannot_author(world, client_as):
    student = client_as("student")
    assert student.get("/my-banks").status_code == 404
    assert student.get("/my-banks/new").status_code == 404


def test_a_student_who_leaves_the_class_no_longer_reviews_its_teachers_bank(
        world, client_as):
    from ..people import post

    publish(client_as("teacher"), GOOD)
    student = client_as("student")
    post(student, f"/banks/{stored(world.teacher)}/study")
    review = student.get("/review").get_data(as_text=True)
    assert "When did the centre open?" in review or "متى افتُتح المركز؟" in review
    post(student, f"/classes/{world.school_class.id}/leave")
    assert student.get(f"/banks/{stored(world.teacher)}").status_code == 404
    review = student.get("/review").get_data(as_text=True)
    assert "When did the centre open?" not in review and "متى افتُتح المركز؟" not in review


def test_a_bank_over_the_size_limit_is_refused_with_a_message(loaded_app, world,
                                                               client_as):
    loaded_app.config["JOB_MAX_BANK_BYTES"] = 1024 * 1024  # beyond even a job's check
    teacher = client_as("teacher")
    big = GOOD + "# " + "x" * (2 * 1024 * 1024) + "\n"
    response = submit(teacher, big)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "nothing was published" in html and "the limit for a bank checked here is" in html


def test_a_clash_while_the_preview_runs_is_a_problem_not_a_500(world, client_as, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from quizapp.banks import uploads

    def clash(*args, **kwargs):
        raise IntegrityError("INSERT INTO banks ...", {}, Exception("unique"))

    monkeypatch.setattr(uploads, "load_checked", clash)
    response = submit(client_as("teacher"), GOOD)
    assert response.status_code == 422
    assert "the bank changed while it was being checked; check it again" in \
        response.get_data(as_text=True)
