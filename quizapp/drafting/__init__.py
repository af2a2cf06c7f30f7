"""The question drafter: from one document, a draft bank of questions on its facts.

Offline and rule-based: figures, dates, people with their roles, places, institutions,
events, quoted statements and defining sentences are found in the text, and each becomes
questions that cite the exact sentence it comes from. Plain data in and out (no Flask,
no database): the command line and the documents pages call ``draft_bank``.
"""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import compose, named, quotes
from .bankfile import clean_strings, drop_repeats, dump, in_one_language, replace_variants
from .dates import find_dates
from .figures import find_figures
from .names import find_entities
from .patterns import arabic_share
from .sentences import split_sentences
from .wording import BANK, NOTE_ARABIC_DOCUMENT

__all__ = ["DraftResult", "GlossaryName", "SourceText", "detect_language", "draft_bank"]

# Fact kinds in the order the summary lists them.
KINDS = ("figure", "date", "person", "place", "institution", "event", "quote", "definition")
# The topic tags a draft may use beside the validator's fact kinds.
_TOPIC_TAGS = {"quote": "quote", "definition": "definition"}


@dataclass(frozen=True)
class SourceText:
    slug: str
    language: str  # "ar" or "en"
    body: str
    title_ar: str = ""
    title_en: str = ""
    event_date: dt.date | None = None


@dataclass(frozen=True)
class GlossaryName:
    kind: str  # "person", "place", "institution"
    ar: str
    en: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftResult:
    bank: dict[str, Any]  # in the bank YAML schema, for the validator and the loader
    yaml: str  # the same, as the file a teacher reads
    counts: dict[str, int] = field(default_factory=dict)  # questions per fact kind

    def summary(self) -> str:
        parts = [f"{self.counts[kind]} {kind}" for kind in KINDS if self.counts.get(kind)]
        total = sum(self.counts.values())
        return f"{total} questions drafted: " + (", ".join(parts) if parts else "none")


def detect_language(text: str) -> str:
    """Arabic when at least a third of the letters are Arabic."""
    return "ar" if arabic_share(text) >= 1 / 3 else "en"


def draft_bank(source: SourceText, glossary: Sequence[GlossaryName] = (), *,
               bank_slug: str, languages: tuple[str, ...] = ("ar", "en"),
               max_questions: int | None = None) -> DraftResult:
    """A draft bank on ``source``: every question cites one of its sentences verbatim.

    ``languages`` are the bank's content languages. A monolingual bank (one language)
    declares it (``languages: [ar]``) and writes only that language's fields; a bilingual
    one writes both: an Arabic document's English fields hold its Arabic words in an
    English frame (and the reverse for an English document).
    ``max_questions`` (the browser editor's limit, say) keeps that many, taken from every
    fact kind in turn. A document with nothing to ask gives a bank with no questions, which
    the validator refuses: the caller says so.
    """
    if not languages or not set(languages) <= {"ar", "en"}:
        raise ValueError(f"content languages are ar and/or en, not {languages!r}")
    body = source.body
    draft = compose.Draft(body, source.slug, source.language, split_sentences(body),
                          id_prefix=bank_slug)
    date_facts = find_dates(body)
    taken = [(d.start, d.end) for d in date_facts]
    figures = find_figures(body, taken)
    entities = find_entities(body, glossary)
    compose.figure_questions(draft, figures)
    compose.date_questions(draft, date_facts)
    named.name_questions(draft, entities, source.language)
    quotes.quote_questions(draft, entities)
    quotes.definition_questions(draft)
    if max_questions is not None and len(draft.questions) > max_questions:
        kept = _balanced(draft.kinds, max_questions)
        draft.questions = [draft.questions[i] for i in kept]
        draft.kinds = [draft.kinds[i] for i in kept]
    kind_of = {q["id"]: kind for q, kind in zip(draft.questions, draft.kinds, strict=True)}
    bank = _bank(source, draft, bank_slug)
    replace_variants(bank, _variant_spellings(glossary))
    bank = clean_strings(bank)
    drop_repeats(bank)
    if len(set(languages)) == 1:
        bank = in_one_language(bank, languages[0])
    counts: dict[str, int] = {}
    for question in bank["questions"]:
        counts[kind_of[question["id"]]] = counts.get(kind_of[question["id"]], 0) + 1
    counts = {kind: counts[kind] for kind in KINDS if counts.get(kind)}
    return DraftResult(bank, dump(bank), counts)


def _bank(source: SourceText, draft: compose.Draft, bank_slug: str) -> dict[str, Any]:
    title = {"ar": source.title_ar or source.title_en or source.slug,
             "en": source.title_en or source.title_ar or source.slug}
    note = NOTE_ARABIC_DOCUMENT if source.language == "ar" else ""
    used_topics = sorted({tag for q in draft.questions for tag in q["tags"]
                          if tag in _TOPIC_TAGS.values()})
    return {
        "slug": bank_slug,
        "title": {lang: BANK["title"][lang].format(title=title[lang]) for lang in ("ar", "en")},
        "description": {lang: BANK["description"][lang].format(title=title[lang], note=note)
                        for lang in ("ar", "en")},
        "sources": [source.slug],
        "tags": used_topics,
        "questions": draft.questions,
    }


def _balanced(kinds: list[str], limit: int) -> list[int]:
    """The indexes of ``limit`` questions, one of each fact kind in turn, in order."""
    by_kind: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        by_kind.setdefault(kind, []).append(index)
    chosen: list[int] = []
    while len(chosen) < min(limit, len(kinds)):
        for indexes in by_kind.values():
            if indexes and len(chosen) < limit:
                chosen.append(indexes.pop(0))
    return sorted(chosen)


def _variant_spellings(glossary: Sequence[GlossaryName]) -> list[tuple[str, str]]:
    pairs = []
    for name in glossary:
        for variant in name.variants:
            chosen = name.ar if re.search("[\u0600-\u06ff]", variant) else name.en
            if variant and variant not in chosen:
                pairs.append((variant, chosen))
    return pairs
