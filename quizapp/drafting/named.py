"""Questions on the names a document gives: who, where, which (the name blanked from its
sentence, other names of its kind as wrong answers), each person's role, and matchings
of people with their roles and of events with their places."""

import re

from .compose import Draft, bilingual, choices_for, explanation
from .distractors import name_distractors
from .names import Entity
from .sentences import Sentence
from .wording import FRAMES

# A place inside a state's name ("جمهورية الصين الشعبية") is not blanked there.
_STATE_BEFORE = re.compile(r"(?:(?:ال)?(?:جمهورية|مملكة|دولة|إمارة|سلطنة|إمارات)(?:\s+ال\S+)?|"
                           r"[Rr]epublic of|[Kk]ingdom of)\s+$")


def name_questions(draft: Draft, entities: list[Entity], language: str) -> None:
    """Who, where, which: the name blanked from a sentence that mentions it, the other
    names of its kind as wrong choices."""
    by_kind: dict[str, list[Entity]] = {}
    for entity in entities:
        by_kind.setdefault(entity.kind, []).append(entity)
    # A place or a person inside an institution's or an event's name ("سلطة وادي الأردن")
    # is not blanked there: the question would cut a name in two.
    inside = [span for e in entities if e.kind in ("institution", "event") for span in e.mentions]
    for kind, group in by_kind.items():
        for entity in group:
            _name_choice(draft, entity, group, kind, inside if kind in ("place", "person")
                         else [])
    people = [e for e in by_kind.get("person", []) if e.role_ar]
    for person in people:
        _role_choice(draft, person, people)
    if len(people) >= 3:
        _role_matching(draft, people[:6])
    _event_places(draft, by_kind.get("event", []), by_kind.get("place", []))


def _display(entity: Entity, both_spellings: bool, language: str) -> dict[str, str]:
    """A name in the document's spelling, and in the other language's where every name
    shown beside it has one (else all stay in the document's language)."""
    own = entity.ar if language == "ar" else entity.en
    other = entity.en if language == "ar" else entity.ar
    if not both_spellings:
        other = own
    return {"ar": own, "en": other} if language == "ar" else {"ar": other, "en": own}


def _spelled_both_ways(entities: list[Entity]) -> bool:
    return all(e.from_glossary or e.en != e.ar for e in entities)


def _name_choice(draft: Draft, entity: Entity, group: list[Entity], kind: str,
                 inside: list[tuple[int, int]]) -> None:
    """Names of the same kind as wrong choices; a typed answer when the document has too
    few (an event is not a wrong answer for an institution: one is held, one signs)."""
    others = [e for e in group if e is not entity]
    names = name_distractors(entity.ar, [e.ar for e in others])
    mentions = [(s, e) for s, e in entity.mentions
                if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in inside)
                and not _STATE_BEFORE.search(draft.document, max(0, s - 24), s)]
    if not mentions:
        return
    wrong_entities = [next(e for e in others if e.ar == n) for n in names]
    both = _spelled_both_ways([entity] + wrong_entities)
    start, end = mentions[0]
    sentence = draft.sentence_at(start)
    if sentence is None or not draft.citable(sentence):
        return
    mention = draft.document[start:end]
    prefix = re.match(r"^(?:[وفبلك]|وب|ول|بال|وال|لل)(?=.)", mention)
    if prefix and not entity.ar.startswith(prefix.group(0)) and len(mention) > len(entity.ar):
        start += len(prefix.group(0))  # keep the joined و or ب: "و____"
    clause = draft.clause(sentence, start, end)
    right = _display(entity, both, draft.language)
    tag = kind if kind in ("person", "place", "institution", "event") else "event"
    if len(names) < 2:
        draft.add(kind, tag, {
            "type": "short_text",
            "prompt": {lang: FRAMES[kind][lang].format(clause=clause) for lang in ("ar", "en")},
            "answers": _accepted(entity),
            **({"ignore_article": True} if draft.language == "ar" else {}),
            "explanation": explanation(right, sentence.text),
            "source": draft.source(sentence),
        })
        return
    choices, answer = choices_for(f"{draft.slug}{start}", right,
                               [_display(e, both, draft.language) for e in wrong_entities])
    draft.add(kind, tag, {
        "type": "single_choice",
        "prompt": {lang: FRAMES[kind][lang].format(clause=clause) for lang in ("ar", "en")},
        "choices": choices,
        "answer": answer,
        "explanation": explanation(right, sentence.text),
        "source": draft.source(sentence),
    })


def _accepted(entity: Entity) -> dict[str, list[str]]:
    """What a student may type: the name, its other spellings, and the last word of a
    person's name (a family name alone is how the article refers to them later)."""
    spellings = [entity.ar, *entity.variants] if entity.from_glossary else [entity.ar]
    if entity.kind == "person" and len(entity.ar.split()) > 1:
        spellings.append(entity.ar.split()[-1])
    arabic = [s for s in dict.fromkeys(spellings) if re.search("[\u0600-\u06ff]", s)]
    latin = [s for s in dict.fromkeys([entity.en, *entity.variants])
             if not re.search("[\u0600-\u06ff]", s)]
    return {"ar": arabic or latin, "en": latin or arabic}


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
    choices, answer = choices_for(f"{draft.slug}role{person.ar}", right,
                               [bilingual(r) for r in roles])
    name = _display(person, person.from_glossary, draft.language)
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
    both = _spelled_both_ways(people)
    for person in people:
        sentence = _role_sentence(draft, person)
        if sentence is None or person.role_ar in seen_roles:
            continue
        first = first or sentence
        seen_roles.add(person.role_ar)
        pairs.append({"left": _display(person, both, draft.language),
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


def _event_places(draft: Draft, events: list[Entity], places: list[Entity]) -> None:
    """Each event with the place its sentence names ("تستضيف أسوان منتدى ..."), as a
    matching when the document has two such events in two different places."""
    pairs: list[dict[str, dict[str, str]]] = []
    seen: set[str] = set()
    first: Sentence | None = None
    for event in events:
        for start, _ in event.mentions:
            sentence = draft.sentence_at(start)
            if sentence is None or not draft.citable(sentence):
                continue
            place = next((p for p in places for s, _ in p.mentions
                          if sentence.start <= s < sentence.end and p.key not in seen), None)
            if place is None:
                continue
            seen.add(place.key)
            first = first or sentence
            pairs.append({"left": bilingual(event.ar, event.en),
                          "right": _display(place, _spelled_both_ways([place]),
                                            draft.language)})
            break
    if len(pairs) < 2 or first is None:
        return
    draft.add("event", "event", {
        "type": "matching",
        "prompt": dict(FRAMES["event_place"]),
        "pairs": pairs[:6],
        "explanation": {"ar": "، ".join(f"{p['left']['ar']}: {p['right']['ar']}" for p in pairs),
                        "en": "; ".join(f"{p['left']['en']}: {p['right']['en']}"
                                        for p in pairs)},
        "source": draft.source(first),
        "topic_tags": ["place"],
    })
