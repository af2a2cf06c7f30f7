"""Export from a bank's page (who may take which format, and whose banks) and from
`flask bank export`."""

import pytest
from sqlalchemy import event

from quizapp.extensions import db

from ..banks.conftest import GOOD, publish, stored
from ..people import post

SLUG = "cultural-centre-beijing"


def _download(client, slug, format_name, lang="en"):
    return client.get(f"/banks/{slug}/export/{format_name}?lang={lang}")


@pytest.mark.parametrize(("format_name", "mimetype", "filename"), [
    ("apkg", "application/apkg", f"{SLUG}.apkg"),
    ("csv", "text/tab-separated-values", f"{SLUG}.anki.txt"),
    ("quizlet", "text/tab-separated-values", f"{SLUG}.quizlet.txt"),
])
def test_anyone_who_sees_a_bank_downloads_anki_and_text_files(
        loaded_client, format_name, mimetype, filename):
    response = _download(loaded_client, SLUG, format_name)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.data


@pytest.mark.parametrize("format_name", ["moodle-xml", "gift"])
def test_moodle_formats_are_for_teachers(world, client_as, format_name):
    assert _download(client_as("student"), SLUG, format_name).status_code == 404
    response = _download(client_as("teacher"), SLUG, format_name)
    assert response.status_code == 200
    assert SLUG in response.headers["Content-Disposition"]


def test_an_unknown_format_is_not_found(loaded_client):
    assert _download(loaded_client, SLUG, "docx").status_code == 404
    assert _download(loaded_client, "no-such-bank", "apkg").status_code == 404


def test_another_teachers_private_bank_is_not_found(world, client_as):
    teacher = client_as("teacher")
    assert publish(teacher, GOOD).status_code in (200, 303)
    slug = stored(world.teacher)
    for format_name in ("apkg", "moodle-xml", "gift", "csv", "quizlet"):
        assert _download(teacher, slug, format_name).status_code == 200, format_name
        assert _download(client_as("uteacher"), slug, format_name).status_code == 404
    assert client_as("uteacher").get(f"/banks/{slug}/export").status_code == 404
    # The teacher's own student takes the Anki deck of the class bank.
    assert _download(client_as("student"), slug, "apkg").status_code == 200
    assert _download(client_as("rstudent"), slug, "apkg").status_code == 404


def test_the_bank_page_offers_students_anki_and_text_files_and_teachers_everything(
        world, client_as):
    student_page = client_as("student").get(f"/banks/{SLUG}").get_data(as_text=True)
    assert f"/banks/{SLUG}/export/apkg" in student_page
    assert f"/banks/{SLUG}/export/csv" in student_page
    assert "/export/moodle-xml" not in student_page and "/export/gift" not in student_page
    teacher_page = client_as("teacher").get(f"/banks/{SLUG}").get_data(as_text=True)
    for format_name in ("apkg", "csv", "quizlet", "moodle-xml", "gift"):
        assert f"/banks/{SLUG}/export/{format_name}" in teacher_page


@pytest.mark.parametrize(("lang", "heading"), [
    ("en", "14 questions are not in the GIFT file"),
    ("ar", "سؤالًا ليست في ملف GIFT"),
])
def test_the_export_page_names_the_questions_gift_leaves_out(world, client_as, lang, heading):
    teacher = client_as("teacher")
    post(teacher, "/language", {"lang": lang, "next": "/"})
    html = teacher.get(f"/banks/{SLUG}/export").get_data(as_text=True)
    assert heading in html
    assert html.count('<li><span class="type">') == 14



def test_export_reads_a_bank_in_a_few_queries(loaded_app):
    """No query per question: the largest shipped bank in every format."""
    client = loaded_app.test_client()
    with loaded_app.app_context():
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            for format_name in ("apkg", "csv", "quizlet"):
                statements.clear()
                assert _download(client, SLUG, format_name).status_code == 200
                assert len(statements) <= 6, statements
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)


def test_the_command_writes_a_shipped_bank_and_reports_what_it_leaves_out(
        loaded_app, tmp_path):
    out = tmp_path / "bank.gift"
    result = loaded_app.test_cli_runner().invoke(
        args=["bank", "export", SLUG, "--format", "gift", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        f"{SLUG}: 91 questions written to {out} (gift), 14 left out")
    assert result.stderr.count("left out: ") == 14
    assert "kcc-timeline-stages-ordering (ordering)" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("// Kazakhstan's National Cultural")


def test_the_command_refuses_an_unknown_bank(loaded_app, tmp_path):
    result = loaded_app.test_cli_runner().invoke(
        args=["bank", "export", "no-such-bank", "--format", "apkg",
              "--out", str(tmp_path / "x.apkg")])
    assert result.exit_code != 0
    assert "No shipped bank is called 'no-such-bank'" in result.output
    assert not (tmp_path / "x.apkg").exists()
