"""How well the drafter drafts: per document, the share of the facts a teacher listed that
some drafted question asks (the fact is in the question's answer: a right choice, an
accepted answer, the number, a date of an ordering, a matching pair, a flashcard's back),
the share of drafted questions the real validator accepts, and the drafting time.

    .venv/bin/python eval/drafter/run.py [--missing] [--document SLUG]

Documents marked ``held_out: true`` were not used to tune the rules; their figures are
reported apart, as are those of the documents held out before (``was_held_out: true``),
whose misses the rules have since been fixed on.
"""

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quizapp.banks.validator import (  # noqa: E402
    SourceDocument,
    check_bank_text,
    read_library,
)
from quizapp.drafting import GlossaryName, SourceText, draft_bank  # noqa: E402
from quizapp.numerals import parse_number  # noqa: E402
from quizapp.questions.normalise import plain_text  # noqa: E402

DOCUMENTS = Path(__file__).resolve().parent / "documents"
_INDEX = re.compile(r"^questions\[(\d+)\]")


@dataclass
class Score:
    slug: str
    held_out: bool
    was_held_out: bool
    words: int
    facts: int
    asked: int
    questions: int
    valid: int
    seconds: float
    missing: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def coverage(self) -> float:
        return self.asked / self.facts if self.facts else 1.0

    @property
    def valid_share(self) -> float:
        return self.valid / self.questions if self.questions else 0.0


def _norm(text: str) -> str:
    text = plain_text(text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return " ".join(re.findall(r"\d+(?:\.\d+)?|[^\W\d_]+", text))


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [str(value)]


def answers_of(question: dict[str, Any]) -> list[str]:
    """What a question asks for, as texts (never its prompt or its quote)."""
    kind = question["type"]
    if kind == "single_choice":
        return _texts(question["choices"][question["answer"]])
    if kind == "multiple_choice":
        return [t for key in question["answers"] for t in _texts(question["choices"][key])]
    if kind == "numeric":
        return [str(question["answer"])]
    if kind == "short_text":
        return _texts(question["answers"])
    if kind == "ordering":
        return _texts(question["items"])
    if kind == "matching":
        return _texts(question["pairs"])
    if kind == "flashcard":
        return _texts(question["back"])
    return []  # a true/false statement names the fact in its prompt, not as its answer


def _numbers(text: str) -> set[Decimal]:
    found = set()
    for token in re.findall(r"\d+(?:[.,]\d+)*", plain_text(text)):
        value = parse_number(token)
        if value is not None:
            found.add(value)
    return found


def asked(fact: dict[str, Any], answers: list[str]) -> bool:
    value = str(fact["value"])
    number = parse_number(value) if fact["kind"] == "figure" else None
    if number is not None:
        return any(number in _numbers(text) for text in answers)
    wanted = _norm(value)
    return any(f" {wanted} " in f" {_norm(text)} " or wanted in _norm(text) for text in answers)


def glossary() -> tuple[list[GlossaryName], Any]:
    library = read_library(ROOT / "questions")
    names = [GlossaryName(e.kind, e.ar, e.en, tuple(e.variants.ar) + tuple(e.variants.en))
             for e in library.glossary]
    return names, library


def evaluate(slug: str, names: list[GlossaryName] | None = None, library: Any = None) -> Score:
    if names is None or library is None:
        names, library = glossary()
    body = (DOCUMENTS / f"{slug}.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((DOCUMENTS / f"{slug}.yaml").read_text(encoding="utf-8"))
    source = SourceText(slug, meta["language"], body, meta.get("title_ar", ""),
                        meta.get("title_en", ""))
    started = time.perf_counter()
    result = draft_bank(source, names, bank_slug=f"{slug}-draft")
    seconds = time.perf_counter() - started
    library.documents[slug] = SourceDocument(None, body)
    _, problems = check_bank_text(result.yaml, f"{slug}-draft.yaml", library)
    questions = result.bank["questions"]
    broken = set()
    for problem in problems:
        index = _INDEX.match(problem.path)
        if index is None:
            broken = set(range(len(questions)))  # a problem with the bank is every question's
            break
        broken.add(int(index.group(1)))
    all_answers = [text for q in questions for text in answers_of(q)]
    facts = meta["facts"]
    missing = [f"{f['kind']}: {f['value']}" for f in facts if not asked(f, all_answers)]
    return Score(slug, bool(meta.get("held_out")), bool(meta.get("was_held_out")),
                 len(body.split()), len(facts),
                 len(facts) - len(missing), len(questions), len(questions) - len(broken),
                 seconds, missing, result.counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", action="store_true", help="list the facts not asked")
    parser.add_argument("--document", help="only this document")
    args = parser.parse_args()
    names, library = glossary()
    # Patterns are compiled once per process: time a first draft apart from the rest.
    slugs = sorted(p.stem for p in DOCUMENTS.glob("*.txt"))
    if args.document:
        slugs = [args.document]
    scores = [evaluate(slug, names, library) for slug in slugs]
    print(f"{'document':32} {'words':>5} {'facts':>9} {'asked':>6} {'valid':>9} {'time':>7}")
    for score in scores:
        mark = " (held out)" if score.held_out else " (was held out)" if \
            score.was_held_out else ""
        print(f"{score.slug:32} {score.words:5} {score.asked:4}/{score.facts:<4} "
              f"{score.coverage:6.0%} {score.valid:4}/{score.questions:<4} "
              f"{score.seconds:6.2f}s{mark}")
        if args.missing and score.missing:
            print("    not asked: " + "; ".join(score.missing))
    for label, group in (("tuned on", [s for s in scores if not s.held_out]),
                         ("of which held out before", [s for s in scores if s.was_held_out]),
                         ("held out", [s for s in scores if s.held_out])):
        if not group:
            continue
        facts = sum(s.facts for s in group)
        hit = sum(s.asked for s in group)
        total = sum(s.questions for s in group)
        valid = sum(s.valid for s in group)
        print(f"{label}: {hit}/{facts} facts asked ({hit / facts:.0%}), {valid}/{total} "
              f"questions valid ({valid / total:.0%}), slowest draft "
              f"{max(s.seconds for s in group):.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
