"""Migration 0012 gives every account a session secret and, on SQLite, rebuilds the tables
whose ids reach URLs and cookies so that an id is never given out again; nothing is lost."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp.extensions import db

NOW = "2026-01-01 00:00:00"


def _insert_user(username: str) -> int:
    db.session.execute(text(
        "INSERT INTO users (username, display_name, password_hash, role, locale, timezone, "
        "desired_retention, new_cards_per_day, session_version, created_at) "
        "VALUES (:name, :name, 'x', 'teacher', 'en', 'UTC', 0.9, 20, 1, :now)"),
        {"name": username, "now": NOW})
    return db.session.scalar(text("SELECT id FROM users WHERE username = :name"),
                             {"name": username})


def test_upgrade_keeps_every_row_and_never_reuses_an_id(app):
    with app.app_context():
        downgrade(revision="base")
        upgrade(revision="0011")
        first, second = _insert_user("first"), _insert_user("second")
        db.session.execute(text(
            "INSERT INTO classes (teacher_id, name, join_code, created_at) "
            "VALUES (:teacher, 'Class', 'CODE123456', :now)"), {"teacher": first, "now": NOW})
        db.session.commit()
        upgrade()
        tokens = db.session.execute(text("SELECT username, session_token FROM users")).all()
        assert len(tokens) == 2 and len({token for _, token in tokens}) == 2
        assert all(len(token) >= 22 for _, token in tokens)
        assert db.session.scalar(text("SELECT count(*) FROM classes")) == 1  # no cascade
        db.session.execute(text("DELETE FROM users WHERE id = :id"), {"id": second})
        db.session.commit()
        db.session.execute(text(
            "INSERT INTO users (username, display_name, password_hash, role, locale, "
            "timezone, desired_retention, new_cards_per_day, session_version, "
            "session_token, created_at) VALUES ('third', 'third', 'x', 'student', 'en', "
            "'UTC', 0.9, 20, 1, 'token', :now)"), {"now": NOW})
        third = db.session.scalar(text("SELECT id FROM users WHERE username = 'third'"))
        assert third > second
        db.session.remove()
