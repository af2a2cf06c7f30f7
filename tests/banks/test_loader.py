"""`flask bank load`: all or nothing, idempotent, and no student history ever lost."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.banks.models import Bank, Question, QuestionTag
from quizapp.extensions import db

from .conftest import snapshot

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"


@pytest.fixture
def library_copy(tmp_path):
    """A questions/ folder the test may edit."""
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    return folder


def load(runner, *paths):
    return runner.invoke(args=["bank", "load", *map(str, paths)])


def test_load_reports_what_it_added(app, runner):
    result = load(runner)
    assert result.exit_code == 0, result.output
    assert "cultural-centre-beijing (new bank): 105 added, 0 updated, 0 retired, 0 unchanged" \
        in result.output
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Question)) >= 150


def test_second_load_changes_nothing_and_says_so(app, runner):
    load(runner)
    before = snapshot(app)
    result = load(runner)
    assert result.exit_code == 0
    assert "Nothing changed" in result.output
    assert " 0 added, 0 updated, 0 retired" in result.output
    assert snapshot(app) == before


def _bank_path(folder: Path) -> Path:
    return folder / "banks" / "cultural-centre-beijing.yaml"


def _first_question(app):
    with app.app_context():
        return db.session.scalars(
            select(Question).join(Bank).where(Bank.slug == "cultural-centre-beijing")
            .order_by(Question.position)
        ).first()


def test_edited_question_is_updated_in_place(app, library_copy):
    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    assert load(runner).exit_code == 0
    original = _first_question(app)
    path = _bank_path(library_copy)
    source = path.read_text(encoding="utf-8")
    edited = source.replace(original.prompt_en, original.prompt_en.rstrip("?") + " exactly?", 1)
    assert edited != source
    path.write_text(edited, encoding="utf-8")

    result = load(runner)
    assert "cultural-centre-beijing: 0 added, 1 updated, 0 retired, 104 unchanged" \
        in result.output
    updated = _first_question(app)
    assert (updated.id, updated.uid, updated.created_at) == \
        (original.id, original.uid, original.created_at)
    assert updated.prompt_en.endswith(" exactly?")


def test_removed_question_is_retired_not_deleted(app, library_copy):
    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    load(runner)
    first = _first_question(app)
    path = _bank_path(library_copy)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # Drop the first question: from its "- id:" line to the next one.
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id:")]
    path.write_text("".join(lines[:starts[0]] + lines[starts[1]:]), encoding="utf-8")

    result = load(runner)
    assert "cultural-centre-beijing: 0 added, 0 updated, 1 retired" in result.output
    with app.app_context():
        row = db.session.get(Question, first.id)
        assert row is not None and row.retired_at is not None
        assert db.session.scalar(
            select(db.func.count()).select_from(QuestionTag).where(
                QuestionTag.question_id == first.id)) > 0
    client = app.test_client()
    page = client.get("/banks/cultural-centre-beijing", headers={"Accept-Language": "en"})
    assert first.prompt_en not in page.get_data(as_text=True)

    # Putting it back brings back the same row.
    path.write_text("".join(lines), encoding="utf-8")
    result = load(runner)
    assert "1 updated, 0 retired" in result.output
    with app.app_context():
        assert db.session.get(Question, first.id).retired_at is None


def test_failed_load_leaves_database_exactly_as_it_was(app, library_copy):
    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    load(runner)
    before = snapshot(app)
    # One good edit and one broken file: nothing at all may be written.
    path = _bank_path(library_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: kcc-", "  - id: new-kcc-",
                                                             1), encoding="utf-8")
    shutil.copy(HERE / "broken" / "quote-not-verbatim.yaml", library_copy / "banks")
    result = load(runner)
    assert result.exit_code == 1
    assert "the quote does not occur verbatim" in result.output
    assert "Nothing was loaded." in result.output
    assert snapshot(app) == before


def test_bank_whose_file_is_gone_is_retired_with_its_questions(app, library_copy):
    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    load(runner)
    (library_copy / "banks" / "belt-and-road-central-asia.yaml").unlink()
    result = load(runner)
    assert "belt-and-road-central-asia (details updated): 0 added, 0 updated, 69 retired" \
        in result.output
    page = app.test_client().get("/", headers={"Accept-Language": "en"})
    assert "The Belt and Road in Central Asia" not in page.get_data(as_text=True)


def test_loading_one_file_leaves_other_banks_alone(app, library_copy):
    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    load(runner)
    result = load(runner, _bank_path(library_copy))
    assert result.output.count("\n") == 2  # its summary and "Nothing changed"
    with app.app_context():
        assert db.session.scalar(
            select(db.func.count()).select_from(Bank).where(Bank.retired_at.is_not(None))) == 0


def test_validate_command_passes_on_shipped_banks(runner):
    result = runner.invoke(args=["bank", "validate"])
    assert result.exit_code == 0
    assert result.output.startswith("OK: 3 banks, ")


def test_validate_command_lists_problems_and_fails(runner):
    broken = HERE / "broken" / "combination-of-errors.yaml"
    result = runner.invoke(args=["bank", "validate", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:13:13: questions[0].answer: answer z is not among the choices" \
        in result.output
    assert "6 problems found." in result.output


def test_a_dry_run_reports_what_the_load_then_does_and_writes_nothing(app, library_copy):
    from quizapp.banks.services import load_paths

    runner = app.test_cli_runner()
    app.config["QUESTIONS_DIR"] = str(library_copy)
    load(runner)
    path = _bank_path(library_copy)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id:")]
    edited = "".join(lines[:starts[0]] + lines[starts[1]:]).replace(
        "  - id: kcc-", "  - id: new-kcc-", 1)
    path.write_text(edited.replace("?\n", " exactly?\n", 1), encoding="utf-8")
    (library_copy / "banks" / "belt-and-road-central-asia.yaml").unlink()
    before = snapshot(app)

    def summaries(dry_run):
        with app.app_context():
            result = load_paths([library_copy], library_copy, max_bytes=1 << 24,
                                dry_run=dry_run)
            return [(s.slug, s.created, s.details_updated, s.added, s.updated, s.retired,
                     s.unchanged, s.revision) for s in result.banks]

    planned = summaries(dry_run=True)
    assert snapshot(app) == before
    assert any(added and retired for _, _, _, added, _, retired, _, _ in planned)
    assert planned == summaries(dry_run=False)
    assert snapshot(app) != before


def test_load_dry_run_command_changes_nothing(app, runner):
    before = snapshot(app)
    result = runner.invoke(args=["bank", "load", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "cultural-centre-beijing (new bank): 105 added" in result.output
    assert "Dry run: nothing was written." in result.output
    assert snapshot(app) == before


def _question(uid: str) -> Question:
    return db.session.scalar(select(Question).where(Question.uid == uid))


def test_load_stores_what_grading_needs_from_the_glossary_and_the_quote(loaded_app):
    """The glossary's other spellings and the source's "more than" travel with the
    question, so a typed answer is graded without reading any file."""
    from quizapp.questions.answers import check_answer

    with loaded_app.app_context():
        tajik = _question("cas-tajik-president-short")
        assert "Emomali Rakhmon" in tajik.details["variants"]
        assert check_answer(tajik.type, tajik.details, "Emomali Rakhmon").correct
        luban = _question("bri-luban-students-numeric")
        assert luban.details["qualifier"] == "more_than"
        number = luban.details["answer"]
        assert check_answer(luban.type, luban.details, f"more than {number}").correct
        assert not check_answer(luban.type, luban.details, f"less than {number}").correct
