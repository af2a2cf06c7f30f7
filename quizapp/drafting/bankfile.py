"""A drafted bank as a mapping in the bank format, and as the YAML file a teacher reads."""

import re
from collections.abc import Sequence
from typing import Any

import yaml

from ..core.text import BIDI_CONTROLS

# libyaml's emitter when PyYAML was built with it: a bank of 80 questions is written in
# a tenth of the pure-Python emitter's time.
_Base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc]
    """No anchors or aliases (the bank reader refuses them); short mappings on one line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_dict(dumper: Any, data: dict[str, Any]) -> yaml.Node:
    short = set(data) <= {"ar", "en", "when"} and sum(len(str(v)) for v in data.values()) < 90
    node: yaml.Node = dumper.represent_mapping("tag:yaml.org,2002:map", data.items(),
                                               flow_style=short)
    return node


_Dumper.add_representer(dict, _represent_dict)


def dump(bank: dict[str, Any]) -> str:
    return yaml.dump(bank, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def replace_variants(bank: dict[str, Any], spellings: Sequence[tuple[str, str]]) -> None:
    """Write the glossary's chosen spelling wherever a variant stands, except in quotes
    and accepted answers (which the validator leaves as they are)."""
    if not spellings:
        return
    by_variant = dict(spellings)
    pattern = re.compile("|".join(re.escape(v) for v in sorted(by_variant, key=len,
                                                                reverse=True)))

    def fix(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            chosen = by_variant[match.group(0)]
            before = text[:match.start()]
            # "قاسم جومارت توقايف" with توقايف a variant of "قاسم جومارت توكاييف": only the
            # family name changes, not the whole name written twice.
            chosen_words = chosen.split()
            if len(chosen_words) > 1 and before.rstrip().endswith(" ".join(chosen_words[:-1])):
                return chosen_words[-1]
            return chosen
        return pattern.sub(one, text)

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: (v if k in ("quote", "answers") else walk(v, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str):
            return fix(value)
        return value

    for question in bank["questions"]:
        question.update(walk({k: v for k, v in question.items() if k != "source"}))


def clean_strings(value: Any) -> Any:
    """Invisible direction controls out of every generated text (never in a quote: a
    sentence holding one is not quoted at all)."""
    if isinstance(value, dict):
        return {k: clean_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    return value
