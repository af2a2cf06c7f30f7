"""Putting validated banks into the database: one transaction, idempotent, history kept.

A question is matched by its stable ``id`` (``Question.uid``). An edited question is
updated in place (its content hash tells), so every study record that points to it stays
valid; a question that disappeared from its bank is retired, never deleted.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from ..database import utcnow, write_transaction
from ..extensions import db
from .models import Bank, Document, Question, QuestionTag
from .validator import CheckedBank, Library, Report, read_library, validate


class LoadRefused(Exception):
    """Nothing was loaded; ``problems`` says why."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class BankSummary:
    slug: str
    created: bool = False
    details_updated: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.details_updated or self.added or self.updated
                    or self.retired)


@dataclass
class LoadResult:
    banks: list[BankSummary]
    documents_changed: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.documents_changed) or any(bank.changed for bank in self.banks)


def content_hash(value) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _question_row_values(question, position: int) -> dict:
    dumped = question.model_dump(mode="json", exclude_none=True)
    common = {"id", "type", "prompt", "explanation", "source", "tags", "difficulty"}
    if question.type == "flashcard":
        common |= {"front"}
        prompt = question.front
    else:
        prompt = question.prompt
    details = {key: value for key, value in dumped.items() if key not in common}
    return {
        "position": position,
        "type": question.type,
        "prompt_ar": prompt.ar,
        "prompt_en": prompt.en,
        "explanation_ar": question.explanation.ar,
        "explanation_en": question.explanation.en,
        "details": details,
        "quote": question.source.quote,
        "difficulty": question.difficulty,
        "content_hash": content_hash(dumped),
    }


def _sync_documents(library: Library, needed: set[str]) -> tuple[dict[str, Document], list]:
    existing = {
        doc.slug: doc
        for doc in db.session.scalars(select(Document).where(Document.slug.in_(needed)))
    }
    changed = []
    for slug in sorted(needed):
        source = library.documents[slug]
        meta = source.meta
        values = {
            "title_ar": meta.title.ar,
            "title_en": meta.title.en,
            "event_date": meta.date,
            "language": meta.language,
            "summary_en": meta.summary_en,
            "body": source.text,
        }
        digest = content_hash(values)
        document = existing.get(slug)
        if document is None:
            document = Document(slug=slug, content_hash=digest, **values)
            db.session.add(document)
            existing[slug] = document
            changed.append(slug)
        elif document.content_hash != digest:
            for key, value in values.items():
                setattr(document, key, value)
            document.content_hash = digest
            document.updated_at = utcnow()
            changed.append(slug)
    return existing, changed


def _sync_bank(checked: CheckedBank, documents: dict[str, Document], owner_id,
               questions_by_uid: dict[str, Question], now) -> BankSummary:
    header = checked.header
    summary = BankSummary(header.slug)
    bank_values = {
        "title_ar": header.title.ar,
        "title_en": header.title.en,
        "description_ar": header.description.ar,
        "description_en": header.description.en,
        "topic_tags": list(header.tags),
    }
    bank_hash = content_hash({**bank_values, "sources": sorted(header.sources)})
    bank = db.session.scalar(select(Bank).where(Bank.slug == header.slug))
    if bank is None:
        bank = Bank(slug=header.slug, owner_id=owner_id, content_hash=bank_hash, **bank_values)
        bank.documents = [documents[slug] for slug in header.sources]
        db.session.add(bank)
        db.session.flush()
        summary.created = True
    elif bank.content_hash != bank_hash or bank.retired_at is not None:
        for key, value in bank_values.items():
            setattr(bank, key, value)
        bank.documents = [documents[slug] for slug in header.sources]
        bank.content_hash = bank_hash
        bank.retired_at = None
        bank.updated_at = now
        summary.details_updated = True

    seen = set()
    for position, question in enumerate(checked.questions):
        seen.add(question.id)
        values = _question_row_values(question, position)
        values["document_id"] = documents[question.source.document].id
        row = questions_by_uid.get(question.id)
        if row is None:
            row = Question(uid=question.id, bank_id=bank.id, **values)
            row.tag_rows = [QuestionTag(tag=tag) for tag in dict.fromkeys(question.tags)]
            db.session.add(row)
            summary.added.append(question.id)
            continue
        moved = row.bank_id != bank.id
        if row.content_hash == values["content_hash"] and row.position == position \
                and row.retired_at is None and not moved:
            summary.unchanged += 1
            continue
        content_changed = row.content_hash != values["content_hash"]
        for key, value in values.items():
            setattr(row, key, value)
        row.bank_id = bank.id
        if content_changed:
            row.tag_rows = [QuestionTag(tag=tag) for tag in dict.fromkeys(question.tags)]
        if content_changed or moved or row.retired_at is not None:
            row.retired_at = None
            row.updated_at = now
            summary.updated.append(question.id)
        else:
            summary.unchanged += 1  # only its place in the bank moved

    gone = db.session.scalars(
        select(Question).where(Question.bank_id == bank.id, Question.retired_at.is_(None))
    )
    for row in gone:
        if row.uid not in seen:
            row.retired_at = now
            summary.retired.append(row.uid)
    return summary


def load_checked(report: Report, library: Library, *, owner_id: int | None = None,
                 retire_missing_banks: bool = False) -> LoadResult:
    """Load a report's banks in one write transaction; all of it or none of it."""
    if not report.ok:
        raise LoadRefused(report.problems)
    now = utcnow()
    with write_transaction():
        needed = {slug for checked in report.banks for slug in checked.header.sources}
        documents, documents_changed = _sync_documents(library, needed)
        db.session.flush()
        uids = [q.id for checked in report.banks for q in checked.questions]
        questions_by_uid = {}
        for start in range(0, len(uids), 500):  # bounded IN lists
            chunk = uids[start:start + 500]
            questions_by_uid.update(
                (row.uid, row)
                for row in db.session.scalars(select(Question).where(Question.uid.in_(chunk)))
            )
        summaries = [
            _sync_bank(checked, documents, owner_id, questions_by_uid, now)
            for checked in report.banks
        ]
        if retire_missing_banks:
            summaries += _retire_missing_banks({c.header.slug for c in report.banks}, now)
    return LoadResult(summaries, documents_changed)


def _retire_missing_banks(present: set[str], now) -> list[BankSummary]:
    """Retire the shipped banks (no owner) whose file is gone, with their questions."""
    summaries = []
    missing = db.session.scalars(
        select(Bank).where(Bank.owner_id.is_(None), Bank.retired_at.is_(None),
                           Bank.slug.not_in(present))
    )
    for bank in missing:
        bank.retired_at = now
        summary = BankSummary(bank.slug)
        for row in db.session.scalars(
            select(Question).where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        ):
            row.retired_at = now
            summary.retired.append(row.uid)
        summary.details_updated = True
        summaries.append(summary)
    return summaries


def validate_paths(paths: list[Path], library_dir: Path, *, max_bytes: int):
    library = read_library(library_dir, max_bytes=max_bytes)
    return validate(paths, library, max_bytes=max_bytes), library


def load_paths(paths: list[Path], library_dir: Path, *, max_bytes: int) -> LoadResult:
    """Validate, then load. A whole library folder also retires banks whose file is gone."""
    report, library = validate_paths(paths, library_dir, max_bytes=max_bytes)
    whole_library = any(path.resolve() == library_dir.resolve() for path in paths)
    return load_checked(report, library, retire_missing_banks=whole_library)


def active_question_counts() -> dict[int, int]:
    """Active questions per bank, in one aggregate query."""
    rows = db.session.execute(
        select(Question.bank_id, func.count())
        .where(Question.retired_at.is_(None))
        .group_by(Question.bank_id)
    )
    return dict(rows.all())
