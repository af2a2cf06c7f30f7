"""Classes: join codes, leaving, assignments, and the teacher's one-time reset link."""

import hashlib
import re
from datetime import timedelta

from sqlalchemy import select

from quizapp.accounts.models import PasswordResetLink, User
from quizapp.banks.models import Bank
from quizapp.classes.services import CODE_ALPHABET, CODE_LENGTH, new_join_code
from quizapp.database import utcnow
from quizapp.extensions import db

from .conftest import PASSWORD, login, post


def test_join_codes_are_long_random_and_unambiguous():
    codes = {new_join_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_student_joins_with_code_typed_loosely(world, client_as):
    client = client_as("rstudent")
    loose = " " + "-".join(world.other_class.join_code.lower()) + " "
    response = post(client, "/classes/join", {"code": loose}, token_from="/classes/")
    assert response.status_code == 303
    assert "Class D" in client.get("/classes/").get_data(as_text=True)


def test_wrong_code_is_a_400_with_a_message(world, client_as):
    response = post(client_as("rstudent"), "/classes/join", {"code": "NOTACODE22"},
                    token_from="/classes/")
    assert response.status_code == 400
    assert "No class has this code" in response.get_data(as_text=True)


def test_teacher_cannot_join_a_class(world, client_as):
    response = post(client_as("uteacher"), "/classes/join",
                    {"code": world.school_class.join_code}, token_from="/classes/")
    assert response.status_code == 400


def test_new_code_replaces_the_old_one(world, client_as):
    teacher = client_as("teacher")
    response = post(teacher, f"/classes/{world.school_class.id}/code")
    assert response.status_code == 303
    html = teacher.get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    new_code = re.search(r'<p class="join-code"[^>]*>(\w+)</p>', html).group(1)
    assert new_code != world.school_class.join_code
    student = client_as("rstudent")
    old = post(student, "/classes/join", {"code": world.school_class.join_code},
               token_from="/classes/")
    assert old.status_code == 400
    assert post(student, "/classes/join", {"code": new_code},
                token_from="/classes/").status_code == 303


def test_student_leaves_a_class(world, client_as):
    client = client_as("student")
    assert post(client, f"/classes/{world.school_class.id}/leave").status_code == 303
    assert client.get(f"/classes/{world.school_class.id}").status_code == 404


def test_teacher_sees_roster_and_students_see_assignments(world, client_as, loaded_app):
    teacher = client_as("teacher")
    with loaded_app.app_context():
        bank_id = db.session.scalar(select(Bank.id).where(Bank.slug == "cultural-centre-beijing"))
    response = post(teacher, f"/classes/{world.school_class.id}/assignments",
                    {"bank": str(bank_id), "due_on": "2026-12-20"})
    assert response.status_code == 303
    roster = teacher.get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    assert "Student" in roster and "<bdi>student</bdi>" in roster
    mine = client_as("student").get("/classes/").get_data(as_text=True)
    assert "Kazakhstan&#39;s National Cultural Centre in Beijing" in mine
    assert "December 20, 2026" in mine
    outsider = client_as("rstudent").get("/classes/").get_data(as_text=True)
    assert "Kazakhstan&#39;s National Cultural Centre in Beijing" not in outsider


def test_assigning_a_bank_that_does_not_exist_changes_nothing(world, client_as, loaded_app):
    teacher = client_as("teacher")
    response = post(teacher, f"/classes/{world.school_class.id}/assignments", {"bank": "99999"})
    assert response.status_code == 303
    assert "Not a valid choice" in teacher.get(response.headers["Location"]).get_data(
        as_text=True)
    with loaded_app.app_context():
        assert db.session.scalar(db.text("SELECT count(*) FROM assignments")) == 0


def _reset_link(client, world) -> str:
    response = post(client, f"/classes/{world.school_class.id}/students/{world.student.id}"
                            "/reset-link")
    assert response.status_code == 200
    return re.search(r"<code>http://localhost(/reset/[^<]+)</code>",
                     response.get_data(as_text=True)).group(1)


def test_reset_link_works_once_and_ends_sessions(world, client_as, loaded_app):
    path = _reset_link(client_as("teacher"), world)
    student_session = client_as("student")
    anonymous = loaded_app.test_client()
    new = "my new long passphrase"
    response = post(anonymous, path, {"password": new, "confirm": new}, token_from=path)
    assert response.status_code == 303
    assert student_session.get("/account").status_code == 302
    assert login(loaded_app.test_client(), "student", new).status_code == 303
    again = anonymous.get(path)
    assert again.status_code == 404
    assert "انتهت صلاحية هذا الرابط" in again.get_data(as_text=True)  # default: Arabic


def test_reset_link_expires(world, client_as, loaded_app):
    path = _reset_link(client_as("teacher"), world)
    with loaded_app.app_context():
        link = db.session.scalar(select(PasswordResetLink))
        link.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert loaded_app.test_client().get(path).status_code == 404
    assert login(loaded_app.test_client(), "student", PASSWORD).status_code == 303


def test_reset_link_token_is_stored_only_as_a_hash(world, client_as, loaded_app):
    path = _reset_link(client_as("teacher"), world)
    token = path.removeprefix("/reset/")
    with loaded_app.app_context():
        stored = db.session.scalar(select(PasswordResetLink.token_hash))
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored


def test_reset_link_refuses_a_weak_password(world, client_as, loaded_app):
    path = _reset_link(client_as("teacher"), world)
    client = loaded_app.test_client()
    response = post(client, path, {"password": "12345678", "confirm": "12345678"},
                    token_from=path)
    assert response.status_code == 400
    assert client.get(path).status_code == 200  # still usable


def test_cli_creates_a_teacher_and_sets_roles(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["user", "create", "--role", "teacher", "Mona",
                                 "--password", "a teacher's passphrase"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["user", "set-role", "mona", "student"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(User.role).where(User.username == "mona")) == "student"
    weak = runner.invoke(args=["user", "create", "weak", "--password", "password"])
    assert weak.exit_code != 0
    missing = runner.invoke(args=["user", "set-role", "nobody", "teacher"])
    assert missing.exit_code != 0 and "No account" in missing.output
