"""Anki packages and Anki's text import, read by Anki's own code (the `anki` package)."""

import csv
import io

import pytest
from anki.collection import Collection, ImportCsvRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizapp.interop.anki import FIELDS, MODEL_NAME

from .conftest import SHIPPED


def _import(collection, path):
    return collection.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(path),
        options=ImportAnkiPackageOptions(update_notes=1, update_notetypes=1)))


@pytest.fixture(scope="module")
def collection(tmp_path_factory, exported):
    """Every shipped bank's deck imported into one new Anki collection, headless."""
    folder = tmp_path_factory.mktemp("anki")
    col = Collection(str(folder / "collection.anki2"))
    paths = {}
    for slug in SHIPPED:
        exported_file, _questions, _bank = exported[slug, "apkg", "en"]
        paths[slug] = folder / exported_file.filename
        paths[slug].write_bytes(exported_file.content)
        _import(col, paths[slug])
    yield col, paths
    col.close()


def test_each_question_is_one_note_in_its_banks_deck(collection, exported):
    col, _paths = collection
    for slug in SHIPPED:
        _file, questions, bank = exported[slug, "apkg", "en"]
        note_ids = col.find_notes(f'"deck:{bank["title"]["en"]}"')
        assert len(note_ids) == len(questions)
    assert col.note_count() == sum(len(exported[s, "apkg", "en"][1]) for s in SHIPPED)


def test_notes_hold_both_languages_the_answer_and_the_source(collection, exported):
    col, _paths = collection
    for slug in SHIPPED:
        _file, questions, _bank = exported[slug, "apkg", "en"]
        for question in questions:
            (note_id,) = col.find_notes(f'"Id:{question["uid"]}"')
            note = col.get_note(note_id)
            assert note.note_type()["name"] == MODEL_NAME
            assert list(note.keys()) == FIELDS
            assert note["QuestionAr"] == _html(question["prompt"]["ar"])
            assert note["QuestionEn"] == _html(question["prompt"]["en"])
            assert note["Quote"] == _html(question["quote"])
            assert note["QuoteEn"] == _html(question["quote_en"])
            assert note["SourceAr"] == _html(question["document"]["ar"])
            assert note["AnswerAr"] and note["AnswerEn"]
            assert set(note.tags) == {("kind::" if tag in _KINDS else "topic::") + tag
                                      for tag in question["tags"]}


def test_the_back_shows_the_right_answers(collection, exported):
    col, _paths = collection
    _file, questions, _bank = exported["cultural-centre-beijing", "apkg", "en"]
    for question in questions:
        details = question["details"]
        (note_id,) = col.find_notes(f'"Id:{question["uid"]}"')
        back = col.get_note(note_id)["AnswerEn"]
        match question["type"]:
            case "single_choice":
                assert _html(details["choices"][details["answer"]]["en"]) in back
            case "multiple_choice":
                assert all(_html(details["choices"][k]["en"]) in back
                           for k in details["answers"])
            case "short_text":
                assert all(_html(a) in back for a in details["answers"]["en"])
            case "ordering":
                positions = [back.index(_html(item["en"])) for item in details["items"]]
                assert positions == sorted(positions)
            case "matching":
                assert all(_html(p["left"]["en"]) in back and _html(p["right"]["en"]) in back
                           for p in details["pairs"])
            case "flashcard":
                assert back.endswith(f'{_html(details["back"]["en"])}</span>')
            case "numeric":
                assert f'{float(details["answer"]):g}' in back
            case "true_false":
                assert back.endswith(f'{"True" if details["answer"] else "False"}</span>')


def test_arabic_fields_are_shown_right_to_left(collection):
    col, _paths = collection
    note_type = col.models.by_name(MODEL_NAME)
    template = note_type["tmpls"][0]
    assert 'dir="rtl" lang="ar">{{QuestionAr}}' in template["qfmt"]
    assert 'dir="rtl" lang="ar">{{Quote}}' in template["afmt"]
    assert "direction: rtl" in note_type["css"]


def test_importing_the_decks_again_adds_nothing(collection, exported):
    col, paths = collection
    before = col.note_count()
    for slug in SHIPPED:
        log = _import(col, paths[slug]).log
        assert len(log.new) == 0
    assert col.note_count() == before


def test_anki_text_file_has_the_headers_anki_reads_and_a_row_per_question(exported):
    for slug in SHIPPED:
        exported_file, questions, bank = exported[slug, "csv", "ar"]
        text = exported_file.content.decode("utf-8")
        headers = [line for line in text.splitlines() if line.startswith("#")]
        assert headers == ["#separator:tab", "#html:true", "#notetype:Basic",
                           "#guid column:1", "#tags column:4", f"#deck:{bank['title']['ar']}"]
        rows = list(csv.reader(io.StringIO(text.split(headers[-1] + "\n", 1)[1]),
                               delimiter="\t"))
        assert len(rows) == len(questions)
        for row, question in zip(rows, questions, strict=True):
            assert _html(question["prompt"]["ar"]) in row[1]
            assert _html(question["quote"]) in row[2]
            assert len(row) == 4
            assert row[3].split() == [
                ("kind::" if tag in _KINDS else "topic::") + tag for tag in question["tags"]]


def test_anki_imports_the_text_file_into_its_deck_once(exported, tmp_path):
    """Anki's own reader finds the deck, the columns the headers name, and the GUIDs: a
    second import adds nothing."""
    col = Collection(str(tmp_path / "text.anki2"))
    try:
        exported_file, questions, bank = exported["central-asia-china-summit", "csv", "ar"]
        path = tmp_path / exported_file.filename
        path.write_bytes(exported_file.content)
        metadata = col.get_csv_metadata(path=str(path), delimiter=None)
        assert (metadata.is_html, metadata.guid_column, metadata.tags_column) == (True, 1, 4)
        assert metadata.deck_name == bank["title"]["ar"]
        first = col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
        assert len(first.new) == len(questions)
        assert len(col.find_notes(f'"deck:{bank["title"]["ar"]}"')) == len(questions)
        again = col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
        assert len(again.new) == 0
        assert col.note_count() == len(questions)
    finally:
        col.close()


def test_quizlet_file_is_a_term_and_a_definition_per_line(exported):
    for slug in SHIPPED:
        exported_file, questions, _bank = exported[slug, "quizlet", "ar"]
        lines = exported_file.content.decode("utf-8").splitlines()
        assert len(lines) == len(questions)
        for line, question in zip(lines, questions, strict=True):
            term, definition = line.split("\t")
            assert term == " ".join(question["prompt"]["ar"].split())
            assert definition


_KINDS = {"figure", "date", "person", "place", "institution", "event"}


def _html(text):
    from html import escape
    return escape(str(text))
