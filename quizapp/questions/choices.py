"""What single_choice and multiple_choice share: keyed choices, checked and shuffled alike."""

import random
from typing import Any

from ..core.messages import N_
from .base import Details, PathParts, ProblemReport, same_text
from .schema import LANGUAGES, Bilingual


def check_distinct(choices: dict[str, Bilingual], report: ProblemReport,
                   path: PathParts) -> None:
    """No two choices may read the same in either language."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for key, choice in choices.items():
            text = same_text(choice.get(lang))
            if text in seen:
                report.add(path + ("choices", key, lang),
                           N_("choice %(key)s repeats choice %(other)s"),
                           key=key, other=seen[text])
            else:
                seen[text] = key


def check_known(answer: str, choices: dict[str, Bilingual], report: ProblemReport,
                where: PathParts) -> None:
    if answer not in choices:
        report.add(where, N_("answer %(answer)s is not among the choices"), answer=answer)


def shuffled_keys(details: Details, rng: random.Random) -> list[Any]:
    keys = list(details["choices"])
    rng.shuffle(keys)
    return keys
