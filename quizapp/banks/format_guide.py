"""The bank format for teachers, in their language: the header's and every question's
fields, and each registered question type with an example.

The fields and whether they are required are read from the schema (pydantic models); only
their explanations are written here. tests/banks/test_format_guide.py fails when a field
or a question type has no explanation, or an example no longer validates.
"""

import re
from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from pydantic import BaseModel

from ..questions import registry
from ..questions.schema import Prompted
from .schema import FACT_KINDS, BankHeader

HEADER_FIELDS: dict[str, LazyString] = {
    "slug": _l("The bank's short name in its address: lowercase letters, digits and hyphens. "
               "Yours are kept apart from other teachers', so it may be the same as theirs."),
    "title": _l("The bank's name, in each of its languages."),
    "description": _l("A sentence or two on what the bank asks about, in each of its "
                      "languages."),
    "languages": _l("The languages its content is written in: [ar], [en] or [ar, en] (when "
                    "left out). A bank in one language needs no text in the other; students "
                    "see it as written, whatever their interface language."),
    "drawn_from_document": _l("false for a bank whose questions cite no document (one "
                              "imported from another program); true when left out."),
    "sources": _l("The documents its questions cite, by their short names; at least one in "
                  "a bank drawn from documents."),
    "tags": _l("The topic tags its questions may use, besides the kinds of fact."),
    "questions": _l("The questions, one list item each."),
}

QUESTION_FIELDS: dict[str, LazyString] = {
    "id": _l("A stable identifier, unique across all banks: lowercase letters, digits and "
             "hyphens, 3 to 80 characters. Students' history is tied to it: never reuse one "
             "for another fact."),
    "type": _l("One of the question types below."),
    "prompt": _l("The question, in each of the bank's languages (a flashcard has a front "
                 "instead)."),
    "explanation": _l("Why the answer is right, shown after answering, in each of the "
                      "bank's languages."),
    "source": _l("Where the fact comes from: document (its short name), quote (the exact "
                 "passage of the document, word for word) and, in a bilingual bank, quote_en "
                 "(its English translation). Required in a bank drawn from documents."),
    "tags": _l("At least one kind of fact (%(kinds)s), and any of the bank's topic tags.",
               kinds=", ".join(FACT_KINDS)),
    "difficulty": _l("easy, medium or hard."),
}

TYPE_NOTES: dict[str, LazyString] = {
    "single_choice": _l("Two to eight choices, each under a short key of lowercase letters or "
                        "digits; answer is the key of the right one."),
    "multiple_choice": _l("Like single choice, with answers: the keys of every right choice "
                          "(at least one choice stays wrong). Partly right answers get "
                          "partial credit."),
    "true_false": _l("A statement; answer is true or false."),
    "numeric": _l("answer is a number, or text that reads as one (Arabic-Indic digits are "
                  "understood); tolerance (how far off still counts, 0 when left out) and "
                  "unit, in both languages, are optional."),
    "short_text": _l("answers lists the accepted answers in each language, the first one "
                     "shown as the answer. Case, punctuation, harakat and the usual letter "
                     "variants are ignored; ignore_article: true also accepts an Arabic "
                     "answer with or without a leading \u201c\u0627\u0644\u201d."),
    "ordering": _l("Three to eight items, listed in the right order; students see them "
                   "shuffled. An item may give its date as when (YYYY, YYYY-MM or "
                   "YYYY-MM-DD): then every item does, earliest first."),
    "matching": _l("Two to eight pairs, each a left and a right item; distractors "
                   "(optional) are extra right-hand items that match nothing."),
    "flashcard": _l("No prompt and no answer to type: the front is shown, then the back. "
                    "Students rate how well they remembered it."),
}

# One question of each type, short but complete apart from the fields every question has
# (explanation, source, tags), which the first example shows.
TYPE_EXAMPLES: dict[str, str] = {
    "single_choice": """\
- id: kcc-opening-date
  type: single_choice
  prompt:
    ar: متى افتُتح المركز الثقافي الوطني لكازاخستان في بكين؟
    en: When did Kazakhstan's National Cultural Centre open in Beijing?
  choices:
    a: {ar: 2 سبتمبر 2025, en: 2 September 2025}
    b: {ar: 17 يونيو 2025, en: 17 June 2025}
    c: {ar: مايو 2023, en: May 2023}
  answer: a
""",
    "multiple_choice": """\
- id: kcc-instruments
  type: multiple_choice
  prompt:
    ar: أي الآلات الآتية آلات موسيقية كازاخية؟
    en: Which of these are Kazakh musical instruments?
  choices:
    a: {ar: الدومبرا, en: the dombra}
    b: {ar: الكوبيز, en: the kobyz}
    c: {ar: البيانو, en: the piano}
  answers: [a, b]
""",
    "true_false": """\
- id: kcc-area-statement
  type: true_false
  prompt:
    ar: تبلغ المساحة الإجمالية للمركز 620 متراً مربعاً.
    en: The centre has a total area of 620 square metres.
  answer: true
""",
    "numeric": """\
- id: kcc-area
  type: numeric
  prompt:
    ar: كم تبلغ المساحة الإجمالية للمركز بالمتر المربع؟
    en: What is the centre's total area, in square metres?
  answer: 620
  tolerance: 0
  unit: {ar: متر مربع, en: square metres}
""",
    "short_text": """\
- id: kcc-district
  type: short_text
  prompt:
    ar: في أي حي من بكين يقع المركز الثقافي الجديد؟
    en: In which Beijing district is the new cultural centre?
  answers:
    ar: [تشاويانغ, حي تشاويانغ]
    en: [Chaoyang, Chaoyang District]
  ignore_article: true
""",
    "ordering": """\
- id: summit-sequence
  type: ordering
  prompt:
    ar: رتّب الأحداث الآتية من الأقدم إلى الأحدث.
    en: Put these events in order, earliest first.
  items:
    - {ar: قمة شيآن الأولى, en: the first summit in Xi'an, when: 2023-05}
    - {ar: إنشاء الأمانة العامة في شيآن, en: the secretariat set up in Xi'an, when: "2024"}
    - {ar: قمة أستانا الثانية, en: the second summit in Astana, when: 2025-06-17}
""",
    "matching": """\
- id: leaders-countries
  type: matching
  prompt:
    ar: طابق كل رئيس مع بلده.
    en: Match each president with his country.
  pairs:
    - left: {ar: شوكت ميرضيائيف, en: Shavkat Mirziyoyev}
      right: {ar: أوزبكستان, en: Uzbekistan}
    - left: {ar: إمام علي رحمان, en: Emomali Rahmon}
      right: {ar: طاجيكستان, en: Tajikistan}
  distractors:
    - {ar: منغوليا, en: Mongolia}
""",
    "flashcard": """\
- id: abai-card
  type: flashcard
  front: {ar: أباي, en: Abai}
  back:
    ar: الشاعر والفيلسوف الكازاخي البارز
    en: The eminent Kazakh poet and philosopher
""",
}

# What every question adds to the type examples above, shown once in full.
COMMON_EXAMPLE = """\
  explanation:
    ar: افتُتح المركز في 2 سبتمبر 2025 بمشاركة الرئيس قاسم جومارت توكاييف.
    en: The centre opened on 2 September 2025 with President Kassym-Jomart Tokayev taking part.
  source:
    document: kazakhstan-cultural-centre-beijing
    quote: في 2 سبتمبر 2025، افتُتح المركز الثقافي الوطني لكازاخستان في بكين
    quote_en: On 2 September 2025 Kazakhstan's National Cultural Centre opened in Beijing
  tags: [date, culture]
  difficulty: easy
"""

HEADER_EXAMPLE = """\
slug: cultural-centre-beijing
title: {ar: المركز الثقافي الكازاخستاني في بكين, en: Kazakhstan's Cultural Centre in Beijing}
description:
  ar: أسئلة عن افتتاح المركز الثقافي الوطني لكازاخستان في بكين ومرافقه وأهدافه.
  en: Questions on the opening of Kazakhstan's National Cultural Centre in Beijing.
sources: [kazakhstan-cultural-centre-beijing]
tags: [culture, diplomacy]
questions:
"""


# Optional to the schema, but required by the validator in a bank drawn from documents.
IN_DOCUMENT_BANKS = frozenset({"sources", "source"})
QUESTION_ORDER = ("id", "type", "prompt", "explanation", "source", "tags", "difficulty")


@dataclass(frozen=True)
class Field:
    name: str
    required: bool | None  # None: required in a bank drawn from documents
    meaning: LazyString | None = None


@dataclass(frozen=True)
class TypeSection:
    name: str
    note: LazyString
    fields: list[Field]
    example: Markup


def _required(model: type[BaseModel], name: str) -> bool | None:
    if name in IN_DOCUMENT_BANKS:
        return None
    return name == "type" or model.model_fields[name].is_required()


def header_fields() -> list[Field]:
    return [Field(name, _required(BankHeader, name), HEADER_FIELDS[name])
            for name in BankHeader.model_fields]


def question_fields() -> list[Field]:
    return [Field(name, _required(Prompted, name), QUESTION_FIELDS[name])
            for name in QUESTION_ORDER]


def type_sections() -> list[TypeSection]:
    """Each registered type with its own fields (beyond every question's) and example."""
    common = frozenset(QUESTION_ORDER)
    return [TypeSection(t.name, TYPE_NOTES[t.name],
                        [Field(name, _required(t.model, name))
                         for name in t.model.model_fields if name not in common],
                        yaml_sample(TYPE_EXAMPLES[t.name]))
            for t in registry.all_types()]


def bank_example() -> str:
    """A whole bank of one question: the header, then a question with every field."""
    question = TYPE_EXAMPLES["single_choice"] + COMMON_EXAMPLE
    return HEADER_EXAMPLE + "".join(f"  {line}\n" for line in question.splitlines())


ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# A scalar of a line: after the line's indentation and dash, or after "{", "[" or ",", past
# an (ASCII) key; up to the next flow indicator or comment.
SCALAR = re.compile(r"(^\s*(?:-\s+)?|[{\[,]\s*)((?:[A-Za-z0-9_.-]+\s*:\s+)?)([^{}\[\],#]+)")


def yaml_sample(text: str) -> Markup:
    """YAML for a left-to-right code block, each Arabic value isolated in its own
    direction (``<bdi>``), also inside ``{ar: ..., en: ...}``: else the bidi algorithm
    moves its final "؟" or number to the wrong end."""
    return Markup("\n").join(_isolated(line) for line in text.rstrip("\n").split("\n"))


def _isolated(line: str) -> Markup:
    parts, done = [], 0
    for match in SCALAR.finditer(line):
        value = match.group(3).rstrip()
        if not ARABIC.search(value):
            continue
        start = match.start(3)
        parts += [escape(line[done:start]), Markup("<bdi>%s</bdi>") % value]
        done = start + len(value)
    parts.append(escape(line[done:]))
    return Markup("").join(parts)
