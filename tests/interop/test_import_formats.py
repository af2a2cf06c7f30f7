"""Each import format, on small files in Arabic and English, becomes a draft bank."""

from pathlib import Path

import yaml

from quizapp.banks.validator import Library, check_bank_text
from quizapp.interop.importing import guess_format, import_file

from .conftest import make_apkg

MOODLE = (Path(__file__).parent / "fixtures" / "import-history.xml").read_text("utf-8")


def _draft(result):
    assert result.ok, [str(p) for p in result.problems]
    return yaml.safe_load(result.yaml_text)


def test_moodle_xml_reports_an_unknown_type_with_its_line():
    result = import_file(MOODLE.encode(), "history.xml")
    assert not result.ok and result.yaml_text == ""
    [problem] = result.problems
    assert problem.line == 25 and "essay" in problem.message()


def test_moodle_xml_splits_multilang_text_and_keeps_answers():
    text = MOODLE.replace(MOODLE[MOODLE.index('  <question type="essay">'):
                                 MOODLE.index("</quiz>")], "")
    draft = _draft(import_file(text.encode(), "history.xml"))
    assert draft["title"] == {"ar": "تاريخ", "en": "تاريخ"}
    assert draft["drawn_from_document"] is False and draft["sources"] == []
    choice, number, statement = draft["questions"]
    assert choice["id"] == "summit-city" and choice["type"] == "single_choice"
    assert choice["prompt"] == {"ar": "أين عقدت القمة؟", "en": "Where was the summit held?"}
    assert choice["choices"]["a"] == {"ar": "أستانا", "en": "Astana"}
    assert choice["answer"] == "a" and choice["tags"] == ["place", "diplomacy"]
    assert choice["explanation"] == {"ar": "في أستانا.", "en": "In Astana."}
    assert "source" not in choice
    assert number["answer"] == 620 and number["tolerance"] == 5
    assert number["unit"] == {"ar": "متر مربع", "en": "square metres"}
    # A name that is no valid id gives way to one made from the file's name.
    assert statement["id"] == "history-3" and statement["answer"] is True
    # Only English in the file: the Arabic is left for the teacher, never made up.
    assert statement["prompt"] == {"ar": "", "en": "Astana is the capital of Kazakhstan."}


def test_gift_reads_every_type_it_can_express():
    gift = r"""// [id:capital] [tag:place]
::capital::ما عاصمة كازاخستان؟ {=أستانا =استانا}

::area::What is the area? {#620:5}

::sky::Astana is in Kazakhstan. {T}

::pairs::Match {=Astana -> Kazakhstan =Beijing -> China = -> Peru}

::many::Which are in Central Asia? {~%50%Kazakhstan ~%50%Uzbekistan ~%-100%Peru}

::one::Which opened in 2025? {=the centre ~the airport #no}

A card with no answers at all.
"""
    draft = _draft(import_file(gift.encode(), "deck.gift"))
    kinds = [q["type"] for q in draft["questions"]]
    assert kinds == ["short_text", "numeric", "true_false", "matching", "multiple_choice",
                     "single_choice", "flashcard"]
    short, number, _, pairs, many, one, card = draft["questions"]
    assert short["answers"] == {"ar": ["أستانا", "استانا"], "en": []}
    assert short["prompt"]["ar"] == "ما عاصمة كازاخستان؟" and short["tags"] == ["place"]
    assert number["answer"] == 620 and number["tolerance"] == 5
    assert pairs["pairs"][1] == {"left": {"ar": "", "en": "Beijing"},
                                 "right": {"ar": "", "en": "China"}}
    assert pairs["distractors"] == [{"ar": "", "en": "Peru"}]
    assert many["answers"] == ["a", "b"] and one["answer"] == "a"
    assert card["front"]["en"] == "A card with no answers at all."


def test_gift_problems_come_with_their_lines():
    result = import_file(b"::a::Fine {T}\n\n::b::Never closed {=x ~y\n\n::c::Essay {}\n",
                         "bad.gift")
    assert [(p.line, p.message()) for p in result.problems] == [
        (3, "the answers are not closed with }"),
        (5, "question type essay cannot be imported")]


def test_anki_text_headers_are_honoured():
    text = ("#separator:semicolon\n#html:true\n#deck:مفردات\n#tags column:3\n"
            "<b>عاصمة</b>;capital;geography vocab\n"
            "مركز;centre;vocab\n")
    draft = _draft(import_file(text.encode(), "words.txt", "csv"))
    assert draft["title"]["ar"] == "مفردات"
    first, second = draft["questions"]
    assert first["type"] == "flashcard"
    assert first["front"] == {"ar": "عاصمة", "en": ""}
    assert first["back"] == {"ar": "", "en": "capital"}
    assert first["tags"] == ["geography", "vocab"] and second["tags"] == ["vocab"]


def test_every_anki_column_header_is_honoured():
    """The GUID, note type and deck columns are not fields; #tags: tags every row."""
    text = ("#separator:tab\n#html:true\n#notetype column:1\n#guid column:2\n"
            "#deck column:3\n#tags column:6\n#tags:imported\n#columns:a\tb\tc\td\te\tf\n"
            'Basic\tG9@5"8{TN\tمفردات\t<div dir="rtl">عاصمة</div>\tcapital\tkind::place\n')
    [card] = _draft(import_file(text.encode(), "words.txt", "csv"))["questions"]
    assert card["front"] == {"ar": "عاصمة", "en": ""}
    assert card["back"] == {"ar": "", "en": "capital"}
    assert card["tags"] == ["imported", "place"]


def test_quizlet_quotes_are_text():
    text = 'The "Belt and Road"\t"One Belt" in 2013\n'
    [card] = _draft(import_file(text.encode(), "set.txt", "quizlet"))["questions"]
    assert card["front"]["en"] == 'The "Belt and Road"'
    assert card["back"]["en"] == '"One Belt" in 2013'


def test_quizlet_rows_can_become_short_text_questions():
    text = "Astana\tعاصمة كازاخستان\nBeijing\tعاصمة الصين\n"
    draft = _draft(import_file(text.encode(), "quizlet.tsv", "quizlet", as_type="short_text"))
    first = draft["questions"][0]
    assert first["type"] == "short_text"
    assert first["prompt"] == {"ar": "", "en": "Astana"}
    assert first["answers"] == {"ar": ["عاصمة كازاخستان"], "en": []}


def test_a_malformed_csv_row_is_reported_with_its_line():
    text = 'Astana,capital\nlonely\n"open quote,x\n'
    result = import_file(text.encode(), "cards.csv")
    assert not result.ok
    assert [p.line for p in result.problems][0] == 2


def test_apkg_notes_become_flashcards(tmp_path):
    data = make_apkg(tmp_path, [("أستانا", "Astana", "place"), ("بكين", "Beijing", "")])
    draft = _draft(import_file(data, "deck.apkg"))
    assert draft["title"]["ar"] == "بطاقات"
    assert [q["front"]["ar"] for q in draft["questions"]] == ["أستانا", "بكين"]
    assert draft["questions"][0]["back"]["en"] == "Astana"
    assert draft["questions"][0]["tags"] == ["place"]


def test_apkg_note_without_a_back_is_reported_by_number(tmp_path):
    data = make_apkg(tmp_path, [("أستانا", "Astana", ""), ("بكين", "", "")])
    result = import_file(data, "deck.apkg")
    assert [(p.line, p.message()) for p in result.problems] == [
        (2, "note 2 needs a front and a back")]


def test_completed_draft_passes_the_validator():
    # GIFT escapes the braces of Moodle's {mlang} filter.
    gift = (r"// [tag:place]" "\n"
            r"::capital::\{mlang ar\}ما العاصمة؟\{mlang\}\{mlang en\}The capital?\{mlang\} "
            r"{=أستانا =Astana####\{mlang ar\}أستانا.\{mlang\}\{mlang en\}Astana.\{mlang\}}")
    result = import_file(gift.encode(), "one.gift")
    assert result.ok, [str(p) for p in result.problems]
    _, problems = check_bank_text(result.yaml_text, "one.yaml", Library())
    assert problems == []


def test_format_is_guessed_from_the_extension():
    assert [guess_format(n) for n in ("a.xml", "b.gift", "c.csv", "d.tsv", "e.apkg", "f.pdf")] \
        == ["moodle-xml", "gift", "csv", "csv", "apkg", None]


def test_the_apps_own_export_names_are_guessed():
    """SLUG.anki.txt and SLUG.quizlet.txt are not GIFT, whatever their last extension."""
    assert [guess_format(n) for n in ("b.anki.txt", "b.quizlet.txt", "b.gift.txt", "x.txt")] \
        == ["csv", "quizlet", "gift", "gift"]


def test_anki_headers_make_a_text_file_anki_text():
    text = "#separator:tab\n#html:false\nعاصمة\tcapital\n"
    [card] = _draft(import_file(text.encode(), "words.txt"))["questions"]
    assert card["front"]["ar"] == "عاصمة" and card["back"]["en"] == "capital"
