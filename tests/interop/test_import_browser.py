"""Importing in the browser: teachers only, CSRF-protected, problems listed and nothing
stored, a draft opened in the editor; and the same from the command line."""

import html
import re

import yaml

from quizapp.banks.models import Bank, Question
from quizapp.extensions import db

from ..banks.conftest import publish, snapshot, stored
from ..people import csrf_token
from .conftest import COMPLETE_GIFT, _post


def test_my_banks_offers_import_next_to_writing(world, client_as):
    page = client_as("teacher").get("/my-banks").get_data(as_text=True)
    assert 'href="/my-banks/import"' in page and "Write a new bank" in page


def test_students_find_no_import_page(loaded_app, world, client_as):
    student = client_as("student")
    assert student.get("/my-banks/import").status_code == 404
    before = snapshot(loaded_app)
    response = _post(student, COMPLETE_GIFT.encode(), "c.gift", token=csrf_token(student))
    assert response.status_code == 404 and snapshot(loaded_app) == before


def test_an_import_without_its_csrf_token_is_refused(loaded_app, world, client_as):
    before = snapshot(loaded_app)
    response = _post(client_as("teacher"), COMPLETE_GIFT.encode(), "c.gift", token="")
    assert response.status_code == 400 and snapshot(loaded_app) == before


def test_an_imported_file_opens_as_a_draft_in_the_editor(loaded_app, world, client_as):
    before = snapshot(loaded_app)
    response = _post(client_as("teacher"), COMPLETE_GIFT.encode(), "capitals.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 question imported as a draft" in page
    draft = re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "drawn_from_document: false" in draft and "أستانا" in draft
    assert snapshot(loaded_app) == before  # a draft is not a bank yet


def test_a_draft_with_gaps_lists_them_under_their_lines(world, client_as):
    response = _post(client_as("teacher"), b"::q::Only English {T}\n", "q.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "questions[0].prompt.ar" in page and "must not be empty" in page


def test_a_bad_file_lists_every_problem_and_stores_nothing(loaded_app, world, client_as):
    before = snapshot(loaded_app)
    client = client_as("teacher")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    response = _post(client, b"::a::{=x ~y\n\n::b::Essay {}\n", "bad.gift")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.count("<li>bad.gift") == 0 and page.count("bad.gift") >= 2
    assert 'lang="ar"' in page and "essay" in page
    assert snapshot(loaded_app) == before


def test_an_imported_draft_publishes_with_no_quote_shown(loaded_app, world, client_as):
    client = client_as("teacher")
    draft = _post(client, COMPLETE_GIFT.encode(), "capitals.gift").get_data(as_text=True)
    text = re.search(r'<textarea[^>]*name="text"[^>]*>\n?(.*?)</textarea>', draft, re.S).group(1)
    response = publish(client, html.unescape(text))
    assert response.status_code == 303, response.get_data(as_text=True)
    with loaded_app.app_context():
        question = db.session.query(Question).filter_by(
            uid=stored(world.teacher, "capital-kz")).one()
        assert question.document_id is None and question.quote == ""
        assert db.session.query(Bank).filter_by(slug=stored(world.teacher, "capitals")).one()
    page = client.get(f"/banks/{stored(world.teacher, 'capitals')}").get_data(as_text=True)
    assert "What is the capital of Kazakhstan?" in page
    assert "<blockquote" not in page and "See it in the source" not in page


def test_the_command_writes_the_draft(runner, tmp_path):
    source = tmp_path / "capitals.gift"
    source.write_text(COMPLETE_GIFT, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = runner.invoke(args=["bank", "import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert draft["questions"][0]["answers"] == {"ar": ["أستانا"], "en": ["Astana"]}


def test_the_command_lists_problems_and_fails(runner, tmp_path):
    source = tmp_path / "cards.csv"
    source.write_text("Astana,capital\nlonely\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = runner.invoke(args=["bank", "import", str(source), "--format", "csv",
                                 "--out", str(out)])
    assert result.exit_code == 1
    assert "cards.csv:2:1: a row needs a term and a definition" in result.output
    assert not out.exists()


def test_the_import_page_and_its_problems_are_all_arabic_on_arabic_pages(world, client_as):
    from ..pages import english_fragments, visible_text

    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    fragments = english_fragments()
    form = teacher.get("/my-banks/import").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in form
    problems = _post(teacher, b"::a::{=x ~y\n", "bad.gift")
    assert problems.status_code == 422
    for name, page in [("form", form), ("problems", problems.get_data(as_text=True))]:
        text = visible_text(page)
        # Format names (Moodle XML, GIFT, Anki, Quizlet) are names, not interface text.
        leaked = [f for f in fragments if f in text and f not in ("Moodle XML",)]
        assert leaked == [], (name, leaked)
    assert "الإجابات غير مغلقة بالقوس }" in problems.get_data(as_text=True)
