"""A few words, typed; compared with every accepted answer after normalisation."""

import random
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal
from xml.etree.ElementTree import Element

from pydantic import Field

from ...core.messages import N_
from ...core.text import clean_text
from .. import imported
from ..base import (
    MAX_TEXT,
    AnswerResult,
    Described,
    Details,
    FormData,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
    same_text,
)
from ..exporting import (
    add_answer,
    add_plain,
    arabic_spellings,
    gift_escape,
    html_list,
    moodle_question,
)
from ..hints import short_text_hints
from ..imported import ImportedQuestion
from ..normalise import answer_words, normalise_text, plain_text
from ..schema import LANGUAGES, Prompted, Strict, Text
from ..transliteration import adds_other_answer, close, name_words, without_head_words


class AcceptedAnswers(Strict):
    ar: list[Text] = Field(min_length=1, max_length=20)
    en: list[Text] = Field(min_length=1, max_length=20)


class ShortText(Prompted):
    type: Literal["short_text"]
    answers: AcceptedAnswers
    ignore_article: bool = False


class ShortTextType(QuestionType[ShortText]):
    name = "short_text"
    model = ShortText
    label = N_("Short answer")
    quick = False
    answerable = True

    def grading_hints(self, details: Details, quote: str,
                      glossary: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        return short_text_hints(details, glossary)

    def check(self, question: ShortText, report: ProblemReport, path: PathParts) -> None:
        for lang in LANGUAGES:
            texts = [same_text(answer) for answer in getattr(question.answers, lang)]
            if len(set(texts)) != len(texts):
                report.add(path + ("answers", lang), N_("an accepted answer is listed twice"))

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "shortanswer":
            return None
        accepted: dict[str, list[str]] = {"ar": [], "en": []}
        for answer in imported.right_answers(question):
            for lang, text in answer.text.items():
                if text and same_text(text) not in map(same_text, accepted[lang]):
                    accepted[lang].append(text)
        return imported.common(question, self.name) | {"answers": accepted}

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        # Controls and stacked marks are taken out before the answer is stored or shown.
        text = clean_text((form.get("answer") or "")[:MAX_TEXT])
        return text or None

    def grade(self, details: Details, response: Response) -> AnswerResult:
        """Accepted as written, as a spelling the glossary lists (``variants`` in the
        details, from ``hints``), as a close transliteration, or as a fuller name or
        with a generic head word; refused when it names two answers."""
        ignore_article = bool(details.get("ignore_article"))
        answers = [answer for texts in details["answers"].values() for answer in texts]
        variants = [str(text) for text in details.get("variants", [])]
        words = answer_words(str(response), ignore_article=ignore_article)
        given = "".join(words)
        expected = [normalise_text(answer, ignore_article=ignore_article) for answer in answers]

        def verdict(correct: bool, reason: str, value: Any = None) -> AnswerResult:
            return AnswerResult(correct, float(correct), given=given, expected=expected,
                                reason=reason, value=value)

        if not given:
            return verdict(False, "no_answer")
        for reason, texts in (("exact", answers), ("variant", variants)):
            for text in texts:
                if normalise_text(text, ignore_article=ignore_article) == given:
                    return verdict(True, reason, text)
        if len(parts := _alternatives(str(response))) > 1:
            # "Xi'an / Xian" names one city twice; "Astana or Almaty" names two.
            verdicts = [self.grade(details, part) for part in parts]
            if all(part.correct for part in verdicts):
                return verdicts[0]
            return verdict(False, "two_values", parts)
        names = name_words(words)
        spellings = {text: name_words(answer_words(text, ignore_article=ignore_article))
                     for text in answers + variants}
        bare = without_head_words(words)
        for text, spelling in spellings.items():
            if close("".join(names), "".join(spelling)):
                # Only a head word apart ("منطقة تشاويانغ"), or spelled differently?
                same = bare == without_head_words(
                    answer_words(text, ignore_article=ignore_article))
                return verdict(True, "fuller_name" if same else "spelling_close", text)
        for text, spelling in spellings.items():
            if _fuller_name(names, spelling, list(spellings.values())):
                return verdict(True, "fuller_name", text)
        return verdict(False, "wrong")

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [str(response)]

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [details["answers"][lang][0]]

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_list(details["answers"][lang], lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return " / ".join(str(text) for text in details["answers"][lang])

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        question = moodle_question("shortanswer", prompt)
        add_plain(question, "usecase", 0)
        for text in _moodle_spellings(details):
            add_answer(question, 100, text, html=False)
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        options = " ".join("=" + gift_escape(text) for text in _moodle_spellings(details))
        return f"{gift_escape(prompt)} {{{options}}}"


_OR = re.compile(r"\s+(?:or|او)\s+|/")  # after plain_text, أو is written او


def _moodle_spellings(details: Details) -> list[str]:
    """Every accepted answer in both languages, with the Arabic spellings Moodle would
    otherwise refuse (its shortanswer compares strings, ignoring only case)."""
    spellings: dict[str, None] = {}
    for lang in LANGUAGES:
        for answer in details["answers"][lang]:
            forms = (arabic_spellings(str(answer), add_article=bool(details.get("ignore_article")))
                     if lang == "ar" else [str(answer)])
            spellings.update(dict.fromkeys(forms))
    return list(spellings)


def _alternatives(text: str) -> list[str]:
    """The answers a hedge names: "Astana or Almaty", "أستانا أو ألماتي", "2025/2022"."""
    return [part.strip() for part in _OR.split(plain_text(text)) if part.strip()]


def _matched(words: list[str], spelling: list[str]) -> list[str] | None:
    """The words left over once each word of ``spelling`` is found among ``words`` (in
    any order, spelled closely); None if one is missing."""
    left = list(words)
    for wanted in spelling:
        found = next((word for word in left if close(word, wanted)), None)
        if found is None:
            return None
        left.remove(found)
    return left


def _fuller_name(names: list[str], spelling: list[str], spellings: list[list[str]]) -> bool:
    """"Abai Kunanbayev" for Abai, "Rahmon Emomali" for Emomali Rahmon: every word of an
    accepted answer, in any order, and at most two more that do not make it another
    answer. Where the bank also accepts a fuller form ("Serdar Berdimuhamedov" beside
    "Berdimuhamedov"), the extra words must be that form's: "Gurbanguly Berdimuhamedov"
    is another man."""
    extra = _matched(names, spelling)
    if extra is None or len(extra) > 2 or adds_other_answer(extra):
        return False
    for fuller in spellings:
        if len(fuller) > len(spelling) and _matched(fuller, spelling) is not None:
            rest = _matched(fuller, spelling) or []
            if _matched(rest, extra) is None:
                return False
    return True


TYPE = ShortTextType()
