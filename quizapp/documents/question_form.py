"""One drafted question as a form: every text, list and number it holds, whatever its type.

The form follows the question's own data (the type's bank format, as the registry's model
defines it), so a new question type needs nothing here: a text becomes a text field, a
list of texts a box with one per line, a number a number field, a yes/no a checkbox. What
the teacher sends back is put in the same places, then checked by the validator as any
bank is (the type's own checks, the quote verbatim in the document, the glossary).
"""

import copy
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.messages import N_
from ..core.text import clean_text
from ..questions import registry
from ..questions.base import FormData

# Not edited here: the question's identity and kind, its tags (the fact kind the drafter
# found) and its source, whose quote has its own field, picked from the document.
FIXED = ("id", "type", "tags", "difficulty", "source")
MAX_FIELD = 4000
MAX_LINES = 20

# The names of the format's parts, as a teacher reads them (message ids).
PART_LABELS = {
    "prompt": N_("Question"), "front": N_("Front"), "back": N_("Back"),
    "explanation": N_("Explanation"), "choices": N_("Choice"), "answer": N_("Right answer"),
    "answers": N_("Accepted answers"), "distractors": N_("Distractors"),
    "items": N_("Item"), "pairs": N_("Pair"), "left": N_("Left"), "right": N_("Right"),
    "unit": N_("Unit"), "tolerance": N_("Tolerance"), "when": N_("When"),
    "ignore_article": N_("Accept the answer without the article"),
    "ar": N_("Arabic"), "en": N_("English"),
}

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Field:
    """One control of the form: ``name`` is its dotted path in the question."""

    path: Path
    kind: str  # "text", "lines", "number" or "flag"
    value: str
    lang: str | None  # the language of its text ("ar", "en"), if it is one
    # An optional setting of the type the question leaves at its default (a numeric
    # question's tolerance): left out again when the teacher leaves it empty.
    optional: bool = False

    @property
    def name(self) -> str:
        return "f." + ".".join(str(part) for part in self.path)

    @property
    def parts(self) -> list[str | int]:
        """The path as a teacher reads it: known names as message ids, list positions
        counted from 1, choice keys as written."""
        return [part + 1 if isinstance(part, int) else PART_LABELS.get(part, part)
                for part in self.path]

    @property
    def long(self) -> bool:
        return self.kind == "lines" or len(self.value) > 80


def _language(path: Path) -> str | None:
    last = path[-1] if path else None
    return last if last in ("ar", "en") else None


def _fields(value: Any, path: Path) -> Iterator[Field]:
    if isinstance(value, bool):
        yield Field(path, "flag", "1" if value else "", None)
    elif isinstance(value, int | float):
        yield Field(path, "number", str(value), None)
    elif isinstance(value, str):
        yield Field(path, "text", value, _language(path))
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        yield Field(path, "lines", "\n".join(value), _language(path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _fields(item, path + (index,))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _fields(child, path + (key,))


def fields(question: dict[str, Any]) -> list[Field]:
    """The question's editable parts, in the order its bank format lists them, then the
    type's optional settings it leaves at their default (from the type's own model)."""
    found = [field for key, value in question.items() if key not in FIXED
             for field in _fields(value, (key,))]
    question_type = registry.find(str(question.get("type")))
    if question_type is None:
        return found
    for name, info in question_type.model.model_fields.items():
        if name in question or name in FIXED or info.is_required():
            continue
        if info.annotation is bool:
            found.append(Field((name,), "flag", "", None, optional=True))
        elif isinstance(info.default, int | float) and not isinstance(info.default, bool):
            found.append(Field((name,), "number", "", None, optional=True))
    return found


def _number(text: str, before: int | float | str) -> int | float | str:
    """A number as typed; left as text (which the validator reports) when it is none."""
    cleaned = text.strip().replace(",", "")
    try:
        number = int(cleaned) if isinstance(before, int) and "." not in cleaned \
            else float(cleaned)
    except ValueError:
        return text.strip()
    # Infinity and NaN are no answer, and a JSON column cannot hold them.
    return number if math.isfinite(number) else text.strip()


def _read(field: Field, form: FormData, before: Any) -> Any:
    raw = (form.get(field.name) or "")[:MAX_FIELD * 4]
    if field.kind == "flag":
        return bool(raw)
    if field.kind == "number":
        return _number(raw, before)
    if field.kind == "lines":
        lines = [clean_text(line)[:MAX_FIELD] for line in raw.splitlines()]
        return [line for line in lines if line][:MAX_LINES]
    return clean_text(raw)[:MAX_FIELD]


def _put(target: Any, path: Path, value: Any) -> None:
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _get(target: Any, path: Path) -> Any:
    for part in path:
        target = target[part]
    return target


def edited(question: dict[str, Any], form: FormData) -> dict[str, Any]:
    """The question with what the form sent put in place of each field, and the quote
    (``source.quote``) as pasted or picked; nothing else changes."""
    changed = copy.deepcopy(question)
    for field in fields(question):
        if field.optional:
            if (form.get(field.name) or "").strip():
                _put(changed, field.path, _read(field, form, 0))
            continue
        _put(changed, field.path, _read(field, form, _get(question, field.path)))
    if isinstance(changed.get("source"), dict) and form.get("quote") is not None:
        # Kept exactly as sent, line ends aside: it must match the document verbatim.
        quote = (form.get("quote") or "")[:MAX_FIELD].replace("\r\n", "\n").strip()
        changed["source"]["quote"] = quote
    return changed
