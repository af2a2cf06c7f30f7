"""A draft opened in the bank editor keeps what passes the editor's checks there, so the
review and the editor agree, up to what is published."""

import html
import re

from sqlalchemy import select

from quizapp.documents.models import Draft
from quizapp.extensions import db

from ..banks.conftest import checked_hash
from ..people import csrf_token
from .conftest import drafted as _drafted

NEW_EXPLANATION = "شرح عدّلته المعلمة في المحرّر."


def _editor(teacher, base) -> tuple[str, str]:
    """The draft's YAML and the draft key, as the editor opened from the draft holds them."""
    page = teacher.get(f"{base}/draft/yaml").get_data(as_text=True)
    text = html.unescape(re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", page, re.S).group(1))
    key = re.search(r'name="draft" type="hidden" value="([^"]*)"', page).group(1)
    return text, key


def _edited(text: str) -> str:
    """The first explanation rewritten, as a teacher would in the editor."""
    return re.sub(r"(explanation:\n\s+ar: ).*", lambda m: m.group(1) + NEW_EXPLANATION,
                  text, count=1)


def _post(teacher, text, key, action="check", checked=""):
    return teacher.post("/my-banks/new", data={
        "csrf_token": csrf_token(teacher, "/my-banks/new"), "text": text, "draft": key,
        "action": action, "checked": checked}, content_type="multipart/form-data")


def test_the_editor_opened_from_a_draft_knows_it(loaded_app, world, client_as):
    teacher, base, _ = _drafted(world, client_as)
    _, key = _editor(teacher, base)
    assert key == f"t{world.teacher.id}.doha-museum"


def test_a_checked_edit_in_the_editor_shows_in_the_drafts_review(loaded_app, world,
                                                                  client_as):
    teacher, base, ids = _drafted(world, client_as)
    text, key = _editor(teacher, base)
    edited = _edited(text)
    assert edited != text
    preview = _post(teacher, edited, key)
    assert preview.status_code == 200, preview.get_data(as_text=True)
    assert NEW_EXPLANATION in teacher.get(f"{base}/draft/questions/{ids[0]}").get_data(
        as_text=True)
    # ...and the editor opened again from the draft starts from it.
    assert NEW_EXPLANATION in _editor(teacher, base)[0]
    # An edit in the editor is an edit: drafting again asks first.
    assert f'href="{base}/draft/again"' in teacher.get(f"{base}/draft").get_data(as_text=True)


def test_a_text_with_problems_leaves_the_draft_as_it_was(loaded_app, world, client_as):
    teacher, base, _ = _drafted(world, client_as)
    text, key = _editor(teacher, base)
    broken = _edited(text).replace("source:", "sourze:", 1)
    assert _post(teacher, broken, key).status_code == 422
    assert NEW_EXPLANATION not in _editor(teacher, base)[0]


def test_publishing_from_the_editor_leaves_the_draft_as_published(loaded_app, world,
                                                                  client_as):
    teacher, base, _ = _drafted(world, client_as)
    text, key = _editor(teacher, base)
    edited = _edited(text)
    preview = _post(teacher, _edited(text), key).get_data(as_text=True)
    assert 'name="draft" type="hidden" value="' + key in preview  # carried on to publish
    response = _post(teacher, edited, key, "publish", checked_hash(preview))
    assert response.status_code == 303 and "/banks/" in response.headers["Location"]
    with loaded_app.app_context():
        from quizapp.banks.models import Question
        assert db.session.scalar(select(Question.id).where(
            Question.explanation_ar == NEW_EXPLANATION)) is not None
    assert NEW_EXPLANATION in _editor(teacher, base)[0]


def test_another_teachers_draft_is_never_written_from_the_editor(loaded_app, world,
                                                                 client_as):
    teacher, base, _ = _drafted(world, client_as)
    text, key = _editor(teacher, base)
    with loaded_app.app_context():
        before = db.session.scalar(select(Draft)).bank
    other = client_as("uteacher")
    # Their own library does not hold the document: the check fails, and even a text that
    # passed would not reach a draft that is not theirs.
    _post(other, _edited(text), key)
    with loaded_app.app_context():
        assert db.session.scalar(select(Draft)).bank == before
    # The receiver itself, told by the other teacher of a text that passed: not theirs.
    from flask_login import login_user

    from quizapp.accounts.models import User
    from quizapp.documents.drafts import take_editor_text

    with loaded_app.test_request_context("/"):
        login_user(db.session.get(User, world.other_teacher.id))
        take_editor_text(world.other_teacher.id, draft=key, text=_edited(text))
        assert db.session.scalar(select(Draft)).bank == before
