"""Reading a teacher's document file: each format's text, and hostile or oversized files
refused with a reason (the page shows it in the teacher's language)."""

import io
import zipfile

import docx
import pytest

from quizapp.documents.reading import (
    ReadLimits,
    UnreadableDocument,
    checked_body,
    read_document,
)

ARTICLE = "افتتح المركز الثقافي في بكين.\nتبلغ مساحته 620 متراً مربعاً."


def test_plain_text_is_kept_word_for_word():
    assert read_document("a.txt", ARTICLE.encode()) == ARTICLE


def test_windows_line_ends_and_invisible_marks_are_taken_out_but_nothing_else():
    data = "\ufeffافتتح المركز\u200f الثقافي.\r\n\r\n\r\nتبلغ مساحته 620.".encode()
    assert read_document("a.txt", data) == "افتتح المركز الثقافي.\n\nتبلغ مساحته 620."


def test_html_gives_its_text_without_scripts_styles_or_head():
    page = ("<html><head><title>T</title><style>p{color:red}</style></head><body>"
            "<script>alert('x')</script><p>افتتح <b>المركز</b> الثقافي.</p>"
            "<p>تبلغ مساحته 620.</p><noscript>no</noscript></body></html>")
    text = read_document("a.html", page.encode())
    assert text == "افتتح المركز الثقافي.\nتبلغ مساحته 620."


def test_markdown_marks_are_taken_off():
    text = read_document("a.md", "# العنوان\n\n**افتتح** [المركز](http://x) الثقافي.".encode())
    assert text == "العنوان\n\nافتتح المركز الثقافي."


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_document_gives_its_paragraphs():
    assert read_document("a.docx", _docx("افتتح المركز الثقافي.", "تبلغ مساحته 620.")) \
        == "افتتح المركز الثقافي.\nتبلغ مساحته 620."


def test_a_file_that_only_says_it_is_a_word_document_is_refused():
    with pytest.raises(UnreadableDocument, match="not a Word document"):
        read_document("a.docx", b"PK\x03\x04 not really a zip")


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (60 * 1024 * 1024))
    with pytest.raises(UnreadableDocument, match="too large once unpacked"):
        read_document("a.docx", out.getvalue())


def test_a_word_document_with_an_external_entity_gives_no_file_contents():
    data = _docx("نص")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = content.replace(
                    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
                    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM '
                    b'"file:///etc/passwd">]>', 1).replace("نص".encode(), b"&x;")
            target.writestr(item, content)
    try:
        text = read_document("a.docx", out.getvalue())
    except UnreadableDocument:
        return
    assert "root:" not in text


def test_too_big_a_file_is_refused():
    with pytest.raises(UnreadableDocument, match="too large"):
        read_document("a.txt", b"x" * 2048, ReadLimits(max_bytes=1024))


def test_too_long_a_text_is_refused():
    with pytest.raises(UnreadableDocument, match="too long"):
        checked_body("كلمة " * 100, ReadLimits(max_chars=50))


def test_other_formats_and_other_encodings_are_refused():
    with pytest.raises(UnreadableDocument, match="choose a .txt"):
        read_document("a.pdf", b"%PDF-1.4")
    with pytest.raises(UnreadableDocument, match="UTF-8"):
        read_document("a.txt", "نص".encode("cp1256"))


def test_an_empty_document_is_refused():
    with pytest.raises(UnreadableDocument, match="no text"):
        read_document("a.html", b"<script>only a script</script>")
