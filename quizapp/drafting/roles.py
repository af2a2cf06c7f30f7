"""People introduced by their role: before the name ("وزيرة الثقافة عايدة بالاييفا",
"Minister of Culture Aida Balayeva") or after it, set off by a comma ("تاتيانا
كوكينوفا، الخبيرة البارزة في الشؤون الصينية", "Jane Smith, the museum's director").
"""

import re
from typing import Any

# Words a name may carry inside it: عبد الفتاح، أبو بكر، بن سلمان; al-, bin, de, van.
_NAME_PARTICLES = {"عبد", "ابو", "بن", "ابن", "بنت", "ال", "ذي", "ذو", "bin", "al", "de",
                   "van", "von", "el", "da", "del", "la", "le", "abu", "ibn"}
# What holds an Arabic name together: a "بن/بنت/ابن/آل" chain needs a word on each side,
# and the first half of a compound given name (عبد الله، أبو بكر، ذي يزن) its second.
_CHAIN_LINKS = {"بن", "بنت", "ابن", "ال"}
_COMPOUND_FIRST = {"عبد", "ابو", "ذي", "ذو", "ذا"}
# Honorifics: they announce a name ("صاحب السمو السيد ...", "معالي الشيخ ...") but are
# part of neither the name nor the role.
_HONORIFICS = {"صاحب", "صاحبه", "السمو", "سمو", "معالي", "سعاده", "فخامه", "سماحه", "فضيله",
               "جلاله", "السيد", "السيده", "الشيخ", "الشيخه"}
_INTRODUCERS = {"وفقا", "ووفقا", "طبقا", "وطبقا", "بحسب", "وبحسب", "حسب", "قال", "وقال",
                "قالت", "وقالت", "اكد", "واكد", "اكدت", "واكدت", "اوضح", "واوضح", "اوضحت",
                "واوضحت", "اشار", "واشار", "اشارت", "واشارت", "اضاف", "واضاف", "اضافت",
                "واضافت", "يقول", "ويقول", "تقول", "وتقول"}
_HEADS: frozenset[str] = frozenset()
# Titles that stand between a role and a name ("مدير المكتبة الدكتور ..."): part of
# neither the role's wording nor the name.
_TITLES = {"الدكتور", "الدكتوره", "المهندس", "المهندسه", "الاستاذ", "الاستاذه", "السيد",
           "السيده", "البروفيسور", "الشيخ", "dr", "dr.", "mr", "mrs", "ms", "professor",
           "captain", "colonel", "sir"}
_REPEATED: set[str] = set()
_ARTICLE: set[int] = set()
_NAMES: set[int] = set()  # words the document writes more than once


def _role_token(word: str, roles: frozenset[str]) -> bool:
    if word in roles:
        return True
    return any(word.startswith(p) and word[len(p):] in roles for p in ("و", "ف", "ب", "ل", "ك"))


def _is_english(word: str) -> bool:
    return word.isascii()


def find_people(document: str, doc: Any, tokens: list[Any], static: dict[str, Any],
                taken: list[tuple[int, int]]) -> list[tuple[Any, int, int]]:
    from .names import Entity

    roles, stop = static["roles"], static["stop"]
    global _HEADS, _REPEATED
    _HEADS = static["institution"] | static["event"] | static["place"] | frozenset(
        static["places"]) | frozenset({"جمهوريه", "مملكه", "دوله", "republic", "kingdom"})
    global _PLACES
    _PLACES = frozenset(static["places"])
    seen: set[str] = set()
    _REPEATED = set()
    for token in tokens:
        for word in (token.word, token.word[1:]):
            (_REPEATED if word in seen else seen).add(word)
    global _ARTICLE
    # Words that begin with the article as written (ال), not a name such as إلياس that
    # only folds to it.
    _ARTICLE = {i for i, t in enumerate(tokens)
                if document[doc.offsets[t.start]:doc.offsets[t.start] + 2] == "ال"}
    global _NAMES
    # "علي" (a name) folds as "على" (on) does; the letter as written tells them apart.
    _NAMES = {i for i, t in enumerate(tokens)
              if t.word == "علي" and document[doc.offsets[t.end - 1]] == "ي"}
    people: list[tuple[Any, int, int]] = []
    surnames: dict[str, Any] = {}

    def written(i: int) -> str:
        """A word as the document spells it, without harakat."""
        return re.sub("[\u064b-\u0652\u0640]", "", original(i, i))

    def original(first: int, last: int) -> str:
        return document[slice(*doc.span(tokens[first].start, tokens[last].end))]

    def capital(i: int) -> bool:
        return document[doc.offsets[tokens[i].start]].isupper()

    def clear(i: int) -> bool:
        return not tokens[i].gap_before.strip()

    def overlaps(first: int, last: int) -> bool:
        start, end = tokens[first].start, tokens[last].end
        return any(s < end and start < e for s, e in taken)

    for index, token in enumerate(tokens):
        word = token.word
        english = _is_english(word)
        if not (_role_token(word, roles) or (english and word.rstrip(".") in roles)
                or word in _HONORIFICS):
            continue
        if english and not (index + 1 < len(tokens) and capital(index + 1)
                            and clear(index + 1)) and not capital(index):
            # "Jane Smith, the museum's director": the role follows the name.
            found = _postposed(tokens, index, stop, roles, english=True, capital=capital)
        else:
            found = _preposed(tokens, index, stop, roles, english, capital, clear) or \
                _postposed(tokens, index, stop, roles, english, capital)
        if found is None and english:
            found = _english_apposition(tokens, index, capital, clear)
        if found is None:
            continue
        (name_first, name_last), (role_first, role_last) = found
        if not english:
            name_first, name_last = _whole_arabic_name(tokens, name_first, name_last, roles,
                                                      stop, clear)
        if english and role_first == index:
            role_first = _english_role_start(tokens, index, roles, stop, clear, capital)
        while role_last > role_first and tokens[role_last].word in _TITLES | _HONORIFICS:
            role_last -= 1
        while role_first < role_last and tokens[role_first].word in _HONORIFICS:
            role_first += 1
        if overlaps(name_first, name_last):
            continue
        # A title or an honorific alone ("الدكتور", "السيد") is no role: the apposition
        # after the name ("...، مدير عام المتحف") gives it, or the person has none.
        titled = all(tokens[i].word in _TITLES | _HONORIFICS
                     for i in range(role_first, role_last + 1))
        name = original(name_first, name_last)
        if not english and name_first and tokens[name_first - 1].word in _INTRODUCERS:
            name = re.sub(r"^ل", "", name)
        role = original(role_first, role_last).strip(" ,")
        if not english and tokens[role_first].word not in roles | _HONORIFICS:
            role = role[1:]  # the joined و, ب or ل of "ووزيرة", "لرئيس"
        if titled:
            role = ""
        start, end = tokens[name_first].start, tokens[name_last].end
        same = next((i for i, (_, s, e) in enumerate(people) if s < end and start < e), None)
        if same is not None:
            known, s, e = people[same]
            if role and not known.role_ar and (s, e) == (start, end):
                known.role_ar = known.role_en = role
            continue
        entity = Entity("person", name, name, role_ar=role, role_en=role)
        people.append((entity, start, end))
        # The family name alone names the person later ("وقال السعيد", "Smith said"); a
        # father's name after بن/بنت ("فاطمة بنت علي") or a particle never does.
        if name_last > name_first and tokens[name_last - 1].word not in _NAME_PARTICLES \
                and tokens[name_last].word not in _NAME_PARTICLES | stop:
            surnames[tokens[name_last].word] = (entity, written(name_last))
    # Later mentions by the family name alone ("وقال السعيد", "Smith said").
    for index, token in enumerate(tokens):
        word = token.word if token.word in surnames else token.word[1:]
        if word not in surnames or overlaps(index, index):
            continue
        known, spelling = surnames[word]
        if not written(index).endswith(spelling):
            continue  # the same letters once folded (على and علي), not the same word
        if any(s <= token.start < e for _, s, e in people):
            continue
        people.append((Entity("person", known.ar, known.en), token.start, token.end))
    return people


def _whole_arabic_name(tokens: list[Any], first: int, last: int, roles: frozenset[str],
                       stop: frozenset[str], clear: Any) -> tuple[int, int]:
    """The name widened to its whole "بن/بنت/آل" chain and compound given names: "ذي يزن
    بن هيثم آل سعيد", not "هيثم آل سعيد"; never across punctuation, a role, a title or
    an honorific."""

    def blocked(i: int) -> bool:
        word = tokens[i].word
        return ((word in stop and i not in _NAMES) or word in roles or word in _TITLES
                or word in _HONORIFICS or word in _INTRODUCERS or word in _HEADS
                or _role_token(word, roles))

    for _ in range(6):
        if first == 0 or not clear(first) or blocked(first - 1):
            break
        before = tokens[first - 1].word
        if tokens[first].word in _CHAIN_LINKS or before in _CHAIN_LINKS | _COMPOUND_FIRST:
            first -= 1
        else:
            break
    for _ in range(6):
        if last + 1 >= len(tokens) or not clear(last + 1) or blocked(last + 1):
            break
        after = tokens[last + 1].word
        if tokens[last].word in _CHAIN_LINKS | _COMPOUND_FIRST:
            last += 1
        elif after in _CHAIN_LINKS and last + 2 < len(tokens) and clear(last + 2) \
                and not blocked(last + 2):
            last += 2
        else:
            break
    return first, last


def _english_apposition(tokens: list[Any], index: int, capital: Any, clear: Any
                        ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ROLE, NAME, ...: "Kenya's Transport Minister, Grace Wanjiru, opened": two or three
    capitalised words set off by commas right after the role."""
    follow = index + 1
    if follow >= len(tokens) or tokens[follow].gap_before.strip() != "," or \
            not capital(follow) or tokens[follow].word.rstrip(".") in _TITLES:
        return None  # "the head librarian, Dr Samuel Okafor": the title's own rule
    last = follow
    while last + 1 < len(tokens) and clear(last + 1) and capital(last + 1) and \
            last - follow < 2:
        last += 1
    closing = tokens[last + 1].gap_before.strip() if last + 1 < len(tokens) else "."
    if last == follow or closing[:1] not in (",", "."):
        return None
    return (follow, last), (index, index)


_ROLE_WORDS_BEFORE = {"head", "chief", "senior", "deputy", "managing", "general", "vice",
                      "executive", "assistant", "acting", "former", "leading", "council"}


def _english_role_start(tokens: list[Any], index: int, roles: frozenset[str],
                        stop: frozenset[str], clear: Any, capital: Any) -> int:
    """Where an English role begins: "Council leader", "Kenya's Transport Minister", and
    "the head librarian, Dr" (the role before a title, across its comma)."""
    first = index
    if tokens[index].word in _TITLES and "," in tokens[index].gap_before and index > 0:
        # "The managing director of the Kenya Ports Authority, Captain ...": back over
        # the institution the role is of, to the role word.
        back = index - 1
        while back > 0 and index - back < 8 and tokens[back].word not in roles and clear(
                back) and (capital(back) or tokens[back].word in ("of", "the", "for")):
            back -= 1
        if tokens[back].word in roles:
            first = back
    for _ in range(2):
        if first == 0 or not clear(first):
            break
        word = tokens[first - 1].word
        if word in stop:
            break
        if not (word in _ROLE_WORDS_BEFORE or word in roles or word.endswith(("'s", "’s"))
                or capital(first - 1)):
            break
        first -= 1
    return first


def _name_after(tokens: list[Any], first: int, stop: frozenset[str], roles: frozenset[str],
                english: bool, capital: Any, clear: Any) -> tuple[int, int] | None:
    heads = _HEADS
    last = first - 1
    limit = 3
    for index in range(first, min(first + 5, len(tokens))):
        word = tokens[index].word
        if index > first and not clear(index):
            break
        if (word in stop and index not in _NAMES) or _role_token(word, roles) or \
                word in roles or word in heads:
            break
        if english:
            if not capital(index) and word not in _NAME_PARTICLES:
                break
        elif index == first and index in _ARTICLE:
            break
        elif word.startswith(("لل", "بال", "وال", "فال")):
            break
        if word in _NAME_PARTICLES:
            limit += 1
        if index - first >= limit:
            break
        last = index
    if last < first or (not clear(first)):
        return None
    if last == first:
        return None  # one word alone is too often not a name
    words = [tokens[i].word for i in range(first, last + 1)]
    if not english and len([w for w in words if w not in _NAME_PARTICLES]) >= 3:
        # A third word is a family name when it is a nisba (العامري), ends the phrase, or
        # comes back alone later; otherwise the second word ended the name ("سلمى بنعيسى
        # قيادة الفريق").
        third = words[-1]
        following = tokens[last + 1].word if last + 1 < len(tokens) else ""
        ends = (last + 1 >= len(tokens) or tokens[last + 1].gap_before.strip()
                or following in stop or _role_token(following, roles)
                or (following.startswith("و") and len(following) > 2))
        if not (third.startswith("ال") or ends or third in _REPEATED) and words[1] in _REPEATED:
            last -= 1
        elif not (third.startswith("ال") or ends or third in _REPEATED):
            last -= 1
    return first, last


def static_places() -> frozenset[str]:
    return _PLACES


_PLACES: frozenset[str] = frozenset()


def _preposed(tokens: list[Any], index: int, stop: frozenset[str], roles: frozenset[str],
              english: bool, capital: Any, clear: Any
              ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    role_last = index
    follow = index + 1
    if english:
        # "Minister of Culture and Sport Aida Balayeva": the role takes "of" and what
        # follows; of a capitalised run longer than two words, the last two are the name.
        while follow < len(tokens) and clear(follow) and tokens[follow].word in (
                "of", "for", "and", "the", "general") or (
                follow < len(tokens) and clear(follow) and tokens[follow].word in roles):
            follow += 1
        if follow > index + 1:
            run = follow
            while run < len(tokens) and clear(run) and capital(run):
                run += 1
            if run - follow >= 3:
                role_last = run - 3
                follow = run - 2
            else:
                return None
    else:
        while follow < len(tokens) and follow - index < 8 and clear(follow) and (
                follow in _ARTICLE or tokens[follow].word.startswith(("لل", "وال"))
                or (tokens[follow].word in ("لدي", "في") and follow + 1 < len(tokens)
                    and (follow + 1 in _ARTICLE or tokens[follow + 1].word in _PLACES))
                or _role_token(tokens[follow].word, roles) or tokens[follow].word == "د"
                or (tokens[follow].word in _HEADS and tokens[follow].word not in static_places())
                or (tokens[follow].word[:1] == "ل" and tokens[follow].word[1:] in _HEADS)):
            if tokens[follow].word in stop and tokens[follow].word not in ("لدي", "في"):
                break
            role_last = follow
            follow += 1
    if follow >= len(tokens):
        return None
    name = _name_after(tokens, follow, stop, roles, english, capital, clear)
    if name is None:
        return None
    return name, (index, role_last)


def _postposed(tokens: list[Any], index: int, stop: frozenset[str], roles: frozenset[str],
               english: bool, capital: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """NAME, ROLE: the role word right after a comma (or after "the", "a" in English)."""
    first = index
    if english:
        while first > 0 and tokens[first - 1].word in ("the", "a", "an", "its", "his", "her") \
                and not tokens[first].gap_before.strip():
            first -= 1
    gap = tokens[first].gap_before
    if "،" not in gap and "," not in gap:
        return None
    last = first - 1
    name_first = last
    while name_first > 0 and last - name_first < 3:
        word = tokens[name_first].word
        if (word in stop and name_first not in _NAMES) or word in roles or \
                word in _INTRODUCERS or word in _HEADS:
            break
        if english and not (capital(name_first) or word in ("bin", "al", "de", "van")):
            break
        if not english and name_first in _ARTICLE and name_first != last:
            break
        if name_first < last and tokens[name_first + 1].gap_before.strip():
            break
        name_first -= 1
    name_first += 1
    if last - name_first < 1:
        return None
    role_last = index
    while role_last + 1 < len(tokens) and role_last - index < 7 and \
            not tokens[role_last + 1].gap_before.strip():
        role_last += 1
    return (name_first, last), (first if not english else index, role_last)
