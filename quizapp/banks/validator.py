"""Checks bank files against the schema, the source documents and the glossary.

Every problem in every file is collected, each with its place; nothing stops at the
first one. The result carries the validated banks for the loader, which loads nothing
unless there is no problem at all.
"""

import copy
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, overload

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..core.messages import N_
from ..questions import registry
from ..questions.base import PathParts
from . import schema
from .languages import declared_languages, fill_languages
from .problems import Nn_, Plural, Problem
from .yamlfile import ParsedYaml, dotted, parse

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_QUESTION = TypeAdapter(schema.Question)
# A regex for a language's variant spellings (None when it has none), and each one's
# chosen spelling.
VariantFinder = tuple[re.Pattern[str] | None, dict[str, str]]
_Model = TypeVar("_Model", bound=BaseModel)
_Value = TypeVar("_Value")

_PYDANTIC_MESSAGES: dict[str, str | Plural] = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field"),
    "string_type": N_("must be text"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": Nn_("is too long (at most %(max_length)s character)",
                           "is too long (at most %(max_length)s characters)", "max_length"),
    "bool_type": N_("must be true or false"),
    "int_type": N_("must be a whole number"),
    "float_type": N_("must be a number"),
    "list_type": N_("must be a list"),
    "dict_type": N_("must be a mapping of keys to values"),
    "model_type": N_("must be a mapping of keys to values"),
    "literal_error": N_("must be one of: %(expected)s"),
    "too_short": Nn_("must have at least %(min_length)s item",
                     "must have at least %(min_length)s items", "min_length"),
    "too_long": Nn_("must have at most %(max_length)s item",
                    "must have at most %(max_length)s items", "max_length"),
    "date_type": N_("must be a date written YYYY-MM-DD"),
    "union_tag_invalid": N_("unknown question type %(tag)s; expected one of: %(expected_tags)s"),
    "union_tag_not_found": N_("the question's type is missing"),
}
_UNION_MEMBERS = {"int", "float", "str", "constrained-str", "date", "bool", "none"}
_UNION_MESSAGES = {
    "answer": N_("must be a number"),
    "tolerance": N_("must be a number"),
    "when": N_("must be a year or a date, such as 2024, 2023-05 or 2025-06-17"),
}


@dataclass
class SourceDocument:
    meta: schema.DocumentMeta | None  # None when read back from the database
    text: str
    # The English translation, paragraph by paragraph (``<slug>.en.txt`` beside the text).
    text_en: str | None = None
    # The slug it is stored under when read back from the database: a teacher's own
    # document is cited as written ("my-article") and stored in their namespace.
    stored_slug: str | None = None


def paragraphs(text: str) -> list[str]:
    """A document's paragraphs: its non-blank lines (as the source page shows them)."""
    return [line for line in text.splitlines() if line.strip()]


def translation_name(text_name: str) -> str:
    """The file of a document's English translation: ``x.txt`` -> ``x.en.txt``."""
    return text_name.removesuffix(".txt") + ".en.txt"


@dataclass
class Library:
    """What banks are checked against: the source documents and the glossary."""

    documents: dict[str, SourceDocument] = field(default_factory=dict)
    glossary: list[schema.GlossaryEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # True when read back from the database (a bank checked in the browser): the loader
    # then leaves the documents and the glossary as they are.
    stored: bool = False
    _finders: dict[str, VariantFinder] = field(default_factory=dict, repr=False)

    def variant_finder(self, lang: str) -> VariantFinder:
        if lang not in self._finders:
            self._finders[lang] = _variant_finder(self.glossary, lang)
        return self._finders[lang]


@dataclass
class CheckedBank:
    file: str
    header: schema.BankHeader
    questions: list[schema.Question]
    parsed: ParsedYaml = field(repr=False)
    text: str = field(default="", repr=False)


@dataclass
class Report:
    banks: list[CheckedBank] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _FileChecker:
    """Problems of one file, placed by the marks of its parsed YAML."""

    def __init__(self, filename: str, parsed: ParsedYaml):
        self.filename = filename
        self.parsed = parsed
        self.problems: list[Problem] = []

    def add(self, path: PathParts, template: str | Plural,
            **params: str | int | float) -> None:
        """A problem with a value, placed where the value starts."""
        self._add(path, template, params, at_key=False)

    def add_at_key(self, path: PathParts, template: str | Plural,
                   **params: str | int | float) -> None:
        """A problem with a key itself (an unknown field), placed on the key."""
        self._add(path, template, params, at_key=True)

    def _add(self, path: PathParts, template: str | Plural,
             params: dict[str, str | int | float], *, at_key: bool) -> None:
        line, column = self.parsed.where(path, key=at_key)
        self.problems.append(Problem(self.filename, line, column, dotted(path), template, params))

    @overload
    def model(self, adapter: type[_Model], data: object, path: PathParts = ()
              ) -> _Model | None: ...

    @overload
    def model(self, adapter: TypeAdapter[_Value], data: object, path: PathParts = ()
              ) -> _Value | None: ...

    def model(self, adapter: type[BaseModel] | TypeAdapter[Any], data: object,
              path: PathParts = ()) -> Any:
        """Validate with a pydantic model or adapter; None (and problems) when it fails."""
        try:
            if isinstance(adapter, TypeAdapter):
                return adapter.validate_python(data)
            return adapter.model_validate(data)
        except ValidationError as error:
            seen: set[tuple[PathParts, str | Plural]] = set()
            for detail in error.errors():
                loc = list(detail["loc"])
                if adapter is _QUESTION and loc and loc[0] in schema.QUESTION_TYPES:
                    loc = loc[1:]  # the discriminated union names the type first
                kind = detail["type"]
                template = _PYDANTIC_MESSAGES.get(kind, N_("has the wrong type or value"))
                if loc and loc[-1] in _UNION_MEMBERS:
                    loc = loc[:-1]
                    template = _UNION_MESSAGES.get(str(loc[-1]) if loc else "", template)
                if loc and loc[-1] == "[key]":
                    loc, template = loc[:-1], N_("keys must be text")
                if kind == "string_pattern_mismatch":
                    template = (
                        N_("must be a file name ending in .txt")
                        if loc and loc[-1] == "text"
                        else N_("must be lowercase letters, digits and hyphens")
                    )
                if kind in ("union_tag_invalid", "union_tag_not_found"):
                    loc = ["type"]
                full = path + tuple(loc)
                if (full, template) in seen:
                    continue
                seen.add((full, template))
                params = {k: v for k, v in (detail.get("ctx") or {}).items()
                          if isinstance(v, str | int | float)}
                report = self.add_at_key if kind == "extra_forbidden" else self.add
                report(full, template, **params)
            return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _parse_file(path: Path, display: str, max_bytes: int, problems: list[Problem]
                ) -> ParsedYaml | None:
    text = _read(path)
    if text is None:
        problems.append(Problem(display, 1, 1, "", N_("cannot read the file as UTF-8 text")))
        return None
    parsed = parse(text, display, max_bytes=max_bytes)
    problems.extend(parsed.problems)
    return None if parsed.problems else parsed


def read_library(root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Library:
    """The source documents (``root/sources``) and glossary (``root/glossary.yaml``)."""
    library = Library()
    for meta_path in sorted((root / "sources").glob("*.yaml")):
        display = str(meta_path)
        parsed = _parse_file(meta_path, display, max_bytes, library.problems)
        if parsed is None:
            continue
        checker = _FileChecker(display, parsed)
        meta = checker.model(schema.DocumentMeta, parsed.data)
        if meta is not None:
            text = _read(meta_path.parent / meta.text)
            text_en = _read(meta_path.parent / translation_name(meta.text))
            if text is None:
                checker.add(("text",), N_("cannot read the document %(name)s"), name=meta.text)
            elif text_en is None:
                checker.add(("text",), N_("cannot read the English translation %(name)s"),
                            name=translation_name(meta.text))
            elif len(paragraphs(text_en)) != len(paragraphs(text)):
                # The source page shows the two side by side, paragraph by paragraph.
                checker.add(("text",), Nn_(
                    "the English translation %(name)s must have %(count)s paragraph, "
                    "one for each of the document's",
                    "the English translation %(name)s must have %(count)s paragraphs, "
                    "one for each of the document's", "count"),
                    name=translation_name(meta.text), count=len(paragraphs(text)))
            elif meta.slug in library.documents:
                checker.add(("slug",), N_("document %(slug)s is defined twice"), slug=meta.slug)
            else:
                library.documents[meta.slug] = SourceDocument(meta, text, text_en)
        library.problems.extend(checker.problems)

    glossary_path = root / "glossary.yaml"
    parsed = _parse_file(glossary_path, str(glossary_path), max_bytes, library.problems)
    if parsed is not None:
        checker = _FileChecker(str(glossary_path), parsed)
        glossary = checker.model(schema.Glossary, parsed.data)
        if glossary is not None:
            library.glossary = glossary.entries
            for index, entry in enumerate(glossary.entries):
                for lang in schema.LANGUAGES:
                    canonical = getattr(entry, lang)
                    for vindex, variant in enumerate(getattr(entry.variants, lang)):
                        if _uses_variant(canonical, variant, lang):
                            checker.add(("entries", index, "variants", lang, vindex),
                                        N_("a variant must not occur in the chosen spelling"))
        library.problems.extend(checker.problems)
    return library


def _uses_variant(text: str, variant: str, lang: str) -> bool:
    if lang == "ar":
        return variant in text
    return re.search(r"(?<![\w'])" + re.escape(variant) + r"(?![\w'])", text) is not None


def _check_question(check: _FileChecker, question: schema.Question, path: PathParts,
                    header: "schema.BankHeader | _BankContext", library: Library) -> None:
    registry.get(question.type).check(question, check, path)

    source = question.source
    if source is None:
        if header.drawn_from_document:
            check.add(path + ("source",), N_("required field is missing"))
        return _check_tags(check, question, path, header)
    if source.quote_en is None and len(header.languages) > 1:
        # A bilingual bank's students who study in English read the quote translated.
        check.add(path + ("source", "quote_en"), N_("required field is missing"))
    document = library.documents.get(source.document)
    if source.document not in header.sources:
        check.add(path + ("source", "document"),
                  N_("document %(slug)s is not among the bank's sources"), slug=source.document)
    elif document is None:
        check.add(path + ("source", "document"), N_("no source document %(slug)s"),
                  slug=source.document)
    elif source.quote not in document.text:
        check.add(path + ("source", "quote"),
                  N_("the quote does not occur verbatim in %(slug)s"), slug=source.document)
    _check_tags(check, question, path, header)


def _check_tags(check: _FileChecker, question: schema.Question, path: PathParts,
                header: "schema.BankHeader | _BankContext") -> None:
    allowed = set(schema.FACT_KINDS) | set(header.tags)
    for index, tag in enumerate(question.tags):
        if tag not in allowed:
            check.add(path + ("tags", index),
                      N_("tag %(tag)s is neither a fact kind nor one of the bank's tags"), tag=tag)
    if not set(question.tags) & set(schema.FACT_KINDS):
        check.add(path + ("tags",), N_("needs at least one of the tags %(kinds)s"),
                  kinds=", ".join(schema.FACT_KINDS))


def _check_glossary(check: _FileChecker, value: object, path: PathParts,
                    library: Library) -> None:
    """Refuse glossary variant spellings in any text but a quote."""
    if isinstance(value, dict):
        for key, child in value.items():
            if path[-1:] == ("source",) and key == "quote":
                continue
            if key == "answers" and isinstance(child, dict):
                continue  # accepted answers may list the spellings students type
            _check_glossary(check, child, path + (key,), library)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _check_glossary(check, child, path + (index,), library)
    elif isinstance(value, str) and path and path[-1] in schema.LANGUAGES:
        lang = str(path[-1])
        pattern, chosen_for = library.variant_finder(lang)
        if pattern is None:
            return
        for variant in dict.fromkeys(m.group(0) for m in pattern.finditer(value)):
            check.add(path, N_("write %(chosen)s, not %(variant)s (see the glossary)"),
                      chosen=chosen_for[variant], variant=variant)


def _variant_finder(glossary: list[schema.GlossaryEntry], lang: str) -> VariantFinder:
    """One regex for all of a language's variant spellings, and each one's chosen form."""
    chosen_for: dict[str, str] = {}
    for entry in glossary:
        for variant in getattr(entry.variants, lang):
            chosen_for.setdefault(variant, getattr(entry, lang))
    if not chosen_for:
        return None, {}
    # Longest first, so "Kassym Jomart Tokayev" wins over a shorter variant inside it.
    alternatives = "|".join(re.escape(v) for v in sorted(chosen_for, key=len, reverse=True))
    if lang == "en":
        alternatives = rf"(?<![\w'])(?:{alternatives})(?![\w'])"
    return re.compile(alternatives), chosen_for


@dataclass
class _BankContext:
    sources: list[str]
    tags: list[str]
    drawn_from_document: bool = True
    languages: list[str] = field(default_factory=lambda: list(schema.LANGUAGES))


def _without_unknown_fields(raw: Any) -> schema.Question | None:
    """The question validated once its unknown fields are dropped, or None."""
    try:
        return _QUESTION.validate_python(raw)
    except ValidationError as error:
        extras = [d["loc"][1:] for d in error.errors() if d["type"] == "extra_forbidden"]
        if len(extras) != error.error_count():
            return None
    trimmed = copy.deepcopy(raw)
    for loc in extras:
        container = trimmed
        for part in loc[:-1]:
            container = container[part]
        container.pop(loc[-1], None)
    try:
        return _QUESTION.validate_python(trimmed)
    except ValidationError:
        return None


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def check_bank_text(
    text: str, filename: str, library: Library, *, max_bytes: int = DEFAULT_MAX_BYTES,
    max_questions: int | None = None, deadline: float | None = None,
) -> tuple[CheckedBank | None, list[Problem]]:
    """Validate one bank's YAML text; the bank is None unless there is no problem.

    ``max_questions`` and ``deadline`` (a ``time.monotonic()`` value) bound the work of a
    check in the browser; the command line has neither.
    """
    parsed = parse(text, filename, max_bytes=max_bytes)
    if parsed.problems:
        return None, parsed.problems
    check = _FileChecker(filename, parsed)
    data = parsed.data
    count = len(data["questions"]) if isinstance(data, dict) and isinstance(
        data.get("questions"), list) else 0
    if max_questions is not None and count > max_questions:
        check.add_at_key(("questions",), Nn_(
            "%(count)s question: a bank checked here may hold at most %(limit)s; split it "
            "into smaller banks, or ask the site's administrator to load it with the "
            "command line (flask bank load)",
            "%(count)s questions: a bank checked here may hold at most %(limit)s; split it "
            "into smaller banks, or ask the site's administrator to load it with the "
            "command line (flask bank load)", "count"), count=count, limit=max_questions)
        return None, check.problems
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        check.model(schema.BankHeader, data)
        return None, check.problems
    languages = declared_languages(data)
    header = check.model(schema.BankHeader, {
        key: fill_languages(value, languages) if key in ("title", "description") else value
        for key, value in data.items()})
    if header is not None and len(set(header.languages)) != len(header.languages):
        check.add(("languages",), N_("a language is listed twice"))
    # With a broken header, the questions are still checked against what can be read.
    context = header or _BankContext(_strings(data.get("sources")), _strings(data.get("tags")),
                                     data.get("drawn_from_document") is not False, languages)
    if context.drawn_from_document and not context.sources:
        check.add_at_key(("sources",), N_(
            "a bank drawn from documents names at least one; write drawn_from_document: "
            "false for a bank that is not"))
    for index, slug in enumerate(context.sources):
        if slug not in library.documents:
            check.add(("sources", index), N_("no source document %(slug)s"), slug=slug)
    questions = []
    seen_ids: dict[str, int] = {}
    for index, raw in enumerate(data["questions"]):
        path = ("questions", index)
        if deadline is not None and time.monotonic() > deadline:
            check.add(path, N_("checking took too long and stopped here; split the bank "
                               "into smaller ones"))
            return None, sorted(check.problems, key=lambda p: (p.line, p.column))
        qid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(qid, str):
            if qid in seen_ids:
                check.add(path + ("id",), N_("id %(id)s is already used by questions[%(other)s]"),
                          id=qid, other=seen_ids[qid])
            else:
                seen_ids[qid] = index
        _check_glossary(check, raw, path, library)
        raw = fill_languages(raw, languages)
        question = check.model(_QUESTION, raw, path)
        if question is not None:
            questions.append(question)
        else:
            # Unknown fields aside, the rest may still be checked: report that too.
            question = _without_unknown_fields(raw)
        if question is not None:
            _check_question(check, question, path, context, library)
    for key in ("title", "description"):
        _check_glossary(check, data.get(key), (key,), library)
    if check.problems or header is None:
        return None, sorted(check.problems, key=lambda p: (p.line, p.column))
    return CheckedBank(filename, header, questions, parsed, text), []


def bank_files(paths: Iterable[Path]) -> list[Path]:
    """The bank files named, or found below the folders named (not sources/ or the glossary)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
            found.extend(
                p for p in candidates
                if p.name != "glossary.yaml" and p.parent.name != "sources"
            )
        else:
            found.append(path)
    return found


def validate(
    paths: Iterable[Path], library: Library, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report:
    """Check every bank file; ids and slugs must also be unique across the files."""
    report = Report(problems=list(library.problems))
    id_owner: dict[str, str] = {}
    slug_owner: dict[str, str] = {}
    for path in bank_files(paths):
        display = str(path)
        if not path.is_file():
            report.problems.append(Problem(display, 1, 1, "", N_("no such file")))
            continue
        text = _read(path)
        if text is None:
            report.problems.append(
                Problem(display, 1, 1, "", N_("cannot read the file as UTF-8 text")))
            continue
        bank, problems = check_bank_text(text, display, library, max_bytes=max_bytes)
        report.problems.extend(problems)
        if bank is None:
            continue
        marks = bank.parsed
        if bank.header.slug in slug_owner:
            line, column = marks.where(("slug",))
            report.problems.append(Problem(
                display, line, column, "slug",
                N_("bank slug %(slug)s is already used in %(other)s"),
                {"slug": bank.header.slug, "other": slug_owner[bank.header.slug]}))
        slug_owner.setdefault(bank.header.slug, display)
        for index, question in enumerate(bank.questions):
            if question.id in id_owner:
                line, column = marks.where(("questions", index, "id"))
                report.problems.append(Problem(
                    display, line, column, f"questions[{index}].id",
                    N_("id %(id)s is already used in %(other)s"),
                    {"id": question.id, "other": id_owner[question.id]}))
            else:
                id_owner[question.id] = display
        report.banks.append(bank)
    if report.problems:
        report.banks = []
    return report
