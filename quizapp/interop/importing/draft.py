"""Questions read from another program's file, made into a draft bank in this app's YAML.

The draft has no source documents (``drawn_from_document: false``): an imported question
has no quote, and none is invented. Each question type turns the questions of its kind
into its own fields (``from_moodle``); the draft adds ids, explanations and tags.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ...banks.problems import Nn_, Problem
from ...banks.schema import FACT_KINDS
from ...core.messages import N_
from ...questions import registry
from ...questions.imported import ImportedQuestion, bilingual

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")
_TAG = re.compile(r"^[a-z0-9][a-z0-9-]{0,38}$")


@dataclass(frozen=True)
class ImportLimits:
    max_bytes: int = 2 * 1024 * 1024  # the file as uploaded
    max_questions: int = 1000
    max_members: int = 50  # an .apkg's zip members
    max_expanded_bytes: int = 50 * 1024 * 1024  # all of an .apkg's members, expanded


@dataclass
class ImportResult:
    """A draft's YAML text (empty when nothing could be read) and every problem found."""

    yaml_text: str = ""
    problems: list[Problem] = field(default_factory=list)
    count: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class Reader:
    """What a format's parser fills in: the questions it read, and its problems."""

    def __init__(self, filename: str, limits: ImportLimits):
        self.filename = filename
        self.limits = limits
        self.questions: list[ImportedQuestion] = []
        self.problems: list[Problem] = []
        self.title: dict[str, str] = {}

    def problem(self, line: int, template: str | Any, **params: str | int) -> None:
        self.problems.append(Problem(self.filename, line, 1, "", template, params))

    def add(self, question: ImportedQuestion) -> bool:
        """Keeps a question; False (and a problem, once) past the limit on questions."""
        if len(self.questions) >= self.limits.max_questions:
            if not any(p.path == "questions" for p in self.problems):
                self.problems.append(Problem(self.filename, question.line, 1, "questions", Nn_(
                    "more than %(limit)s question: split the file",
                    "more than %(limit)s questions: split the file", "limit"),
                    {"limit": self.limits.max_questions}))
            return False
        self.questions.append(question)
        return True


def slug_from(filename: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", filename.rsplit("/", 1)[-1]).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:60].strip("-")
    return slug or "imported"


def _question_id(name: str, slug: str, number: int, taken: set[str]) -> str:
    candidate = name.strip().lower()
    if not _ID.match(candidate) or candidate in taken:
        candidate = f"{slug}-{number}"
    while candidate in taken:
        candidate += "-x"
    taken.add(candidate)
    return candidate


def build(reader: Reader) -> ImportResult:
    """The draft bank from what was read; nothing when there is any problem."""
    problems = list(reader.problems)
    slug = slug_from(reader.filename)
    drafted: list[dict[str, Any]] = []
    topics: list[str] = []
    taken: set[str] = set()
    for number, question in enumerate(reader.questions, start=1):
        fields = next((found for question_type in registry.all_types()
                       if (found := question_type.from_moodle(question)) is not None), None)
        if fields is None:
            problems.append(Problem(reader.filename, question.line, 1, "", N_(
                "question type %(kind)s cannot be imported"), {"kind": question.kind}))
            continue
        # Anki's hierarchical tags (``kind::date``, as this app exports them) by their leaf.
        leaves = (t.rsplit("::", 1)[-1].replace("_", "-").lower() for t in question.tags)
        tags = [tag for tag in dict.fromkeys(leaves) if _TAG.match(tag)]
        topics += [tag for tag in tags if tag not in FACT_KINDS and tag not in topics]
        drafted.append({"id": _question_id(question.name, slug, number, taken)} | fields | {
            "explanation": bilingual(question.feedback),
            # Fact kinds are the teacher's to choose when the file names none.
            "tags": tags,
        })
    if problems:
        return ImportResult(problems=problems)
    if not drafted:
        return ImportResult(problems=[Problem(reader.filename, 1, 1, "", N_(
            "the file holds no question"))])
    title = bilingual(reader.title) if reader.title else {"ar": slug, "en": slug}
    bank = {
        "slug": slug,
        "title": title,
        "description": dict(title),
        "drawn_from_document": False,
        "sources": [],
        "tags": topics,
        "questions": drafted,
    }
    text = yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=100)
    return ImportResult(yaml_text=text, count=len(drafted))
