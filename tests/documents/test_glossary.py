"""A teacher's glossary names: theirs only, used by their banks' checks and drafts, and
never touched by loading the shipped glossary."""

from sqlalchemy import select

from quizapp.banks.models import GlossaryEntry
from quizapp.banks.services import check_upload
from quizapp.extensions import db

from ..people import csrf_token
from .conftest import ARTICLE, add_document


def _add_name(client, **fields):
    data = {"csrf_token": csrf_token(client, "/my-glossary/new"), "kind": "place",
            "ar": "الدوحة", "en": "Doha", "variants_ar": "", "variants_en": "Dauha", **fields}
    return client.post("/my-glossary/new", data=data)


def _slug(world) -> str:
    return f"t{world.teacher.id}.doha"


def test_a_name_is_the_teachers_only(loaded_app, world, client_as):
    teacher = client_as("teacher")
    assert _add_name(teacher).status_code == 303
    assert "Dauha" in teacher.get("/my-glossary").get_data(as_text=True)
    other = client_as("uteacher")
    assert "Dauha" not in other.get("/my-glossary").get_data(as_text=True)
    for who in ("uteacher", "student", "rstudent"):
        client = client_as(who)
        assert client.get(f"/my-glossary/{_slug(world)}/edit").status_code == 404, who
        response = client.post(f"/my-glossary/{_slug(world)}/delete",
                               data={"csrf_token": csrf_token(client, "/")})
        assert response.status_code == 404, who
    with loaded_app.app_context():
        assert db.session.get(GlossaryEntry, _slug(world)) is not None


def test_a_variant_inside_the_chosen_spelling_is_refused(world, client_as):
    response = _add_name(client_as("teacher"), variants_en="Doha")
    assert response.status_code == 422
    assert "a variant must not occur in the chosen spelling" in response.get_data(as_text=True)


def _bank(explanation_en: str) -> str:
    return f"""slug: doha-bank
title: {{ar: الدوحة, en: Doha}}
description: {{ar: بنك, en: A bank}}
sources: [doha-museum]
questions:
  - id: doha-city
    type: true_false
    prompt: {{ar: افتُتح المتحف في الدوحة., en: The museum opened in Doha.}}
    answer: true
    explanation: {{ar: نعم., en: "{explanation_en}"}}
    source: {{document: doha-museum, quote: "{ARTICLE.splitlines()[0]}", quote_en: x}}
    tags: [place]
"""


def test_the_teachers_names_check_their_banks_only(loaded_app, world, client_as):
    teacher = client_as("teacher")
    assert _add_name(teacher).status_code == 303
    assert add_document(teacher).status_code == 303
    with loaded_app.app_context():
        upload = check_upload(_bank("Yes, in Dauha."), "bank.yaml",
                              owner_id=world.teacher.id, max_bytes=1 << 20)
        assert any("Dauha" in str(problem.params) for problem in upload.problems), upload.problems
        upload = check_upload(_bank("Yes, in Doha."), "bank.yaml",
                              owner_id=world.teacher.id, max_bytes=1 << 20)
        assert upload.ok, upload.problems


def test_loading_the_shipped_glossary_keeps_the_teachers_names(loaded_app, world, client_as,
                                                              runner):
    assert _add_name(client_as("teacher")).status_code == 303
    result = loaded_app.test_cli_runner().invoke(args=["bank", "load"])
    assert result.exit_code == 0, result.output
    with loaded_app.app_context():
        assert db.session.scalar(select(GlossaryEntry.slug).where(
            GlossaryEntry.owner_id == world.teacher.id)) == _slug(world)


def test_editing_and_deleting_a_name(loaded_app, world, client_as):
    teacher = client_as("teacher")
    assert _add_name(teacher).status_code == 303
    path = f"/my-glossary/{_slug(world)}/edit"
    response = teacher.post(path, data={"csrf_token": csrf_token(teacher, path),
                                        "kind": "place", "ar": "الدوحة", "en": "Doha",
                                        "variants_en": "Dawha"})
    assert response.status_code == 303
    assert "Dawha" in teacher.get("/my-glossary").get_data(as_text=True)
    response = teacher.post(f"/my-glossary/{_slug(world)}/delete",
                            data={"csrf_token": csrf_token(teacher, "/")})
    assert response.status_code == 303
    assert "Dawha" not in teacher.get("/my-glossary").get_data(as_text=True)
