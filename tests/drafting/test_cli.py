"""`flask bank draft PATH`: the draft on standard output or in a file, a summary on
standard error, a clear error for a file it cannot read."""

import yaml

from .conftest import EVAL_DOCUMENTS, QUESTIONS_DIR

ARTICLE = QUESTIONS_DIR / "sources" / "kazakhstan-cultural-centre-beijing.txt"


def test_draft_goes_to_stdout_and_summary_to_stderr(runner, problems_of):
    result = runner.invoke(args=["bank", "draft", str(ARTICLE), "--slug", "kcc-copy"])
    assert result.exit_code == 0, result.output
    bank = yaml.safe_load(result.stdout)
    assert bank["sources"] == ["kcc-copy"]
    assert "questions drafted" in result.stderr and "figure" in result.stderr
    assert "questions drafted" not in result.stdout
    assert problems_of(result.stdout, "kcc-copy", ARTICLE.read_text(encoding="utf-8")) == []


def test_draft_written_to_out_file_with_slug_from_file_name(runner, tmp_path):
    document = tmp_path / "My_Article.txt"
    document.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = runner.invoke(args=["bank", "draft", str(document), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["sources"] == ["my-article"]


def test_html_document_is_read_without_scripts_and_styles(runner, tmp_path):
    page = tmp_path / "news.html"
    page.write_text(
        "<html><head><style>p{color:red}</style><script>var x = 'في عام 1999';</script>"
        "</head><body><p>افتتح الرئيس عبد الفتاح السيسي المتحف في 3 يوليو 2023.</p>"
        "<p>وتبلغ مساحته 500 ألف متر مربع، وكلف نحو مليار دولار.</p></body></html>",
        encoding="utf-8")
    result = runner.invoke(args=["bank", "draft", str(page)])
    assert result.exit_code == 0, result.output
    assert "var x" not in result.stdout and "color" not in result.stdout
    assert "1999" not in result.stdout


def test_unsupported_file_is_a_clear_error(runner, tmp_path):
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(b"%PDF-1.4")
    result = runner.invoke(args=["bank", "draft", str(odd)])
    assert result.exit_code != 0
    assert "scan.pdf" in result.stderr and ".docx" in result.stderr


def test_missing_file_and_bad_docx_are_clear_errors(runner, tmp_path):
    result = runner.invoke(args=["bank", "draft", str(tmp_path / "absent.txt")])
    assert result.exit_code != 0 and "does not exist" in result.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = runner.invoke(args=["bank", "draft", str(broken)])
    assert result.exit_code != 0 and "not a Word document (.docx)" in result.stderr


def test_bad_slug_is_refused(runner):
    result = runner.invoke(args=["bank", "draft", str(ARTICLE), "--slug", "Bad Slug"])
    assert result.exit_code != 0 and "--slug" in result.stderr


def test_docx_document_is_read_as_its_paragraphs(runner, tmp_path, problems_of):
    import docx

    document = docx.Document()
    document.add_paragraph("افتتح وزير الثقافة المهندس سامي الخطيب المتحف في 3 يوليو 2023.")
    document.add_paragraph("وتبلغ مساحته 500 متر مربع، وكلّف 12 مليون دينار.")
    path = tmp_path / "museum.docx"
    document.save(path)
    result = runner.invoke(args=["bank", "draft", str(path), "--slug", "museum"])
    assert result.exit_code == 0, result.output
    body = ("افتتح وزير الثقافة المهندس سامي الخطيب المتحف في 3 يوليو 2023.\n"
            "وتبلغ مساحته 500 متر مربع، وكلّف 12 مليون دينار.")
    assert problems_of(result.stdout, "museum", body) == []
    assert "500" in result.stdout and "figure" in result.stderr


def test_title_comes_from_the_document_metadata_beside_it(runner):
    result = runner.invoke(args=["bank", "draft", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    bank = yaml.safe_load(result.stdout)
    assert "افتتاح المركز الثقافي الوطني لكازاخستان في بكين" in bank["title"]["ar"]
    assert "Kazakhstan's National Cultural Centre opens in Beijing" in bank["title"]["en"]


def test_draft_passes_flask_bank_validate_beside_the_shipped_banks(app, runner, tmp_path):
    import shutil

    library = tmp_path / "questions"
    shutil.copytree(QUESTIONS_DIR, library)
    source = EVAL_DOCUMENTS / "jordan-wadi-dam.txt"
    shutil.copy(source, library / "sources" / "jordan-wadi-dam.txt")
    # The validator wants an English translation paragraph for paragraph; a copy stands in.
    shutil.copy(source, library / "sources" / "jordan-wadi-dam.en.txt")
    (library / "sources" / "jordan-wadi-dam.yaml").write_text(
        "slug: jordan-wadi-dam\ntitle: {ar: سد وادي الحسا, en: The Wadi al-Hasa dam}\n"
        "language: ar\nsummary_en: A dam in Karak.\ntext: jordan-wadi-dam.txt\n",
        encoding="utf-8")
    app.config["QUESTIONS_DIR"] = str(library)
    out = library / "banks" / "jordan-wadi-dam.yaml"
    drafted = runner.invoke(args=["bank", "draft", str(source), "--out", str(out)])
    assert drafted.exit_code == 0, drafted.output
    checked = runner.invoke(args=["bank", "validate"])
    assert checked.exit_code == 0, checked.output
    assert "OK: 4 banks" in checked.stdout


def test_document_with_nothing_to_ask_is_a_clear_error(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("مرحبا بكم في هذا النص.", encoding="utf-8")
    result = runner.invoke(args=["bank", "draft", str(empty)])
    assert result.exit_code != 0 and "nothing" not in result.stdout
    assert "no figure, date, name or quotation" in result.stderr
