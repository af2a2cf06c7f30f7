"""GIFT, Moodle's plain-text question format, read into questions.

Written here rather than with pygiftparser (last released 2017, no line numbers, no
multilang): GIFT is small, and every problem must say its line.
"""

import re

from ...core.messages import N_
from ...questions.imported import ImportedAnswer, ImportedQuestion
from .draft import Reader
from .texts import by_language

_ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n", "\\": "\\"}
_META = re.compile(r"\[(id|tag):([^\]]+)\]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMBER = r"-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?"
_TRUE = ("T", "TRUE")
_FALSE = ("F", "FALSE")


def _unescape(text: str) -> str:
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPES:
            out.append(_ESCAPES[text[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out).strip()


def _split(text: str, marks: str) -> list[tuple[str, str]]:
    """Splits at each unescaped mark: [(mark, text after it), ...]; the text before the
    first mark comes first with an empty mark."""
    parts: list[tuple[str, str]] = []
    mark, start, index = "", 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char in marks:
            parts.append((mark, text[start:index]))
            mark, start = char, index + 1
        index += 1
    parts.append((mark, text[start:]))
    return parts


def _find(text: str, char: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            return index
        index += 1
    return -1


def _feedback(text: str) -> tuple[str, str]:
    """An answer's text and its own feedback (after an unescaped #)."""
    at = _find(text, "#")
    return (text, "") if at < 0 else (text[:at], text[at + 1:])


def _blocks(source: str) -> list[tuple[int, list[str]]]:
    """Questions, separated by blank lines, each with the line it starts on."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            if current:
                blocks.append((start, current))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    return blocks


def read(data: bytes, reader: Reader) -> None:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.problem(1, N_("cannot read the file as UTF-8 text"))
        return
    for start, lines in _blocks(source):
        meta_id, first = "", start
        tags: list[str] = []
        body: list[str] = []
        for offset, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith("//"):
                for key, value in _META.findall(stripped):
                    if key == "id":
                        meta_id = value.strip()
                    else:
                        tags.append(value.strip())
                continue
            if stripped.startswith("$CATEGORY:"):
                name = stripped.removeprefix("$CATEGORY:").strip().split("/")[-1]
                if name and not reader.title:
                    reader.title = {"ar": name, "en": name} | by_language(name)
                continue
            if not body:
                first = start + offset
            body.append(line)
        if body:
            question = _question("\n".join(body), first, meta_id, tags, reader)
            if question is not None and not reader.add(question):
                return


def _question(text: str, line: int, meta_id: str, tags: list[str],
              reader: Reader) -> ImportedQuestion | None:
    name = ""
    if text.lstrip().startswith("::"):
        text = text.lstrip()[2:]
        end = text.find("::")
        if end < 0:
            reader.problem(line, N_("the question's title is not closed with ::"))
            return None
        name, text = text[:end].strip(), text[end + 2:]
    text = re.sub(r"^\s*\[(html|moodle|plain|markdown)\]", "", text)
    opening = _find(text, "{")
    if opening < 0:  # no answers: a description
        return ImportedQuestion("description", line, meta_id or name,
                                by_language(_unescape(text)), tags=tags)
    closing = _find(text, "}", opening)
    if closing < 0:
        reader.problem(line, N_("the answers are not closed with }"))
        return None
    prompt_text = text[:opening] + (" _____ " if text[closing + 1:].strip() else "") + \
        text[closing + 1:]
    prompt = by_language(_unescape(prompt_text))
    block, general = text[opening + 1:closing], ""
    at = block.find("####")
    if at >= 0:
        block, general = block[:at], block[at + 4:]
    feedback = by_language(_unescape(general))
    base = {"line": line, "name": meta_id or name, "prompt": prompt, "feedback": feedback,
            "tags": tags}
    answer_text = block.strip()
    if not answer_text:
        reader.problem(line, N_("question type %(kind)s cannot be imported"), kind="essay")
        return None
    if answer_text.startswith("#"):
        return _numerical(answer_text[1:], base, reader)
    word = _feedback(answer_text)[0].strip().upper()
    if word in _TRUE + _FALSE:
        said = "true" if word in _TRUE else "false"
        return ImportedQuestion("truefalse", answers=[ImportedAnswer({"en": said}, 100.0)],
                                **base)  # type: ignore[arg-type]
    return _choices(answer_text, base, reader)


def _numerical(block: str, base: dict[str, object], reader: Reader) -> ImportedQuestion | None:
    answers = []
    for mark, part in _split(block, "="):
        value = _feedback(part)[0].strip()
        if not value and not mark:
            continue
        weight = _WEIGHT.match(value)
        value = value[weight.end():] if weight else value
        fraction = float(weight.group(1)) if weight else 100.0
        if span := re.fullmatch(rf"({_NUMBER})\.\.({_NUMBER})", value):
            low, high = (float(n.replace(",", ".")) for n in span.groups())
            middle = (low + high) / 2
            answers.append(ImportedAnswer({"en": f"{middle:g}"}, fraction, f"{high - middle:g}"))
        elif exact := re.fullmatch(rf"({_NUMBER})(?::({_NUMBER}))?", value):
            answers.append(ImportedAnswer({"en": exact.group(1)}, fraction, exact.group(2)))
        else:
            reader.problem(int(str(base["line"])), N_("%(value)s is not a number"), value=value)
            return None
    return ImportedQuestion("numerical", answers=answers, **base)  # type: ignore[arg-type]


def _choices(block: str, base: dict[str, object], reader: Reader) -> ImportedQuestion | None:
    parts = [(mark, part) for mark, part in _split(block, "=~") if mark]
    if not parts:
        reader.problem(int(str(base["line"])), N_("no answer could be read"))
        return None
    if all(mark == "=" and _find(part, "-") >= 0 and "->" in part for mark, part in parts):
        pairs = []
        for _, part in parts:
            left, _, right = part.partition("->")
            pairs.append((by_language(_unescape(left)), by_language(_unescape(right))))
        return ImportedQuestion("matching", pairs=pairs, **base)  # type: ignore[arg-type]
    answers = []
    for mark, part in parts:
        text = _feedback(part)[0].strip()
        weight = _WEIGHT.match(text)
        text = text[weight.end():] if weight else text
        fraction = float(weight.group(1)) if weight else (100.0 if mark == "=" else 0.0)
        answers.append(ImportedAnswer(by_language(_unescape(text)), fraction))
    if all(mark == "=" for mark, _ in parts):
        return ImportedQuestion("shortanswer", answers=answers, **base)  # type: ignore[arg-type]
    single = sum(answer.fraction > 0 for answer in answers) == 1 and \
        max(answer.fraction for answer in answers) >= 100
    return ImportedQuestion("multichoice", answers=answers, single=single,
                            **base)  # type: ignore[arg-type]
