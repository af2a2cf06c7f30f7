"""Moodle XML and GIFT written from a bank's YAML, for the import tests' round trips.

A stand-in for the app's own exporter: the round-trip tests use ``quizapp.interop``'s
exporter when it exists (see ``exporter``) and these otherwise.
"""

from typing import Any
from xml.sax.saxutils import escape

Bank = dict[str, Any]


def multilang(text: dict[str, str]) -> str:
    return "".join(f'<span lang="{lang}" class="multilang">{escape(str(text[lang]))}</span>'
                   for lang in ("ar", "en"))


def _text(tag: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {key}="{value}"' for key, value in attrs.items())
    return f"<{tag}{extra}><text><![CDATA[{text}]]></text></{tag}>"


def _answer(text: str, fraction: float, inner: str = "") -> str:
    return f'<answer fraction="{fraction:g}" format="html"><text><![CDATA[{text}]]></text>' \
        f"{inner}</answer>"


def _moodle_question(question: dict[str, Any]) -> str:
    kind = question["type"]
    parts: list[str] = []
    if kind == "flashcard":
        qtype = "description"
        parts += [_text("questiontext", multilang(question["front"]), format="html"),
                  _text("generalfeedback", multilang(question["back"]), format="html")]
    else:
        parts += [_text("questiontext", multilang(question["prompt"]), format="html"),
                  _text("generalfeedback", multilang(question["explanation"]), format="html")]
    if kind in ("single_choice", "multiple_choice"):
        qtype = "multichoice"
        right = [question["answer"]] if kind == "single_choice" else question["answers"]
        parts.append(f"<single>{'true' if kind == 'single_choice' else 'false'}</single>")
        parts += [_answer(multilang(text), 100 / len(right) if key in right else 0)
                  for key, text in question["choices"].items()]
    elif kind == "true_false":
        qtype = "truefalse"
        parts += [_answer("true", 100 if question["answer"] else 0),
                  _answer("false", 0 if question["answer"] else 100)]
    elif kind == "numeric":
        qtype = "numerical"
        parts.append(_answer(str(question["answer"]), 100,
                             f"<tolerance>{question.get('tolerance', 0)}</tolerance>"))
        if unit := question.get("unit"):
            parts.append(f"<units><unit><multiplier>1</multiplier><unit_name>"
                         f"{escape(multilang(unit))}</unit_name></unit></units>")
    elif kind == "short_text":
        qtype = "shortanswer"
        for lang in ("ar", "en"):
            parts += [_answer(text, 100) for text in question["answers"][lang]]
    elif kind == "ordering":
        qtype = "ordering"
        parts += [_answer(multilang(item), 1) for item in question["items"]]
    elif kind == "matching":
        qtype = "matching"
        for pair in question["pairs"]:
            parts.append(_text("subquestion", multilang(pair["left"]), format="html")
                         .replace("</subquestion>", f"<answer><text><![CDATA["
                                  f"{multilang(pair['right'])}]]></text></answer></subquestion>"))
        for right in question.get("distractors", []):
            parts.append(f'<subquestion format="html"><text></text><answer><text><![CDATA['
                         f"{multilang(right)}]]></text></answer></subquestion>")
    tags = "".join(f"<tag><text>{tag}</text></tag>" for tag in question["tags"])
    return (f'<question type="{qtype}">\n<name><text>{question["id"]}</text></name>\n'
            + "\n".join(parts) + f"\n<tags>{tags}</tags>\n</question>")


def moodle_xml(bank: Bank) -> bytes:
    category = (f'<question type="category"><category><text>$course$/{bank["slug"]}'
                f"</text></category></question>")
    body = "\n".join([category] + [_moodle_question(q) for q in bank["questions"]])
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}\n</quiz>\n'.encode()


def gift_escape(text: str) -> str:
    for char in "\\~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _gift_text(text: dict[str, str]) -> str:
    return gift_escape(multilang(text))


def _gift_question(question: dict[str, Any]) -> str | None:
    kind = question["type"]
    head = f"// [id:{question['id']}] " + " ".join(f"[tag:{t}]" for t in question["tags"])
    feedback = f"####{_gift_text(question['explanation'])}"
    title = f"::{question['id']}::[html]"
    if kind == "flashcard":
        # GIFT's description has no back: it is carried as the text after the front.
        return None
    prompt = title + _gift_text(question["prompt"])
    if kind in ("single_choice", "multiple_choice"):
        right = [question["answer"]] if kind == "single_choice" else question["answers"]
        if kind == "single_choice":
            body = " ".join(("=" if key in right else "~") + _gift_text(text)
                            for key, text in question["choices"].items())
        else:
            weight = f"{100 / len(right):.5f}".rstrip("0").rstrip(".")
            body = " ".join(f"~%{weight}%" + _gift_text(text) if key in right
                            else "~%-100%" + _gift_text(text)
                            for key, text in question["choices"].items())
    elif kind == "true_false":
        body = "TRUE" if question["answer"] else "FALSE"
    elif kind == "numeric":
        body = f"#{question['answer']}:{question.get('tolerance', 0)}"
    elif kind == "short_text":
        body = " ".join("=" + gift_escape(text) for lang in ("ar", "en")
                        for text in question["answers"][lang])
    elif kind == "matching":
        body = " ".join(f"={_gift_text(p['left'])} -> {_gift_text(p['right'])}"
                        for p in question["pairs"])
        body += "".join(f" = -> {_gift_text(d)}" for d in question.get("distractors", []))
    else:
        return None  # ordering: GIFT has no such type
    return f"{head}\n{prompt}{{\n{body}\n{feedback}\n}}"


def gift(bank: Bank) -> tuple[bytes, list[str]]:
    """The GIFT text, and the ids of the questions GIFT cannot carry."""
    blocks, skipped = [f"$CATEGORY: $course$/{bank['slug']}"], []
    for question in bank["questions"]:
        block = _gift_question(question)
        if block is None:
            skipped.append(question["id"])
        else:
            blocks.append(block)
    return "\n\n".join(blocks).encode(), skipped
