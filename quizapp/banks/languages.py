"""A bank's content languages: a monolingual bank writes its texts in one language, and
is stored with them in both, so that every page, grader and export reads it whatever the
reader's language (``Bank.content_language`` says which language it is in)."""

import copy
from typing import Any

from ..questions.schema import LANGUAGES


def fill_languages(value: Any, languages: list[str]) -> Any:
    """A monolingual bank's text, with the missing language's texts taken from the bank's.

    Every text of the format is a mapping of "ar" and "en"; a bank written in one
    language leaves the other out, and its stored rows carry the bank's text in both, so
    that grading, exports and every page read it whatever the reader's language (and say
    which language it is in: ``Bank.content_language``). A bilingual bank is unchanged.
    """
    if len(languages) != 1:
        return value
    (written,) = languages
    missing = "en" if written == "ar" else "ar"
    if isinstance(value, dict):
        filled = {key: fill_languages(child, languages) for key, child in value.items()}
        if written in filled and missing not in filled:
            filled[missing] = copy.deepcopy(filled[written])
        return filled
    if isinstance(value, list):
        return [fill_languages(child, languages) for child in value]
    return value


def declared_languages(data: dict[str, Any]) -> list[str]:
    """The bank's languages as far as they can be read (the header check reports the rest)."""
    declared = data.get("languages")
    if isinstance(declared, list) and declared and all(
            lang in LANGUAGES for lang in declared):
        return list(dict.fromkeys(declared))
    return list(LANGUAGES)
