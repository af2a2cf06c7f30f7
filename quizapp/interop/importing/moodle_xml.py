"""Moodle XML (the question bank's export and import format) read into questions.

Parsed with defusedxml: a DTD, entities or external references are refused outright, so
neither a billion-laughs file nor one reaching for local files gets anywhere.
"""

import xml.etree.ElementTree as ElementTree
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ...core.messages import N_
from ...questions.imported import ImportedAnswer, ImportedQuestion, Texts
from .draft import Reader
from .texts import by_language, plain

_KINDS = ("multichoice", "truefalse", "numerical", "shortanswer", "ordering", "matching",
          "description")


class _LineBuilder(ElementTree.TreeBuilder):
    """Marks each element with the line it starts on, for problems to point at."""

    parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ElementTree.Element:
        element = super().start(tag, attrs)
        element.set("_line", str(self.parser.parser.CurrentLineNumber))
        return element


def _line(element: ElementTree.Element) -> int:
    return int(element.get("_line", "1"))


def _text(element: ElementTree.Element | None) -> str:
    """The <text> child's content (or the element's own text)."""
    if element is None:
        return ""
    child = element.find("text")
    return (child.text if child is not None else element.text) or ""


def _texts(element: ElementTree.Element | None) -> Texts:
    return by_language(_text(element))


def _fraction(answer: ElementTree.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _unit(element: ElementTree.Element) -> Texts | None:
    """The question's unit: each multiplier-1 unit goes to the language its script says
    (the app writes one per language); a lone unit in neither or one script is taken for
    both, a unit being the same sign in either language."""
    names = [_text(unit.find("unit_name")) for unit in element.findall("units/unit")
             if _multiplier(unit) == 1.0]
    names = [name for name in dict.fromkeys(names) if plain(name)]
    if not names:
        return None
    found: Texts = {}
    for name in names:  # multilang spans in a name are split by by_language too
        for lang, text in by_language(name).items():
            found.setdefault(lang, text)
    if len(names) == 1:
        found = {"ar": plain(names[0]), "en": plain(names[0])} | found
    return found


def _multiplier(unit: ElementTree.Element) -> float | None:
    try:
        return float(plain(_text(unit.find("multiplier"))) or "1")
    except ValueError:
        return None


def _question(element: ElementTree.Element, kind: str) -> ImportedQuestion:
    answers = [ImportedAnswer(_texts(answer), _fraction(answer),
                              plain(_text(answer.find("tolerance"))) or None)
               for answer in element.findall("answer")]
    if kind == "ordering":
        # qtype_ordering gives each item's place by its order in the file.
        answers = [ImportedAnswer(answer.text, 100.0) for answer in answers]
    unit = _unit(element)
    pairs = [(_texts(sub), _texts(sub.find("answer"))) for sub in element.findall("subquestion")]
    single = plain(_text(element.find("single")) or "true").lower() not in ("false", "0")
    prompt, back = _texts(element.find("questiontext")), {}
    if kind == "description":
        # A flashcard written as a description: its first paragraph is the front, the
        # rest its back (the feedback stays the explanation).
        first, _, rest = _text(element.find("questiontext")).partition("</p>")
        if by_language(rest):
            prompt, back = by_language(first), by_language(rest)
    return ImportedQuestion(
        kind=kind, line=_line(element), name=plain(_text(element.find("name"))),
        prompt=prompt, back=back,
        feedback=_texts(element.find("generalfeedback")),
        answers=answers, single=single, unit=unit, pairs=pairs,
        tags=[plain(_text(tag)) for tag in element.findall("tags/tag")],
    )


def read(data: bytes, reader: Reader) -> None:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        reader.problem(1, N_("the file declares a DTD or entities, which are refused"))
        return
    except ElementTree.ParseError as error:
        reader.problem(error.position[0], N_("not well-formed XML: %(error)s"),
                       error=str(error).split(":")[0])
        return
    if root.tag != "quiz":
        reader.problem(_line(root), N_("a Moodle XML file starts with <quiz>"))
        return
    for element in root.findall("question"):
        kind = element.get("type", "")
        if kind == "category":
            name = plain(_text(element.find("category"))).split("/")[-1]
            if name and not reader.title:
                reader.title = {"ar": name, "en": name} | by_language(name)
            continue
        if kind not in _KINDS:
            reader.problem(_line(element), N_("question type %(kind)s cannot be imported"),
                           kind=kind or "?")
            continue
        if not reader.add(_question(element, kind)):
            return
