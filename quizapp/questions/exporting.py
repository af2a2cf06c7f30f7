"""What the question types' export hooks share: escaping for HTML and GIFT, Moodle's
multilang spans and answer elements, and the Arabic spellings Moodle does not normalise.
Plain data in and out; the formats themselves are in ``quizapp.interop``."""

import itertools
from collections.abc import Iterable, Mapping
from decimal import ROUND_DOWN, Decimal
from html import escape
from xml.etree.ElementTree import Element, SubElement

from .schema import LANGUAGES

_DIRECTION = {"ar": "rtl", "en": "ltr"}


def html_text(text: object, lang: str) -> str:
    """Bank text as an HTML fragment in its language's direction."""
    return f'<span lang="{lang}" dir="{_DIRECTION[lang]}">{escape(str(text))}</span>'


def html_list(texts: Iterable[object], lang: str, *, ordered: bool = False) -> str:
    """A list of bank texts, one item each, right to left in Arabic."""
    tag = "ol" if ordered else "ul"
    items = "".join(f"<li>{escape(str(text))}</li>" for text in texts)
    return f'<{tag} lang="{lang}" dir="{_DIRECTION[lang]}">{items}</{tag}>'


def multilang(texts: Mapping[str, object]) -> str:
    """Both languages in Moodle's multilang spans: the multilang filter shows the one the
    reader uses (both are shown where the filter is off)."""
    return "".join(f'<span lang="{lang}" class="multilang" dir="{_DIRECTION[lang]}">'
                   f"{escape(str(texts[lang]))}</span>" for lang in LANGUAGES)


def moodle_question(kind: str, prompt: Mapping[str, str] | str) -> Element:
    """A ``<question type=kind>`` with its question text (multilang, or HTML as given)."""
    question = Element("question", type=kind)
    text = prompt if isinstance(prompt, str) else multilang(prompt)
    add_text(question, "questiontext", text, html=True)
    return question


def add_text(parent: Element, tag: str, text: str, *, html: bool = False,
             **attributes: str) -> Element:
    """``<tag format="html"><text>...</text></tag>`` (no format attribute when plain)."""
    if html:
        attributes = {"format": "html", **attributes}
    element = SubElement(parent, tag, attributes)
    SubElement(element, "text").text = text
    return element


def add_answer(parent: Element, fraction: float, text: str, *, html: bool = True) -> Element:
    return add_text(parent, "answer", text, html=html, fraction=fraction_text(fraction))


def fraction_text(fraction: float) -> str:
    """A Moodle grade fraction, five decimals cut (not rounded) so that shares of 100
    never add up to more: 100, 50, 33.33333, 16.66666, -12.5..."""
    cut = Decimal(repr(fraction)).quantize(Decimal("0.00001"), rounding=ROUND_DOWN)
    return f"{cut:f}".rstrip("0").rstrip(".")


def add_plain(parent: Element, tag: str, value: object) -> Element:
    element = SubElement(parent, tag)
    element.text = str(value)
    return element


_GIFT_SPECIAL = "\\~=#{}:"


def gift_escape(text: object) -> str:
    """GIFT text: its special characters escaped, on one line."""
    plain = " ".join(str(text).split())
    return "".join("\\" + char if char in _GIFT_SPECIAL else char for char in plain)


# Arabic spellings a student types for the same word and Moodle's shortanswer compares
# as different strings (it only ignores case): the hamza on an initial alef, the final
# taa marbuta written as haa, and the article.
# The forms of an initial alef a student may type for the one the bank writes: without
# its hamza (the commonest), or with one where the bank left it out.
_ALEF_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ا": "اأإ"}


def _word_forms(word: str) -> list[str]:
    if word.startswith("ال") and len(word) > 3:
        return ["ال" + form for form in _word_forms(word[2:])]  # the article's alef stays
    forms = [word] + [alef + word[1:] for alef in _ALEF_FORMS.get(word[:1], "")
                      if alef != word[0]]
    if word.endswith("ة"):
        forms += [form[:-1] + "ه" for form in forms]
    return forms


def arabic_spellings(answer: str, *, add_article: bool = False,
                     limit: int = 32) -> list[str]:
    """The accepted ``answer`` and the spellings a student may type for it: initial alef
    with or without hamza, final ة or ه, and the first word without its ال (and with
    one, when the bank ignores the article). At most ``limit``, the answer first."""
    words = answer.split()
    if not words:
        return [answer]
    first = words[0]
    if first.startswith("ال") and len(first) > 3:
        firsts = [first, first[2:]]
    else:
        firsts = [first, "ال" + first] if add_article else [first]
    spellings: list[str] = []
    options = [[form for start in firsts for form in _word_forms(start)],
               *[_word_forms(word) for word in words[1:]]]
    for combination in itertools.product(*options):
        spelling = " ".join(combination)
        if spelling not in spellings:
            spellings.append(spelling)
        if len(spellings) >= limit:
            break
    return spellings
