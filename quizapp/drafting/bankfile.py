"""A drafted bank as a mapping in the bank format, and as the YAML file a teacher reads."""

import re
from collections.abc import Sequence
from typing import Any

import yaml

from ..core.text import BIDI_CONTROLS
from ..questions.base import same_text

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
            before, after = text[:match.start()].rstrip(), text[match.end():].lstrip()
            # "قاسم جومارت توقايف" (توقايف a variant of "قاسم جومارت توكاييف"), "منطقة
            # شينجيانج ذاتية الحكم ...": where the rest of the chosen name stands around the
            # variant, only the variant's words change, not the whole name written twice.
            chosen_words, variant_words = chosen.split(), match.group(0).split()
            for k in range(len(chosen_words) - len(variant_words) + 1):
                head = " ".join(chosen_words[:k])
                tail = " ".join(chosen_words[k + len(variant_words):])
                if (head or tail) and before.endswith(head) and after.startswith(tail):
                    return " ".join(chosen_words[k:k + len(variant_words)])
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


def drop_repeats(bank: dict[str, Any]) -> None:
    """The last guard before the validator: a wrong choice, a matching pair or an
    ordering item that reads like another (two spellings the glossary made one, say) is
    dropped, and a question left with too little to choose from goes with it."""
    kept = []
    for question in bank["questions"]:
        kind = question["type"]
        if kind == "single_choice":
            question["choices"] = _distinct_choices(question["choices"], question["answer"])
            if len(question["choices"]) < 2:
                continue
        elif kind == "matching":
            question["pairs"] = _distinct(question["pairs"], lambda pair: (pair["left"],
                                                                           pair["right"]))
            if len(question["pairs"]) < 2:
                continue
        elif kind == "ordering" and len(_distinct(question["items"], lambda item: (item,))) \
                != len(question["items"]):
            continue
        kept.append(question)
    bank["questions"] = kept


def _distinct_choices(choices: dict[str, Any], answer: str) -> dict[str, Any]:
    seen = {lang: {same_text(choices[answer][lang])} for lang in ("ar", "en")}
    out = {}
    for key, choice in choices.items():
        if key != answer:
            texts = {lang: same_text(choice[lang]) for lang in ("ar", "en")}
            if any(texts[lang] in seen[lang] for lang in seen):
                continue
            for lang in seen:
                seen[lang].add(texts[lang])
        out[key] = choice
    return out


def _distinct(items: list[Any], sides: Any) -> list[Any]:
    seen: list[dict[str, set[str]]] = []
    out = []
    for item in items:
        parts = sides(item)
        while len(seen) < len(parts):
            seen.append({"ar": set(), "en": set()})
        texts = [{lang: same_text(part[lang]) for lang in ("ar", "en")} for part in parts]
        if any(text[lang] in seen[i][lang] for i, text in enumerate(texts) for lang in text):
            continue
        for i, text in enumerate(texts):
            for lang in text:
                seen[i][lang].add(text[lang])
        out.append(item)
    return out


def in_one_language(bank: dict[str, Any], lang: str) -> dict[str, Any]:
    """The bank as a monolingual bank in ``lang`` (``languages: [lang]`` after its slug):
    every text keeps that language's field only, and a source its quote without the
    ``quote_en`` a bilingual bank adds."""
    other = "en" if lang == "ar" else "ar"

    def keep(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: keep(child) for key, child in value.items()
                    if key != "quote_en" and not (key == other and lang in value)}
        if isinstance(value, list):
            return [keep(child) for child in value]
        return value

    header = {key: value for key, value in bank.items() if key not in ("slug", "languages")}
    return {"slug": bank.get("slug"), "languages": [lang], **keep(header)}
