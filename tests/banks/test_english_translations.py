"""Every quote and every source document readable in English, the Arabic always shown."""

import re
import shutil
from pathlib import Path

from quizapp.banks.validator import paragraphs, read_library, validate

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "questions"


def get(client, path, lang):
    return client.get(path, headers={"Accept-Language": lang}).get_data(as_text=True)


def test_each_document_translation_has_the_documents_paragraph_count():
    for meta in sorted((QUESTIONS / "sources").glob("*.yaml")):
        arabic = (QUESTIONS / "sources" / f"{meta.stem}.txt").read_text(encoding="utf-8")
        english = (QUESTIONS / "sources" / f"{meta.stem}.en.txt").read_text(encoding="utf-8")
        assert len(paragraphs(english)) == len(paragraphs(arabic)), meta.stem


def test_a_translation_with_a_paragraph_missing_is_refused_by_its_place(tmp_path):
    library_dir = tmp_path / "questions"
    shutil.copytree(QUESTIONS, library_dir)
    translation = library_dir / "sources" / "kazakhstan-cultural-centre-beijing.en.txt"
    translation.write_text("\n".join(translation.read_text(encoding="utf-8").splitlines()[1:]),
                           encoding="utf-8")
    library = read_library(library_dir)
    meta = library_dir / "sources" / "kazakhstan-cultural-centre-beijing.yaml"
    line = meta.read_text(encoding="utf-8").splitlines().index(
        "text: kazakhstan-cultural-centre-beijing.txt") + 1
    assert [problem.format() for problem in library.problems] == [
        f"{meta}:{line}:7: text: the English translation kazakhstan-cultural-centre-beijing.en.txt"
        " must have 12 paragraphs, one for each of the document's"]


def test_a_document_without_a_translation_is_refused(tmp_path):
    library_dir = tmp_path / "questions"
    shutil.copytree(QUESTIONS, library_dir)
    (library_dir / "sources" / "central-asia-china-summit-astana.en.txt").unlink()
    messages = [problem.message() for problem in read_library(library_dir).problems]
    assert messages == ["cannot read the English translation "
                        "central-asia-china-summit-astana.en.txt"]


def test_every_shipped_quote_has_an_english_translation():
    report = validate([QUESTIONS], read_library(QUESTIONS))
    questions = [q for bank in report.banks for q in bank.questions]
    assert questions and all(q.source.quote_en.strip() for q in questions)


def test_english_bank_page_shows_the_translation_under_the_arabic_quote(world, client_as):
    # A teacher sees every quote (students see a quote once they have answered).
    html = get(client_as("teacher"), "/banks/central-asia-china-summit", "en")
    quote = re.search(r'<li class="card question" id="cas-astana-summit-date-choice">(.*?)</li>',
                      html, re.S).group(1)
    arabic = quote.index('<blockquote lang="ar" dir="rtl">استضافت أستانا')
    english = quote.index("Astana, the capital of Kazakhstan, hosted on 17 June 2025")
    assert arabic < english
    assert html.count('class="quote-translation meta" lang="en"') == 73


def test_arabic_bank_page_shows_only_the_arabic_quote(loaded_client):
    html = get(loaded_client, "/banks/central-asia-china-summit", "ar")
    assert "quote-translation" not in html
    assert "Astana, the capital of Kazakhstan" not in html


def test_english_source_page_sets_each_paragraph_beside_its_translation(loaded_client):
    html = get(loaded_client,
               "/sources/kazakhstan-cultural-centre-beijing?q=kcc-area-numeric", "en")
    rows = re.findall(r'<div class="preview-pair( quoted)?">\s*<p lang="ar" dir="rtl">(.*?)</p>'
                      r'\s*<p lang="en" dir="ltr">(.*?)</p>', html, re.S)
    assert len(rows) == 12
    quoted = [(arabic, english) for marked, arabic, english in rows if marked]
    assert len(quoted) == 1
    assert '<mark id="quote">تبلغ مساحته الإجمالية 620 متراً مربعاً</mark>' in quoted[0][0]
    assert "Its total area is 620 square metres" in quoted[0][1]


def test_arabic_source_page_shows_the_document_alone(loaded_client):
    html = get(loaded_client, "/sources/kazakhstan-cultural-centre-beijing", "ar")
    assert '<article class="document" lang="ar" dir="rtl">' in html
    assert "Its total area is 620 square metres" not in html


def test_teachers_preview_shows_the_translation_in_the_english_column_only(
        loaded_app, world, client_as):
    from .conftest import GOOD, submit

    html = submit(client_as("teacher"), GOOD).get_data(as_text=True)
    translations = re.findall(r'class="quote-translation meta" lang="en" dir="ltr">'
                              r'<span><span class="label">Translation:</span> (.*?)</span>', html)
    # Five questions, each previewed once in Arabic (no translation) and once in English.
    assert len(translations) == 5
    assert "On 2 September 2025 Kazakhstan&#39;s National Cultural Centre opened in Beijing" \
        in translations


def test_study_pages_source_passage_carries_the_translation_in_english(app):
    from types import SimpleNamespace

    from flask import render_template_string

    question = SimpleNamespace(
        quote="تبلغ مساحته الإجمالية 620 متراً مربعاً", uid="kcc-area-numeric",
        quote_en="Its total area is 620 square metres",
        document=SimpleNamespace(slug="kazakhstan-cultural-centre-beijing",
                                 title=lambda lang: "Title"))
    passage = ("قبل ", question.quote, " بعد")
    template = ('{% from "macros/question.html" import source_passage with context %}'
                "{{ source_passage(question, passage) }}")
    rendered = {}
    for lang in ("ar", "en"):
        with app.test_request_context("/"):
            # The page's language, as the language context processor would set it.
            rendered[lang] = render_template_string(template, question=question,
                                                    passage=passage, lang=lang)
    assert f"<mark>{question.quote}</mark>" in rendered["en"]
    assert f"<mark>{question.quote}</mark>" in rendered["ar"]
    assert "Its total area is 620 square metres" in rendered["en"]
    assert "Its total area is 620 square metres" not in rendered["ar"]
