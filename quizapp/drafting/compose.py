"""Facts found in a document made into questions in the bank format (plain mappings)."""

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..core.text import BIDI_CONTROLS
from . import dates as dates_module
from .asking import direct_question
from .dates import DateFact
from .distractors import date_distractors, number_distractors
from .figures import Figure, format_value
from .sentences import Sentence
from .wording import (
    BLANK,
    EXPLANATIONS,
    FRAMES,
    STATEMENT_EXPLANATIONS,
    name_the_language,
)

Question = dict[str, Any]
_CLAUSE_BREAK = re.compile(r"[،,؛;:]\s")
_MIN_CLAUSE_WORDS = 7
_MAX_QUOTE = 1500
_DANGLING = re.compile(r"\s*(?:من\s+\d{1,2}\s*(?:إلى|الى|حتى|-|–)\s*)?"
                       r"(?:(?<![\w\u064b-\u0652])(?:[وف]?في|يوم|قبل نهاية|بعد نهاية|نهاية|"
                       r"مطلع|أواخر|أوائل|منتصف|"
                       r"منذ|بحلول|حتى|خلال|عام|سنة|إلى|الى|مع|in|on|since|by|until|from|to)"
                       r"\s*)*$", re.IGNORECASE)
_MAX_ITEM_WORDS = 14
_MAX_CLAUSE_WORDS = 28
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
    _asked: set[tuple[str, ...]] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)  # each question's fact kind, in order

    def add(self, kind: str, tag: str, question: Question) -> None:
        shown = question.get("prompt") or question.get("front") or {}
        answer = question.get("answer")
        if question["type"] == "single_choice":
            answer = question["choices"][answer]["ar"]
        same = (str(question["type"]), str(shown.get("ar")), str(answer),
                str(question.get("answers")))
        if same in self._asked:
            return  # a sentence the document repeats gives its questions once
        self._asked.add(same)
        number = self.counts.get(kind, 0) + 1
        prefix = (self.id_prefix or self.slug)[:56]
        base = f"{prefix}-{kind[:5]}-{number:02d}-{question['type'][:4]}"
        qid = re.sub(r"-+", "-", base.replace("_", "-")).strip("-")
        while qid in self._ids:
            qid += "x"
        self._ids.add(qid)
        self.counts[kind] = number
        tags = [tag] + [t for t in question.pop("topic_tags", []) if t != tag]
        for field_name in ("prompt", "front"):
            if field_name in question:
                question[field_name] = {
                    lang: name_the_language(text, lang, self.language)
                    for lang, text in question[field_name].items()}
        self.questions.append({"id": qid, **question, "tags": tags})
        self.kinds.append(kind)

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def citable(self, sentence: Sentence) -> bool:
        """A sentence can be quoted as it is: no invisible controls, not too long."""
        return self.citable_text(sentence.text)

    @staticmethod
    def citable_text(text: str) -> bool:
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
        # Enough words around the blank to know what it asks (the blank itself not counted).
        while len(text[left:start].split()) + len(text[end:right].split()) < \
                _MIN_CLAUSE_WORDS and (left > lo or right < hi):
            left = max([p for p in pieces if p < left], default=lo)
            right = min([p - 2 for p in pieces if p - 2 > right], default=hi)
        before, after = text[left:start], text[end:right]
        # A long clause is cut to the words around the blank.
        words_before, words_after = before.split(" "), after.split(" ")
        if len(words_before) + len(words_after) > _MAX_CLAUSE_WORDS:
            if len(words_before) > _MAX_CLAUSE_WORDS // 2 + 2:
                before = "… " + " ".join(words_before[-(_MAX_CLAUSE_WORDS // 2):])
            if len(words_after) > _MAX_CLAUSE_WORDS // 2 + 2:
                after = " ".join(words_after[:_MAX_CLAUSE_WORDS // 2]).rstrip("،,") + " …"
        if not replacement:  # the date taken out, with the preposition that led to it
            before = _DANGLING.sub("", before)
        clause = (before + replacement + after).strip()
        clause = clause.rstrip(".،,؛;: ")
        if clause.count("«") < clause.count("»") and clause.endswith("»"):
            clause = clause[:-1]
        if clause.count("«") > clause.count("»") and clause.startswith("«"):
            clause = clause[1:]
        # The frame sets the clause in «»: a quotation inside it takes the other marks.
        return clause.strip().replace("«", "“").replace("»", "”")


def bilingual(ar: str, en: str | None = None) -> dict[str, str]:
    return {"ar": ar, "en": en if en is not None else ar}


def explanation(answer: dict[str, str], quote: str) -> dict[str, str]:
    return {lang: EXPLANATIONS[lang].format(answer=answer[lang], quote=quote)
            for lang in ("ar", "en")}


def choices_for(qid_seed: str, right: dict[str, str], wrong: list[dict[str, str]]
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
    """A numeric question for each figure, and a true-or-false statement (most with a
    changed figure)."""
    statements = 0
    direct = _direct_questions(draft, figures)
    for figure in figures:
        sentence = draft.sentence_at(figure.number_start)
        if sentence is None or not draft.citable(sentence):
            continue
        clause = draft.clause(sentence, figure.number_start, figure.number_end)
        number = draft.document[figure.number_start:figure.number_end]
        answer_text = format_value(figure.value, number if not figure.in_words else "0")
        asked = direct.get(figure.start)
        if asked:
            prompt = {lang: asked if lang == draft.language else
                      FRAMES["figure_direct"][lang].format(question=asked)
                      for lang in ("ar", "en")}
        else:
            prompt = {lang: FRAMES["figure"][lang].format(clause=clause) for lang in ("ar", "en")}
        question: Question = {
            "type": "numeric",
            "prompt": prompt,
            "answer": _plain_number(figure.value, answer_text),
        }
        tolerance = _tolerance(figure)
        if tolerance:
            question["tolerance"] = tolerance
        if (figure.unit and figure.unit.kind != "time") or figure.magnitude > 1:
            question["unit"] = bilingual(figure.unit_label("ar"), figure.unit_label("en"))
        shown = {lang: f"{answer_text} {figure.unit_label(lang)}".strip() for lang in ("ar", "en")}
        question["explanation"] = explanation(shown, sentence.text)
        question["source"] = draft.source(sentence)
        draft.add("figure", "figure", question)
        statements += 1
        # A changed figure never repeats another figure of its sentence ("45 million
        # tonnes this year, up from 45 million").
        in_sentence = {f.value for f in figures if sentence.start <= f.start < sentence.end}
        wrong = [v for v in number_distractors(figure, figures) if v not in in_sentence][:1]
        # Every third statement is true as the text has it, so that "false" is not always
        # the answer; the others change the figure.
        true = statements % 3 == 0 or not wrong
        changed = number if true else figure.written_as(format_value(
            wrong[0], number if not figure.in_words else "0"))
        statement = draft.clause(sentence, figure.number_start, figure.number_end, changed)
        given = {lang: f"{changed} {figure.unit_label(lang)}".strip() for lang in ("ar", "en")}
        draft.add("figure", "figure", {
            "type": "true_false",
            "prompt": {lang: FRAMES["figure_statement"][lang].format(clause=statement)
                       for lang in ("ar", "en")},
            "answer": true,
            "explanation": {lang: STATEMENT_EXPLANATIONS[true][lang].format(
                answer=shown[lang], given=given[lang], quote=sentence.text)
                for lang in ("ar", "en")},
            "source": draft.source(sentence),
        })


def _direct_questions(draft: Draft, figures: list[Figure]) -> dict[int, str]:
    """Each figure's direct question where its sentence allows one; a question two figures
    would share ("كم بلغ عدد الزوار؟" of two years) is no question, and both keep the
    cloze."""
    asked: dict[int, str] = {}
    for figure in figures:
        sentence = draft.sentence_at(figure.number_start)
        if sentence is not None:
            question = direct_question(draft.document, sentence, figure, draft.language)
            if question:
                asked[figure.start] = question
    repeated = {q for q in asked.values() if list(asked.values()).count(q) > 1}
    return {start: q for start, q in asked.items() if q not in repeated}


def _plain_number(value: Decimal, written: str) -> int | float | str:
    """A YAML number where the document writes Western digits (620, 1.4), else the
    text as written ("٦٢٠"), which the numeric type reads too."""
    if re.search("[\u0660-\u0669\u06f0-\u06f9]", written):
        return written
    return int(value) if value == value.to_integral_value() else float(value)


def _tolerance(figure: Figure) -> int | float | str:
    """Exact for counts and stated figures; 5 % either way for an "about" figure."""
    if not figure.approximate or figure.value < 20:
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
        choices, answer = choices_for(f"{draft.slug}{fact.start}", right, wrong)
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
        text = re.sub(r"^(?:[وف]?في|[وف]|منذ|In|in|On|on|Since)?\s*[،,]?\s*", "", text)
        text = text.strip(" ،,")
        words = text.split()
        if len(words) > _MAX_ITEM_WORDS:
            text = " ".join(words[:_MAX_ITEM_WORDS]).rstrip("،,.") + " …"
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

