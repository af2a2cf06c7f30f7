"""Facts found in a document made into questions in the bank format (plain mappings)."""

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..core.text import BIDI_CONTROLS
from . import dates as dates_module
from .dates import DateFact
from .distractors import date_distractors, name_distractors, number_distractors
from .figures import Figure, format_value
from .names import Entity
from .sentences import Sentence
from .wording import BLANK, EXPLANATIONS, FRAMES, STATEMENT_EXPLANATIONS

Question = dict[str, Any]
_CLAUSE_BREAK = re.compile(r"[،,؛;:]\s")
_MIN_CLAUSE_WORDS = 7
_MAX_QUOTE = 1500
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


@dataclass
class Draft:
    """What a document yields: its questions, and how many of each fact kind."""

    document: str
    slug: str
    language: str
    sentences: list[Sentence]
    id_prefix: str = ""  # the bank's slug: ids are unique across all banks
    questions: list[Question] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)

    def add(self, kind: str, tag: str, question: Question) -> None:
        number = self.counts.get(kind, 0) + 1
        prefix = (self.id_prefix or self.slug)[:56]
        base = f"{prefix}-{kind[:5]}-{number:02d}-{question['type'][:4]}"
        qid = re.sub(r"-+", "-", base.replace("_", "-")).strip("-")
        while qid in self._ids:
            qid += "x"
        self._ids.add(qid)
        self.counts[kind] = number
        tags = [tag] + [t for t in question.pop("topic_tags", []) if t != tag]
        self.questions.append({"id": qid, **question, "tags": tags})

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def citable(self, sentence: Sentence) -> bool:
        """A sentence can be quoted as it is: no invisible controls, not too long."""
        text = sentence.text
        return not (BIDI_CONTROLS.search(text) or _UNSAFE.search(text)) and len(text) <= _MAX_QUOTE

    def source(self, sentence: Sentence) -> dict[str, str]:
        return {"document": self.slug, "quote": sentence.text, "quote_en": sentence.text}

    def clause(self, sentence: Sentence, start: int, end: int, replacement: str = BLANK
               ) -> str:
        """The part of the sentence around [start, end) (between commas, when that part
        is long enough to read alone), with that span replaced."""
        text = self.document
        lo, hi = sentence.start, sentence.end
        pieces = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
        left = max([p for p in pieces if p <= start], default=lo)
        right = min([p - 2 for p in pieces if p - 2 >= end], default=hi)
        while len(text[left:right].split()) < _MIN_CLAUSE_WORDS and (left > lo or right < hi):
            left = max([p for p in pieces if p < left], default=lo)
            right = min([p - 2 for p in pieces if p - 2 > right], default=hi)
        before, after = text[left:start], text[end:right]
        clause = (before + replacement + after).strip()
        return clause.rstrip(".،,؛;: ")


def bilingual(ar: str, en: str | None = None) -> dict[str, str]:
    return {"ar": ar, "en": en if en is not None else ar}


def explanation(answer: dict[str, str], quote: str) -> dict[str, str]:
    return {lang: EXPLANATIONS[lang].format(answer=answer[lang], quote=quote)
            for lang in ("ar", "en")}


def _choices(qid_seed: str, right: dict[str, str], wrong: list[dict[str, str]]
             ) -> tuple[dict[str, dict[str, str]], str]:
    """Choices keyed a, b, c ..., the right one at a place fixed by the seed."""
    options = [right] + wrong
    rng = random.Random(qid_seed)
    rng.shuffle(options)
    keys = "abcdefgh"
    choices = {keys[i]: option for i, option in enumerate(options)}
    answer = keys[options.index(right)]
    return choices, answer


def figure_questions(draft: Draft, figures: list[Figure]) -> None:
    """A numeric question for each figure, and a statement with a changed figure."""
    for figure in figures:
        sentence = draft.sentence_at(figure.number_start)
        if sentence is None or not draft.citable(sentence):
            continue
        clause = draft.clause(sentence, figure.number_start, figure.number_end)
        number = draft.document[figure.number_start:figure.number_end]
        answer_text = format_value(figure.value, number if not figure.in_words else "0")
        question: Question = {
            "type": "numeric",
            "prompt": {lang: FRAMES["figure"][lang].format(clause=clause) for lang in ("ar", "en")},
            "answer": answer_text,
        }
        tolerance = _tolerance(figure)
        if tolerance:
            question["tolerance"] = tolerance
        if figure.unit or figure.magnitude > 1:
            question["unit"] = bilingual(figure.unit_label("ar"), figure.unit_label("en"))
        shown = {lang: f"{answer_text} {figure.unit_label(lang)}".strip() for lang in ("ar", "en")}
        question["explanation"] = explanation(shown, sentence.text)
        question["source"] = draft.source(sentence)
        draft.add("figure", "figure", question)
        wrong = number_distractors(figure, figures, count=1)
        if not wrong:
            continue
        changed = format_value(wrong[0], number if not figure.in_words else "0")
        statement = draft.clause(sentence, figure.number_start, figure.number_end, changed)
        given = {lang: f"{changed} {figure.unit_label(lang)}".strip() for lang in ("ar", "en")}
        draft.add("figure", "figure", {
            "type": "true_false",
            "prompt": {lang: FRAMES["figure_statement"][lang].format(clause=statement)
                       for lang in ("ar", "en")},
            "answer": False,
            "explanation": {lang: STATEMENT_EXPLANATIONS[False][lang].format(
                answer=shown[lang], given=given[lang], quote=sentence.text)
                for lang in ("ar", "en")},
            "source": draft.source(sentence),
        })


def _tolerance(figure: Figure) -> int | float | str:
    """Exact for counts and stated figures; 5 % either way for an "about" figure."""
    if not figure.approximate:
        return 0
    tolerance = figure.value * Decimal("0.05")
    if tolerance >= 1:
        return int(tolerance)
    return float(tolerance.normalize())


def date_questions(draft: Draft, facts: list[DateFact]) -> None:
    levantine = sum(f.levantine for f in facts) > len([f for f in facts if f.month]) / 2
    for fact in facts:
        sentence = draft.sentence_at(fact.start)
        if sentence is None or not draft.citable(sentence):
            continue
        clause = draft.clause(sentence, fact.start, fact.end)
        right = _date_label(fact, levantine)
        wrong = [_date_label(d, levantine) for d in date_distractors(fact, facts)]
        wrong = [w for w in wrong if w["ar"] != right["ar"] and w["en"] != right["en"]]
        if len(wrong) < 2:
            continue
        choices, answer = _choices(f"{draft.slug}{fact.start}", right, wrong)
        draft.add("date", "date", {
            "type": "single_choice",
            "prompt": {lang: FRAMES["date"][lang].format(clause=clause) for lang in ("ar", "en")},
            "choices": choices,
            "answer": answer,
            "explanation": explanation(right, sentence.text),
            "source": draft.source(sentence),
        })
    _order_question(draft, facts)


def _date_label(fact: DateFact, levantine: bool) -> dict[str, str]:
    return {"ar": dates_module.label(fact, "ar", levantine=levantine),
            "en": dates_module.label(fact, "en")}


def _order_question(draft: Draft, facts: list[DateFact]) -> None:
    """The document's dated events, earliest first (one a date, at most six)."""
    chosen: dict[tuple[int, int, int], tuple[DateFact, Sentence]] = {}
    for fact in facts:
        sentence = draft.sentence_at(fact.start)
        if sentence is None or fact.key in chosen or not draft.citable(sentence):
            continue
        chosen[fact.key] = (fact, sentence)
    if len(chosen) < 3:
        return
    picked = sorted(chosen.values(), key=lambda pair: pair[0].key)
    if len(picked) > 6:
        step = len(picked) / 6
        picked = [picked[int(i * step)] for i in range(6)]
    items = []
    seen: set[str] = set()
    with_when = all(fact.when for fact, _ in picked)
    for fact, sentence in picked:
        text = draft.clause(sentence, fact.start, fact.end, "").replace("  ", " ").strip()
        text = re.sub(r"^(?:في|وفي|و|منذ|In|in|On|on|Since)\s+[،,]?\s*", "", text).strip(" ،,")
        if not text or text in seen:
            return
        seen.add(text)
        item: dict[str, Any] = bilingual(text)
        if with_when:
            item["when"] = fact.when
        items.append(item)
    first_sentence = picked[0][1]
    draft.add("date", "event", {
        "type": "ordering",
        "prompt": dict(FRAMES["order"]),
        "items": items,
        "explanation": {"ar": "الترتيب: " + "، ثم ".join(
                            _date_label(f, False)["ar"] for f, _ in picked) + ".",
                        "en": "The order: " + ", then ".join(
                            _date_label(f, False)["en"] for f, _ in picked) + "."},
        "source": draft.source(first_sentence),
    })


def name_questions(draft: Draft, entities: list[Entity], language: str) -> None:
    """Who, where, which: the name blanked from a sentence that mentions it, the other
    names of its kind as wrong choices."""
    by_kind: dict[str, list[Entity]] = {}
    for entity in entities:
        by_kind.setdefault(entity.kind, []).append(entity)
    for kind, group in by_kind.items():
        for entity in group:
            _name_choice(draft, entity, group, kind)
    people = [e for e in by_kind.get("person", []) if e.role_ar]
    for person in people:
        _role_choice(draft, person, people)
    if len(people) >= 3:
        _role_matching(draft, people[:6])


def _display(entity: Entity, all_have_en: bool) -> dict[str, str]:
    return bilingual(entity.ar, entity.en if all_have_en else entity.ar)


def _name_choice(draft: Draft, entity: Entity, group: list[Entity], kind: str) -> None:
    others = [e for e in group if e is not entity]
    names = name_distractors(entity.ar, [e.ar for e in others])
    if len(names) < 2 or not entity.mentions:
        return
    wrong_entities = [next(e for e in others if e.ar == n) for n in names]
    all_have_en = all(e.en != e.ar or e.from_glossary for e in [entity] + wrong_entities)
    start, end = entity.mentions[0]
    sentence = draft.sentence_at(start)
    if sentence is None or not draft.citable(sentence):
        return
    mention = draft.document[start:end]
    prefix = re.match(r"^(?:[وفبلك]|وب|ول|بال|وال|لل)(?=.)", mention)
    if prefix and not entity.ar.startswith(prefix.group(0)) and len(mention) > len(entity.ar):
        start += len(prefix.group(0))  # keep the joined و or ب: "و____"
    clause = draft.clause(sentence, start, end)
    right = _display(entity, all_have_en)
    choices, answer = _choices(f"{draft.slug}{start}", right,
                               [_display(e, all_have_en) for e in wrong_entities])
    tag = kind if kind in ("person", "place", "institution", "event") else "event"
    draft.add(kind, tag, {
        "type": "single_choice",
        "prompt": {lang: FRAMES[kind][lang].format(clause=clause) for lang in ("ar", "en")},
        "choices": choices,
        "answer": answer,
        "explanation": explanation(right, sentence.text),
        "source": draft.source(sentence),
    })


def _role_sentence(draft: Draft, person: Entity) -> Sentence | None:
    for start, _ in person.mentions:
        sentence = draft.sentence_at(start)
        if sentence and person.role_ar in sentence.text and draft.citable(sentence):
            return sentence
    return None


def _role_choice(draft: Draft, person: Entity, people: list[Entity]) -> None:
    roles = name_distractors(person.role_ar, [p.role_ar for p in people if p is not person])
    sentence = _role_sentence(draft, person)
    if len(roles) < 2 or sentence is None:
        return
    right = bilingual(person.role_ar, person.role_en)
    choices, answer = _choices(f"{draft.slug}role{person.ar}", right,
                               [bilingual(r) for r in roles])
    name = _display(person, person.from_glossary)
    draft.add("person", "person", {
        "type": "single_choice",
        "prompt": {lang: FRAMES["role"][lang].format(name=name[lang]) for lang in ("ar", "en")},
        "choices": choices,
        "answer": answer,
        "explanation": explanation(right, sentence.text),
        "source": draft.source(sentence),
    })


def _role_matching(draft: Draft, people: list[Entity]) -> None:
    pairs = []
    seen_roles: set[str] = set()
    first: Sentence | None = None
    all_have_en = all(p.from_glossary for p in people)
    for person in people:
        sentence = _role_sentence(draft, person)
        if sentence is None or person.role_ar in seen_roles:
            continue
        first = first or sentence
        seen_roles.add(person.role_ar)
        pairs.append({"left": _display(person, all_have_en),
                      "right": bilingual(person.role_ar, person.role_en)})
    if len(pairs) < 3 or first is None:
        return
    draft.add("person", "person", {
        "type": "matching",
        "prompt": dict(FRAMES["roles"]),
        "pairs": pairs,
        "explanation": {"ar": "، ".join(f"{p['left']['ar']}: {p['right']['ar']}" for p in pairs),
                        "en": "; ".join(f"{p['left']['en']}: {p['right']['en']}"
                                        for p in pairs)},
        "source": draft.source(first),
    })


Builder = Callable[[Draft], None]
