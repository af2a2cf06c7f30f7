"""Teachers write banks in the browser: every problem by its line, a preview in both
languages, publish through the loader, history kept, visible to their classes only."""

import io
import re
from pathlib import Path

from sqlalchemy import select

from quizapp.banks.models import Bank, BankRevision, Question
from quizapp.extensions import db

from .conftest import GOOD, snapshot, submit

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"


def checked_hash(html: str) -> str:
    return re.search(r'name="checked" type="hidden" value="([0-9a-f]{64})"', html).group(1)


def publish(client, text):
    preview = submit(client, text)
    assert preview.status_code == 200, preview.get_data(as_text=True)
    return submit(client, text, "publish", checked_hash(preview.get_data(as_text=True)))


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
    assert "answer z is not among the choices" in html
    assert f'href="#L{tag_line}">Line {tag_line}' in html
    # ...and in the listing, the message sits under that very line.
    item = re.search(rf'<li id="L{answer_line}" class="has-problem">(.*?)</li>', html, re.S)
    assert "answer: z" in item.group(1) and "answer z is not among the choices" in item.group(1)
    # The text stays in the editor to be fixed.
    assert "answer: z" in re.search(r"<textarea.*?</textarea>", html, re.S).group(0)
    assert snapshot(loaded_app) == before


def test_problems_are_in_the_teachers_language(world, client_as):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    html = submit(teacher, GOOD.replace("answer: a\n", "answer: z\n")).get_data(as_text=True)
    assert "الإجابة z ليست من بين الخيارات" in html
    assert "مشكلة واحدة" in html


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
        assert db.session.scalar(select(Bank).where(Bank.slug == "my-class-bank")) is None

    response = submit(teacher, GOOD, "publish", checked_hash(html))
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/banks/my-class-bank")
    page = teacher.get("/banks/my-class-bank").get_data(as_text=True)
    assert "Published. 5 added, 0 changed, 0 retired." in page
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "my-class-bank"))
        assert bank.owner_id == world.teacher.id
        revision = db.session.scalar(select(BankRevision).where(BankRevision.bank_id == bank.id))
        assert (revision.number, revision.author_id, revision.added) == (1, world.teacher.id, 5)
        assert revision.yaml_text == GOOD


def test_a_published_bank_is_seen_by_its_teacher_and_their_classes_only(world, client_as):
    publish(client_as("teacher"), GOOD)
    for name, status in [("teacher", 200), ("student", 200), ("uteacher", 404),
                         ("rstudent", 404), (None, 404)]:
        client = client_as(name)
        assert client.get("/banks/my-class-bank").status_code == status, name
        home = client.get("/").get_data(as_text=True)
        assert ("/banks/my-class-bank" in home) == (status == 200), name


def test_publishing_refuses_text_that_changed_after_the_preview(loaded_app, world, client_as):
    teacher = client_as("teacher")
    html = submit(teacher, GOOD).get_data(as_text=True)
    edited = GOOD.replace("When did the centre open?", "When did it open?")
    response = submit(teacher, edited, "publish", checked_hash(html))
    assert response.status_code == 200
    assert "The text changed after the preview" in response.get_data(as_text=True)
    with loaded_app.app_context():
        assert db.session.scalar(select(Bank).where(Bank.slug == "my-class-bank")) is None


def test_republishing_an_edited_bank_keeps_history(loaded_app, world, client_as):
    teacher = client_as("teacher")
    publish(teacher, GOOD)
    with loaded_app.app_context():
        first_id = db.session.scalar(select(Question.id).where(Question.uid == "t-opening-date"))
    # Edit one question's wording, drop the last question.
    edited = GOOD.replace("When did the centre open?", "On what day did the centre open?")
    edited = edited[:edited.index("  - id: t-instruments")]
    preview = submit(teacher, edited).get_data(as_text=True)
    assert "change 1 question" in preview and "retire 1 question" in preview
    response = submit(teacher, edited, "publish", checked_hash(preview))
    assert response.status_code == 303
    with loaded_app.app_context():
        row = db.session.scalar(select(Question).where(Question.uid == "t-opening-date"))
        assert row.id == first_id and row.prompt_en == "On what day did the centre open?"
        gone = db.session.scalar(select(Question).where(Question.uid == "t-instruments"))
        assert gone.retired_at is not None
    history = teacher.get("/banks/my-class-bank/history").get_data(as_text=True)
    assert "revision=2" in history and "revision=1" in history
    old = teacher.get("/banks/my-class-bank/yaml?revision=1")
    assert old.get_data(as_text=True) == GOOD
    assert 'filename="my-class-bank-r1.yaml"' in old.headers["Content-Disposition"]
    assert teacher.get("/banks/my-class-bank/yaml").get_data(as_text=True) == edited
    # Editing starts from the latest text.
    editor = teacher.get("/my-banks/new?bank=my-class-bank").get_data(as_text=True)
    assert "On what day did the centre open?" in editor


def test_a_teacher_cannot_take_over_another_bank_or_its_ids(loaded_app, world, client_as):
    publish(client_as("teacher"), GOOD)
    other = client_as("uteacher")
    before = snapshot(loaded_app)
    response = submit(other, GOOD)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "the slug my-class-bank is already used by another bank" in html
    # A new slug, but question ids that belong to someone else's bank.
    response = submit(other, GOOD.replace("slug: my-class-bank", "slug: another-bank"))
    html = response.get_data(as_text=True)
    assert "the id t-opening-date is already used by another bank" in html
    # The shipped banks are nobody's to overwrite either.
    shipped = (QUESTIONS / "banks" / "cultural-centre-beijing.yaml").read_text(encoding="utf-8")
    assert "the slug cultural-centre-beijing is already used by another bank" in \
        submit(other, shipped).get_data(as_text=True)
    assert snapshot(loaded_app) == before


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


def test_the_command_line_does_not_overwrite_a_teachers_bank(loaded_app, world, client_as,
                                                              tmp_path):
    publish(client_as("teacher"), GOOD)
    path = tmp_path / "clash.yaml"
    path.write_text(GOOD.replace("t-", "cli-"), encoding="utf-8")
    before = snapshot(loaded_app)
    result = loaded_app.test_cli_runner().invoke(args=["bank", "load", str(path)])
    assert result.exit_code == 1
    assert "slug: the slug my-class-bank is already used by another bank" in result.output
    assert snapshot(loaded_app) == before


def test_a_student_who_leaves_the_class_no_longer_reviews_its_teachers_bank(
        world, client_as):
    from ..people import post

    publish(client_as("teacher"), GOOD)
    student = client_as("student")
    post(student, "/banks/my-class-bank/study")
    review = student.get("/review").get_data(as_text=True)
    assert "When did the centre open?" in review or "متى افتُتح المركز؟" in review
    post(student, f"/classes/{world.school_class.id}/leave")
    assert student.get("/banks/my-class-bank").status_code == 404
    review = student.get("/review").get_data(as_text=True)
    assert "When did the centre open?" not in review and "متى افتُتح المركز؟" not in review


def test_a_slug_taken_between_preview_and_publish_is_named_not_overwritten(
        loaded_app, world, client_as):
    teacher, other = client_as("teacher"), client_as("uteacher")
    preview = submit(teacher, GOOD).get_data(as_text=True)
    publish(other, GOOD)  # the other teacher publishes the same bank first
    response = submit(teacher, GOOD, "publish", checked_hash(preview))
    assert response.status_code == 422  # checked again on publishing, before any write
    assert "the slug my-class-bank is already used by another bank" in \
        response.get_data(as_text=True)
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == "my-class-bank"))
        assert bank.owner_id == world.other_teacher.id


def test_a_bank_over_the_size_limit_is_refused_with_a_message(world, client_as):
    teacher = client_as("teacher")
    big = GOOD + "# " + "x" * (2 * 1024 * 1024) + "\n"
    response = submit(teacher, big)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "nothing was published" in html and "the limit is 2097152" in html
