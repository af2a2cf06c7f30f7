"""How a question is laid out for a student, and how a submitted form becomes a response.

Layouts (the shuffled order of choices, items or right-hand options) are plain lists of
keys or indices, fixed when a quiz starts or derived from a seed in review, so a reload
shows the same question the same way.
"""

import random

from werkzeug.datastructures import MultiDict

from ..banks.models import Question
from ..core.text import clean_text

MAX_TEXT = 200


def make_layout(question: Question, rng: random.Random) -> list:
    details = question.details
    if question.type in ("single_choice", "multiple_choice"):
        keys = list(details["choices"])
        rng.shuffle(keys)
        return keys
    if question.type == "ordering":
        order = list(range(len(details["items"])))
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        return order
    if question.type == "matching":
        # Right-hand options: pair indices, and distractors as -1, -2, ...
        options = list(range(len(details["pairs"])))
        options += [-(i + 1) for i in range(len(details.get("distractors", [])))]
        rng.shuffle(options)
        return options
    return []


def right_option_text(details: dict, option: int, lang: str) -> str:
    if option >= 0:
        return details["pairs"][option]["right"][lang]
    return details["distractors"][-option - 1][lang]


def response_from_form(question: Question, layout: list, form: MultiDict):
    """The response a form carries, in the shape check_answer takes; None if empty."""
    kind = question.type
    if kind == "single_choice":
        return form.get("answer") or None
    if kind == "multiple_choice":
        return sorted(set(form.getlist("answer")))
    if kind == "true_false":
        value = form.get("answer")
        return {"true": True, "false": False}.get(value)
    if kind in ("numeric", "short_text"):
        # Controls and stacked marks are taken out before the answer is stored or shown.
        text = clean_text((form.get("answer") or "")[:MAX_TEXT])
        return text or None
    if kind == "ordering":
        positions = []
        for index in layout:
            try:
                positions.append((int(form.get(f"position-{index}", "")), index))
            except ValueError:
                return None
        return [index for _, index in sorted(positions)]
    if kind == "matching":
        matches = {}
        for left in range(len(question.details["pairs"])):
            try:
                matches[left] = int(form.get(f"match-{left}", ""))
            except ValueError:
                matches[left] = None
        return {str(k): v for k, v in matches.items() if v is not None}
    return None


def correct_answer(question: Question, lang: str):
    """What to show as the right answer, in the reader's language."""
    details = question.details
    kind = question.type
    if kind == "single_choice":
        return [details["choices"][details["answer"]][lang]]
    if kind == "multiple_choice":
        return [details["choices"][key][lang] for key in details["answers"]]
    if kind == "true_false":
        return details["answer"]
    if kind == "numeric":
        unit = details.get("unit", {}).get(lang, "")
        return [f"{details['answer']} {unit}".strip()]
    if kind == "short_text":
        return [details["answers"][lang][0]]
    if kind == "ordering":
        return [item[lang] for item in details["items"]]
    if kind == "matching":
        return [(pair["left"][lang], pair["right"][lang]) for pair in details["pairs"]]
    if kind == "flashcard":
        return [details["back"][lang]]
    return []


def describe_response(question: Question, response, lang: str):
    """The student's response in words, for the feedback and the quiz review."""
    details = question.details
    kind = question.type
    if response is None:
        return []
    if kind == "single_choice":
        return [details["choices"].get(response, {}).get(lang, "?")]
    if kind == "multiple_choice":
        return [details["choices"][key][lang] for key in response if key in details["choices"]]
    if kind == "true_false":
        return response
    if kind in ("numeric", "short_text"):
        return [str(response)]
    if kind == "ordering":
        items = details["items"]
        return [items[i][lang] for i in response if 0 <= i < len(items)]
    if kind == "matching":
        pairs = details["pairs"]
        described = []
        for left, option in sorted(response.items(), key=lambda kv: int(kv[0])):
            if 0 <= int(left) < len(pairs):
                try:
                    right = right_option_text(details, int(option), lang)
                except (IndexError, KeyError):
                    right = "?"
                described.append((pairs[int(left)]["left"][lang], right))
        return described
    return []
