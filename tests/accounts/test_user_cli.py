"""`flask user ...`: every refusal is one clear line on stderr and a non-zero exit."""

import pytest

from quizapp.accounts.services import find_user


def _create(runner, *args):
    return runner.invoke(args=["user", "create", *args])


def _assert_one_line_error(result, words: str) -> None:
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize(("password", "words"), [
    ("short", "at least 8 characters"),
    ("password123", "most common"),
])
def test_a_refused_password_is_one_line_and_a_failure(runner, password, words):
    result = _create(runner, "amira", "--password", password)
    _assert_one_line_error(result, words)


def test_a_taken_username_is_one_line_and_a_failure(app, runner):
    assert _create(runner, "amira", "--password", "a long enough secret").exit_code == 0
    result = _create(runner, "Amira", "--password", "another long secret")
    _assert_one_line_error(result, "username is taken")


def test_a_malformed_username_is_one_line_and_a_failure(app, runner):
    result = _create(runner, "a b", "--password", "a long enough secret")
    _assert_one_line_error(result, "3 to 40 letters")
    with app.app_context():
        assert find_user("a b") is None


def test_an_unknown_account_for_set_role_is_one_line_and_a_failure(runner):
    _assert_one_line_error(runner.invoke(args=["user", "set-role", "nobody", "teacher"]),
                           "No account")


def test_create_then_set_role_succeeds(app, runner):
    result = _create(runner, "teach", "--role", "student", "--password", "a long enough secret")
    assert result.exit_code == 0 and "Created student teach." in result.output
    result = runner.invoke(args=["user", "set-role", "teach", "teacher"])
    assert result.exit_code == 0
    with app.app_context():
        assert find_user("teach").is_teacher
