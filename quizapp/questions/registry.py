"""Every question type, found by name. A new type is one module in ``types/``, its
template partial in ``templates/questions/``, and one line in ``_MODULES`` here."""

import inspect
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any

from .base import QuestionType
from .types import (
    flashcard,
    matching,
    multiple_choice,
    numeric,
    ordering,
    short_text,
    single_choice,
    true_false,
)

# In the order authors and error messages list them.
_MODULES: tuple[ModuleType, ...] = (
    single_choice,
    multiple_choice,
    true_false,
    numeric,
    short_text,
    ordering,
    matching,
    flashcard,
)

ATTRIBUTES = {"name": str, "model": type, "label": str, "quick": bool, "answerable": bool}
HOOKS = tuple(name for name, member in vars(QuestionType).items()
              if getattr(member, "__isabstractmethod__", False))


class UnknownType(LookupError):
    """No question type has this name."""


def _defined(hook: object) -> bool:
    return callable(hook) and not getattr(hook, "__isabstractmethod__", False)


def missing_hooks(question_type: type[QuestionType[Any]]) -> list[str]:
    """The attributes and hooks a type leaves undeclared (an empty list when complete)."""
    missing = [name for name, kind in ATTRIBUTES.items()
               if not isinstance(getattr(question_type, name, None), kind)]
    missing += [name for name in HOOKS if not _defined(getattr(question_type, name, None))]
    return missing


def _register(modules: tuple[ModuleType, ...]) -> dict[str, QuestionType[Any]]:
    found: dict[str, QuestionType[Any]] = {}
    for module in modules:
        question_type = module.TYPE
        missing = missing_hooks(type(question_type))
        if missing or inspect.isabstract(type(question_type)):
            raise TypeError(f"{module.__name__} does not declare {', '.join(missing)}")
        if question_type.name in found:
            raise TypeError(f"question type {question_type.name} is registered twice")
        found[question_type.name] = question_type
    return found


_TYPES = _register(_MODULES)


def get(name: str) -> QuestionType[Any]:
    try:
        return _TYPES[name]
    except KeyError:
        raise UnknownType(name) from None


def find(name: str) -> QuestionType[Any] | None:
    return _TYPES.get(name)


def all_types() -> Iterator[QuestionType[Any]]:
    return iter(_TYPES.values())


def names() -> tuple[str, ...]:
    return tuple(_TYPES)


def answerable_names() -> tuple[str, ...]:
    """The types a quiz can ask (graded, not rated)."""
    return tuple(t.name for t in _TYPES.values() if t.answerable)


def quick_names() -> frozenset[str]:
    """The types answered by reading and clicking: a fast answer is a matter of seconds."""
    return frozenset(t.name for t in _TYPES.values() if t.quick)


def grading_hints(kind: str, details: Mapping[str, Any], quote: str,
                  glossary: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What a question of type ``kind`` needs stored for grading (its type's hook)."""
    return get(kind).grading_hints(details, quote, glossary)
