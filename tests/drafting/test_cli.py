"""`flask bank draft PATH`: the draft on standard output or in a file, a summary on
standard error, a clear error for a file it cannot read."""

import yaml

from .conftest import QUESTIONS_DIR

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
    assert result.exit_code != 0 and "not a readable .docx" in result.stderr


def test_bad_slug_is_refused(runner):
    result = runner.invoke(args=["bank", "draft", str(ARTICLE), "--slug", "Bad Slug"])
    assert result.exit_code != 0 and "--slug" in result.stderr
