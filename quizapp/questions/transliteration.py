"""Names as students spell them: the same name written down by ear, in either script.

``fold`` maps the letters that transliterations of one name swap (ة/ه/ا at a word's end,
غ/ج/ق for g, تش/ش, ط/ت, doubled letters; kh/k, q/k, y/i, c/k ...) to one form, and
``close`` allows a few more slips on top, growing with the name's length. Digits are
never fuzzy: "20th" is not "21st".
"""

import re

_ARABIC = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ض": "د", "ص": "س", "ظ": "ز",
                         "ذ": "ز", "ث": "س", "ء": None, "گ": "ج", "چ": "ش", "پ": "ب"})
_ENGLISH = [("tch", "ch"), ("kh", "k"), ("gh", "g"), ("zh", "j"), ("ck", "k"), ("ph", "f"),
            ("q", "k"), ("c", "k"), ("y", "i"), ("w", "v")]
_DOUBLED = re.compile(r"(.)\1+")
_DIGITS = re.compile(r"\d+")

# Words a fair teacher ignores around a name: "مدينة سمرقند", "Republic of Kazakhstan",
# "President Rahmon".
HEAD_WORDS = {
    "مدينه", "حي", "منطقه", "مقاطعه", "جمهوريه", "ولايه", "بلده", "دوله",
    "city", "town", "district", "province", "republic", "region", "country", "of",
    "رييس", "الرييس", "الوزيره", "الوزير", "الشاعر", "السيد", "السيده", "الخبيره",
    "president", "minister", "poet", "mr", "mrs", "ms", "dr",
}
# Words that make a name into a different answer when added to it.
_NOT_NAME = {"or", "and", "not", "او", "لا", "ليس", "ليست", "غير", "و"}


def fold_word(word: str) -> str:
    """One normalised word (from ``normalise.answer_words``) in its transliteration-blind
    form."""
    if re.search(r"[a-z]", word):
        for spelling, sound in _ENGLISH:
            word = word.replace(spelling, sound)
    else:
        word = word.replace("تش", "ش").translate(_ARABIC)
        if len(word) > 2 and word[-1] in "هة":
            word = word[:-1] + "ا"  # خيوة, خيوا; الدومبرة, الدومبرا
    return _DOUBLED.sub(r"\1", word)


def allowed_slips(length: int) -> int:
    """How many letters may differ in a folded name of ``length`` letters."""
    return 0 if length <= 3 else 1 if length <= 7 else 2 if length <= 13 else 3


def distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbours counted once."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1,
                       previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def close(given: str, accepted: str) -> bool:
    """Whether folded ``given`` is ``accepted`` spelled differently: same digits, and few
    slips for its length."""
    if _DIGITS.findall(given) != _DIGITS.findall(accepted):
        return False
    return distance(given, accepted) <= allowed_slips(len(accepted))


def without_head_words(words: list[str]) -> list[str]:
    """The words less generic head words and titles, unless nothing else is left."""
    return [word for word in words if word not in HEAD_WORDS] or words


def name_words(words: list[str]) -> list[str]:
    """Folded words without the generic head words around them."""
    return [fold_word(word) for word in without_head_words(words)]


def adds_other_answer(extra: list[str]) -> bool:
    """Whether words added to a name make a second answer: "or", "not", or Arabic's
    joined و ("كازاخستان وأوزبكستان")."""
    return any(word in _NOT_NAME or (word.startswith("و") and len(word) > 3)
               for word in extra)
