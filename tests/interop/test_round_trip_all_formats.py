"""Each shipped bank, exported by the app to every format and imported back by the app:
the import succeeds, the draft passes the validator, and every question the format can
carry comes back (the exporter's left-out list names the rest)."""

import pytest
import yaml

from quizapp.banks.validator import Library, check_bank_text
from quizapp.interop.formats import FORMATS
from quizapp.interop.importing import import_file

from .conftest import SHIPPED

# Anki's text and Quizlet's sets hold one language a file and no explanation: those are
# the teacher's to write, and the validator says so for each empty text (and nothing else).
# Quizlet's carry no tags either.
ONE_LANGUAGE = ("csv", "quizlet")


def _imported(exported, slug: str, fmt: str, lang: str, *, guessed: bool = False):
    out, questions, bank = exported[slug, fmt, lang]
    # The import page guesses the format from the file's name when none is chosen.
    result = import_file(out.content, out.filename, None if guessed else fmt)
    assert result.ok, [str(p) for p in result.problems][:5]
    return out, questions, yaml.safe_load(result.yaml_text), result


def _other(lang: str) -> str:
    return "en" if lang == "ar" else "ar"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("slug", SHIPPED)
@pytest.mark.parametrize("guessed", [False, True], ids=["chosen", "guessed"])
def test_every_format_imports_back_into_a_valid_draft(exported, slug, fmt, lang, guessed):
    out, questions, draft, result = _imported(exported, slug, fmt, lang, guessed=guessed)
    left = {item.uid for item in out.left_out}
    assert result.count == out.written == len(questions) - len(left)
    assert len(draft["questions"]) == out.written
    _checked, problems = check_bank_text(result.yaml_text, "draft.yaml", Library())
    if fmt in ONE_LANGUAGE:
        other = _other(lang)
        assert problems, "the missing language must be reported"
        unexpected = [str(p) for p in problems if not (
            p.path.endswith(f".{other}") or ".explanation." in p.path
            or (fmt == "quizlet" and p.path.endswith(".tags")))]  # Quizlet has no tags
        assert unexpected == []
    else:
        assert [str(p) for p in problems] == []


@pytest.mark.parametrize("fmt", ["csv", "quizlet"])
@pytest.mark.parametrize("slug", SHIPPED)
def test_anki_text_and_quizlet_give_a_card_per_question(exported, slug, fmt):
    """A card a question, its front the prompt and its back the answer, in the file's
    language (never the GUID, the tags or a header)."""
    for lang in ("ar", "en"):
        out, questions, draft, _ = _imported(exported, slug, fmt, lang)
        assert len(draft["questions"]) == len(questions)
        for question, card in zip(questions, draft["questions"], strict=True):
            assert card["type"] == "flashcard"
            assert " ".join(card["front"][lang].split()) == " ".join(
                question["prompt"][lang].split())
            assert card["back"][lang].strip(), question["uid"]
            assert card["front"][_other(lang)] == "" or lang == "ar"


@pytest.mark.parametrize("slug", SHIPPED)
def test_apkg_brings_both_languages_back(exported, slug):
    out, questions, draft, _ = _imported(exported, slug, "apkg", "ar")
    for question, card in zip(questions, draft["questions"], strict=True):
        assert card["type"] == "flashcard"
        for lang in ("ar", "en"):
            assert " ".join(card["front"][lang].split()) == " ".join(
                question["prompt"][lang].split()), question["uid"]
            assert card["back"][lang].strip(), question["uid"]
            explanation = " ".join(question["explanation"][lang].split())
            assert explanation in " ".join(card["back"][lang].split())


@pytest.mark.parametrize("slug", SHIPPED)
def test_gift_carries_both_languages(exported, slug):
    out, questions, draft, _ = _imported(exported, slug, "gift", "ar")
    carried = [q for q in questions if q["uid"] not in {i.uid for i in out.left_out}]
    for question, imported in zip(carried, draft["questions"], strict=True):
        assert imported["type"] == question["type"]
        for lang in ("ar", "en"):
            assert " ".join(imported["prompt"][lang].split()) == " ".join(
                question["prompt"][lang].split()), question["uid"]
