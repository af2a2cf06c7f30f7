"""Migration 0006 marks the banks that had no owner as shipped, and only those."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp.accounts.services import NewAccount, register
from quizapp.extensions import db

NOW = "2026-01-01 00:00:00"


def _insert_bank(slug: str, owner_id) -> None:
    db.session.execute(text(
        "INSERT INTO banks (slug, title_ar, title_en, description_ar, description_en, "
        "topic_tags, owner_id, content_hash, created_at, updated_at) "
        "VALUES (:slug, 't', 't', 'd', 'd', '[]', :owner, 'h', :now, :now)"),
        {"slug": slug, "owner": owner_id, "now": NOW})


def test_upgrade_marks_ownerless_banks_shipped_and_teachers_banks_not(app):
    with app.app_context():
        teacher = register(NewAccount(username="teacher", display_name="T",
                                      password="correct horse battery staple",
                                      role="teacher"))
        teacher_id = teacher.id
        db.session.remove()
        downgrade(revision="0005")
        _insert_bank("from-questions", None)
        _insert_bank("a-teachers", teacher_id)
        db.session.commit()
        upgrade(revision="0006")
        rows = dict(db.session.execute(text("SELECT slug, shipped FROM banks")).all())
        assert {slug: bool(shipped) for slug, shipped in rows.items()} == {
            "from-questions": True, "a-teachers": False}
        db.session.remove()
