"""Drafting questions from a teacher's document and reviewing them in forms, without
YAML: edit, delete, a quote that must be in the document word for word, then the bank
editor."""

from ..people import csrf_token
from .conftest import drafted as _drafted
from .conftest import form_values as _form_values


def test_a_draft_lists_questions_each_editable_in_a_form(loaded_app, world, client_as):
    teacher, base, ids = _drafted(world, client_as)
    form = teacher.get(f"{base}/draft/questions/{ids[0]}").get_data(as_text=True)
    assert 'name="f.explanation.ar"' in form
    assert 'name="f.explanation.en"' not in form  # an Arabic document, drafted in Arabic
    assert 'id="quote"' in form and "data-quote-picker" in form


def test_an_edit_is_saved_and_shows_in_the_draft(loaded_app, world, client_as):
    teacher, base, ids = _drafted(world, client_as)
    path = f"{base}/draft/questions/{ids[0]}"
    data = _form_values(teacher.get(path).get_data(as_text=True))
    data["f.explanation.ar"] = "شرح جديد كتبته المعلمة."
    data["quote"] = "وتبلغ مساحة المتحف 4500 متر مربع"
    data["csrf_token"] = csrf_token(teacher, path)
    response = teacher.post(path, data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    assert "شرح جديد كتبته المعلمة." in teacher.get(path).get_data(as_text=True)


def test_a_quote_not_in_the_document_is_refused_and_not_saved(loaded_app, world, client_as):
    teacher, base, ids = _drafted(world, client_as)
    path = f"{base}/draft/questions/{ids[0]}"
    data = _form_values(teacher.get(path).get_data(as_text=True))
    response = teacher.post(path, data={**data, "csrf_token": csrf_token(teacher, path),
                                        "quote": "جملة ليست في المقال"})
    assert response.status_code == 422
    assert "does not occur verbatim" in response.get_data(as_text=True)
    assert "جملة ليست في المقال" not in teacher.get(path).get_data(as_text=True)


def test_deleting_a_question_takes_it_out_of_the_draft(loaded_app, world, client_as):
    teacher, base, ids = _drafted(world, client_as)
    if len(ids) < 2:
        return
    response = teacher.post(f"{base}/draft/questions/{ids[0]}/delete",
                            data={"csrf_token": csrf_token(teacher, "/")})
    assert response.status_code == 303
    page = teacher.get(f"{base}/draft").get_data(as_text=True)
    assert f'id="{ids[0]}"' not in page and f'id="{ids[1]}"' in page


def test_the_draft_opens_in_the_bank_editor_and_passes_its_checks(loaded_app, world,
                                                                   client_as):
    teacher, base, _ = _drafted(world, client_as)
    page = teacher.get(f"{base}/draft/yaml").get_data(as_text=True)
    assert "doha-museum-questions" in page
    assert "problems: nothing was published" not in page


def test_nobody_else_sees_the_draft(loaded_app, world, client_as):
    _, base, ids = _drafted(world, client_as)
    for who in ("uteacher", "student", "rstudent"):
        client = client_as(who)
        for path in (f"{base}/draft", f"{base}/draft/yaml", f"{base}/draft/questions/{ids[0]}"):
            assert client.get(path).status_code == 404, (who, path)


def test_a_bilingual_draft_is_kept_in_the_documents_language_only():
    from quizapp.documents.drafts import in_one_language

    bank = {"slug": "s", "languages": ["ar", "en"], "title": {"ar": "ع", "en": "T"},
            "sources": ["d"], "questions": [
                {"id": "q", "prompt": {"ar": "س", "en": "Q"},
                 "choices": {"a": {"ar": "أ", "en": "A"}},
                 "source": {"document": "d", "quote": "ق", "quote_en": "q"}}]}
    kept = in_one_language(bank, "ar")
    assert kept["languages"] == ["ar"]
    assert kept["title"] == {"ar": "ع"}
    assert kept["questions"][0] == {"id": "q", "prompt": {"ar": "س"},
                                    "choices": {"a": {"ar": "أ"}},
                                    "source": {"document": "d", "quote": "ق"}}
