"""Quoted statements («...», "...") and defining sentences ("الدومبرا هي آلة ...",
"The dombra is a ..."): a cloze question on a key word of the statement, a flashcard
that asks who said it, and a flashcard for each defined term.
"""

import re

from .compose import Draft, bilingual, explanation
from .folding import fold
from .names import Entity
from .sentences import Sentence
from .wording import BLANK, FRAMES

_QUOTATION = re.compile(r"«([^«»\n]{8,}?)»|\"([^\"\n]{8,}?)\"|“([^“”\n]{8,}?)”")
_WORD = re.compile(r"[^\W\d_][\w\u064b-\u0652\u0670\u0640]*")
_MAX_WORDS = 45
_STOP = {fold(w) for w in (
    "التي", "الذي", "الذين", "هذه", "هذا", "ذلك", "تلك", "أيضا", "أيضاً", "كذلك", "لكن",
    "ولكن", "حيث", "عندما", "بشكل", "خلال", "بين", "على", "إلى", "عملياً", "سيكون", "ستكون",
    "يكون", "تكون", "كانت", "كان", "نحن", "هناك", "فقط", "about", "which", "their", "there",
    "would", "should", "could", "these", "those", "where", "while", "because", "through",
    "other", "after", "before", "being", "every", "never", "always", "million", "billion",
    "thousand", "hundred", "مليون", "مليار", "ملايين", "مليارات", "آلاف")}
_TITLE_BEFORE = re.compile(
    r"(?:رواي[ةت]\S*|كتاب\S*|بعنوان|عنوان\S*|شعار|ديوان\S*|فيلم\S*|مسرحي[ةت]\S*|"
    r"قصيد[ةت]\S*|titled|entitled|called|named|novel|book|film|poem|slogan)\s*$",
    re.IGNORECASE)
_DEFINITION_AR = re.compile(
    r"^(?:و)?(?P<term>(?:ال\S+|\S+)(?:\s+\S+){0,3}?)\s+(?:هي|هو|يُعدّ|يعد|يُعد|تُعدّ|تعد|تُعد|"
    r"يعتبر|تعتبر|يُعتبر|تُعتبر|عبارة عن)\s+(?P<rest>(?:\S+\s+){3,}\S+?)[.!؟]?$")
_DEFINITION_EN = re.compile(
    r"^(?P<term>(?:The |An |A )?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3})\s+"
    r"(?:is|are|was|were)\s+(?P<rest>(?:a|an|the)\s+(?:\S+\s+){2,}\S+?)[.!?]?$")


def _key_word(words: list[re.Match[str]]) -> re.Match[str] | None:
    """The word a reader is asked for: the longest content word, not the first one."""
    candidates = [w for w in words[1:] if len(fold(w.group(0))) >= 5
                  and fold(w.group(0)) not in _STOP and fold(w.group(0))[1:] not in _STOP]
    return max(candidates, key=lambda w: len(fold(w.group(0))), default=None)


def _speaker(draft: Draft, people: list[Entity], sentence: Sentence, start: int
             ) -> Entity | None:
    """The person named nearest before the quotation, in its sentence or the one before."""
    earliest = draft.sentences[max(sentence.index - 1, 0)].start
    best: tuple[int, Entity] | None = None
    for person in people:
        for mention_start, _ in person.mentions:
            near = earliest <= mention_start < start or (
                sentence.start <= mention_start < sentence.end)
            if near and (best is None or abs(start - mention_start) < best[0]):
                best = (abs(start - mention_start), person)
    return best[1] if best else None


def quote_questions(draft: Draft, entities: list[Entity]) -> None:
    people = [e for e in entities if e.kind == "person"]
    roles = {e.key: e for e in people if e.role_ar}
    for match in _QUOTATION.finditer(draft.document):
        group = next(i for i in (1, 2, 3) if match.group(i))
        start, end = match.span(group)
        words = list(_WORD.finditer(draft.document, start, end))
        if not 4 <= len(words) <= _MAX_WORDS * 2:
            continue
        sentence = draft.sentence_at(start)
        if sentence is None or not draft.citable(sentence):
            continue
        source = draft.source(sentence) if sentence.end >= end else {
            "document": draft.slug, "quote": draft.document[match.start():match.end()],
            "quote_en": draft.document[match.start():match.end()]}
        shown_start, shown_end = start, end
        if len(words) > _MAX_WORDS:  # a long statement: its sentence holding the key word
            inner = [s for s in draft.sentences if s.start < end and s.end > start]
            longest = max(inner, key=lambda s: len(s.text))
            shown_start, shown_end = max(longest.start, start), min(longest.end, end)
            words = [w for w in words if shown_start <= w.start() < shown_end]
        key = _key_word(words)
        if key is None:
            continue
        cloze = (draft.document[shown_start:key.start()] + BLANK
                 + draft.document[key.end():shown_end]).strip().rstrip(",،")
        answer = key.group(0)
        key_start = key.start()
        if answer[0] in "وفب" and len(fold(answer)) > 5 and (
                fold(answer[1:3]) == "ال" or re.search(
                    rf"(?<![\w]){re.escape(answer[1:])}(?![\w])", draft.document)):
            # "والمترجم": the blank takes "المترجم", the joined "و" stays in the text.
            answer, key_start = answer[1:], key_start + 1
            cloze = (draft.document[shown_start:key_start] + BLANK
                     + draft.document[key.end():shown_end]).strip().rstrip(",،")
        accepted = [answer]
        if _TITLE_BEFORE.search(draft.document, max(match.start() - 25, 0), match.start()):
            continue  # «بيت على حافة الغيم» after "روايتها": a title, not a statement
        speaker = _speaker(draft, people, sentence, start)
        tags = ["person", "quote"] if speaker else ["event", "quote"]
        draft.add("quote", tags[0], {
            "type": "short_text",
            "prompt": {lang: FRAMES["quote"][lang].format(clause=cloze) for lang in ("ar", "en")},
            "answers": {"ar": accepted, "en": accepted},
            **({"ignore_article": True} if draft.language == "ar" else {}),
            "explanation": explanation(bilingual(answer), source["quote"]),
            "source": source,
            "topic_tags": tags[1:],
        })
        if speaker is None or len(words) > _MAX_WORDS:
            continue
        said = draft.document[start:end].strip().rstrip(",،")
        person = roles.get(speaker.key, speaker)
        back_ar = f"{person.ar}، {person.role_ar}" if person.role_ar else person.ar
        back_en = f"{person.en}, {person.role_en}" if person.role_en else person.en
        draft.add("quote", "person", {
            "type": "flashcard",
            "front": {lang: FRAMES["speaker"][lang].format(clause=said) for lang in ("ar", "en")},
            "back": bilingual(back_ar, back_en),
            "explanation": explanation(bilingual(person.ar, person.en), source["quote"]),
            "source": source,
            "topic_tags": ["quote"],
        })


def definition_questions(draft: Draft) -> None:
    pattern = _DEFINITION_AR if draft.language == "ar" else _DEFINITION_EN
    for sentence in draft.sentences:
        if not draft.citable(sentence) or len(sentence.text) > 400:
            continue
        match = pattern.match(sentence.text)
        if match is None or '"' in match.group("term") or "«" in match.group("term"):
            continue
        term, rest = match.group("term").strip(), match.group("rest").strip()
        term = re.sub(r"^(?:و|ف)?[إا]نّ?\s+", "", term)  # "إن افتتاح المركز هو ..."
        if len(term.split()) > 4 or fold(term.split()[0]) in _STOP:
            continue
        draft.add("definition", "event", {
            "type": "flashcard",
            "front": bilingual(term),
            "back": bilingual(rest),
            "explanation": explanation(bilingual(term), sentence.text),
            "source": draft.source(sentence),
            "topic_tags": ["definition"],
        })
