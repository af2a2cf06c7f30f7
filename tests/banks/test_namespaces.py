"""Teachers' slugs and question ids live in their own namespace: whatever a teacher
publishes, the shipped banks always load, and nobody's names meet anybody else's."""

import importlib.util
import shutil
from pathlib import Path

from sqlalchemy import select, text

from quizapp.banks.models import Bank, Question
from quizapp.extensions import db

from .conftest import GOOD, publish, stored, submit

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"
MIGRATION = HERE.parents[1] / "migrations" / "versions" / "0008_teacher_bank_namespace.py"


def test_a_shipped_bank_that_adds_a_teachers_slug_and_ids_still_loads(
        loaded_app, world, client_as, tmp_path):
    teacher = client_as("teacher")
    assert publish(teacher, GOOD).status_code == 303
    # A later release ships a bank with the very slug and ids the teacher chose.
    library = tmp_path / "questions"
    shutil.copytree(QUESTIONS, library)
    shipped = GOOD.replace("When did the centre open?", "When did the shipped centre open?")
    (library / "banks" / "my-class-bank.yaml").write_text(shipped, encoding="utf-8")
    loaded_app.config["QUESTIONS_DIR"] = str(library)

    result = loaded_app.test_cli_runner().invoke(args=["bank", "load"])
    assert result.exit_code == 0, result.output
    assert "my-class-bank (new bank): 5 added" in result.output
    with loaded_app.app_context():
        owners = dict(db.session.execute(select(Question.uid, Bank.owner_id).join(Bank).where(
            Question.uid.in_(["t-opening-date", stored(world.teacher, "t-opening-date")]))).all())
    assert owners == {"t-opening-date": None,
                      stored(world.teacher, "t-opening-date"): world.teacher.id}
    # Everyone sees the shipped bank; the teacher and their class see theirs too.
    for name, sees_teachers in [("teacher", True), ("student", True), ("uteacher", False),
                                ("rstudent", False), (None, False)]:
        client = client_as(name)
        shipped_page = client.get("/banks/my-class-bank")
        assert shipped_page.status_code == 200, name
        assert "When did the shipped centre open?" in shipped_page.get_data(as_text=True)
        own = client.get(f"/banks/{stored(world.teacher)}")
        assert own.status_code == (200 if sees_teachers else 404), name
    assert "When did the centre open?" in teacher.get(
        f"/banks/{stored(world.teacher)}").get_data(as_text=True)
    # Both go on: the teacher republishes theirs, the release loads again.
    edited = GOOD.replace("When did the centre open?", "On what day did the centre open?")
    assert publish(teacher, edited).status_code == 303
    again = loaded_app.test_cli_runner().invoke(args=["bank", "load"])
    assert again.exit_code == 0 and "Nothing changed" in again.output


def test_a_bank_whose_owner_is_gone_is_not_taken_over(loaded_app, world, client_as):
    teacher = client_as("teacher")
    publish(teacher, GOOD)
    with loaded_app.app_context():
        db.session.execute(text("UPDATE banks SET owner_id = NULL WHERE slug = :slug"),
                           {"slug": stored(world.teacher)})
        db.session.commit()
    response = submit(teacher, GOOD)
    assert response.status_code == 422
    assert 'the slug <bdi dir="ltr">my-class-bank</bdi> is already used by another bank' in \
        response.get_data(as_text=True)


def test_the_migration_moves_existing_teachers_banks_into_their_namespace(loaded_app, world):
    spec = importlib.util.spec_from_file_location("namespace_migration", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with loaded_app.app_context():
        shipped = db.session.scalar(select(Bank).where(Bank.owner_id.is_(None)))
        # A teacher's bank as stored before the namespaces: its names as written.
        bank = Bank(slug="old-bank", owner_id=world.teacher.id, title_ar="ق", title_en="O",
                    description_ar="ق", description_en="O", topic_tags=[], content_hash="x")
        db.session.add(bank)
        db.session.flush()
        question = db.session.scalars(select(Question).where(
            Question.bank_id == shipped.id)).first()
        db.session.execute(text(
            "INSERT INTO questions (uid, bank_id, document_id, position, type, prompt_ar,"
            " prompt_en, explanation_ar, explanation_en, details, quote, content_hash,"
            " created_at, updated_at) SELECT 'old-question', :bank, document_id, 0, type,"
            " prompt_ar, prompt_en, explanation_ar, explanation_en, details, quote,"
            " content_hash, created_at, updated_at FROM questions WHERE id = :id"),
            {"bank": bank.id, "id": question.id})
        shipped_slug, shipped_uid = shipped.slug, question.uid
        migration.prefix_teacher_names(db.session.connection())
        migration.prefix_teacher_names(db.session.connection())  # twice changes nothing more
        db.session.commit()
        assert db.session.scalar(select(Bank.slug).where(Bank.id == bank.id)) == \
            stored(world.teacher, "old-bank")
        assert db.session.scalar(select(Question.uid).where(Question.bank_id == bank.id)) == \
            stored(world.teacher, "old-question")
        assert db.session.get(Bank, shipped.id).slug == shipped_slug
        assert db.session.get(Question, question.id).uid == shipped_uid
