"""Putting validated banks into the database: one transaction, idempotent, history kept.

A question is matched by its stable ``id`` (``Question.uid``). An edited question is
updated in place (its content hash tells), so every study record that points to it stays
valid; a question that disappeared from its bank is retired, never deleted.
"""

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from ..core.messages import N_
from ..database import IMMEDIATE, utcnow, write_transaction
from ..extensions import db
from ..questions.registry import grading_hints
from . import schema
from .models import Bank, BankRevision, Document, GlossaryEntry, Question, QuestionTag
from .ownership import Publisher, ownership_problems, publisher, quota_problems, stored_name
from .problems import Problem
from .search_text import question_search_text
from .validator import CheckedBank, Library, Report

Glossary = Sequence[dict[str, Any]]  # the glossary's entries, dumped


class LoadRefused(Exception):
    """Nothing was loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
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
    revision: int | None = None  # the number of the revision this load recorded

    @property
    def changed(self) -> bool:
        return bool(self.created or self.details_updated or self.added or self.updated
                    or self.retired or self.revision)


@dataclass
class LoadResult:
    banks: list[BankSummary]
    documents_changed: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.documents_changed) or any(bank.changed for bank in self.banks)


def content_hash(value: object) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# Fields stored in their own columns; the rest of a question is its type's ``details``.
# A flashcard's front is its prompt (every type's schema has a ``prompt``).
_COLUMNS = {"id", "type", "prompt", "front", "explanation", "source", "tags", "difficulty"}


def _question_row_values(question: schema.Question, position: int, glossary: Glossary = ()
                         ) -> dict[str, Any]:
    dumped = question.model_dump(mode="json", exclude_none=True)
    prompt = question.prompt
    details = {key: value for key, value in dumped.items() if key not in _COLUMNS}
    # What grading needs beyond the bank's text (glossary spellings, the source's "more
    # than"), derived here so that checking an answer reads no file and no other row.
    source = question.source
    hints = grading_hints(question.type, details, source.quote if source else "", glossary)
    details.update(hints)
    return {
        "position": position,
        "type": question.type,
        "prompt_ar": prompt.ar,
        "prompt_en": prompt.en,
        "explanation_ar": question.explanation.ar,
        "explanation_en": question.explanation.en,
        "details": details,
        # No source, no quote: nothing is invented for an imported question.
        "quote": source.quote if source else "",
        "quote_en": (source.quote_en or "") if source else "",
        "difficulty": question.difficulty,
        "search_text": question_search_text(
            type=question.type, details=details, prompt_ar=prompt.ar, prompt_en=prompt.en,
            quote=source.quote if source else "",
            quote_en=(source.quote_en or "") if source else ""),
        "content_hash": content_hash({**dumped, "hints": hints} if hints else dumped),
    }


def _tag_rows(question: schema.Question) -> list[QuestionTag]:
    return [QuestionTag(tag=tag) for tag in dict.fromkeys(question.tags)]


def unsaved_question(question: schema.Question, position: int, glossary: Glossary = ()
                     ) -> Question:
    """A Question row for a validated question, tags included, not added to any session."""
    row = Question(uid=question.id, **_question_row_values(question, position, glossary))
    row.tag_rows = _tag_rows(question)
    return row


def _sync_documents(library: Library, needed: set[str]) -> tuple[dict[str, Document], list[str]]:
    """The documents the banks cite, by the slug they cite them with; from files, each
    one stored or updated first (a shipped load)."""
    changed: list[str] = []
    if library.stored:
        # Read back from the database: a teacher's own documents are cited as written.
        stored = {library.documents[slug].stored_slug or slug: slug for slug in needed}
        return {
            stored[doc.slug]: doc for doc in db.session.scalars(
                select(Document).where(Document.slug.in_(stored)))
        }, changed
    existing = {
        doc.slug: doc
        for doc in db.session.scalars(select(Document).where(Document.slug.in_(needed)))
    }
    for slug in sorted(needed):
        source = library.documents[slug]
        meta = source.meta
        assert meta is not None, "only documents read back from the database have no meta"
        values = {
            "title_ar": meta.title.ar,
            "title_en": meta.title.en,
            "event_date": meta.date,
            "language": meta.language,
            "summary_en": meta.summary_en,
            "body": source.text,
            "body_en": source.text_en,
        }
        digest = content_hash(values)
        document = existing.get(slug)
        if document is None:
            document = Document(slug=slug, content_hash=digest, shipped=True, **values)
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


def _sync_bank(checked: CheckedBank, documents: dict[str, Document], owner_id: int | None,
               questions_by_uid: dict[str, Question], now: datetime, glossary: Glossary
               ) -> BankSummary:
    header = checked.header
    key = stored_name(header.slug, owner_id)
    summary = BankSummary(key)
    bank_values = {
        "title_ar": header.title.ar,
        "title_en": header.title.en,
        "description_ar": header.description.ar,
        "description_en": header.description.en,
        "topic_tags": list(header.tags),
        "languages": list(header.languages),
    }
    hashed = {**bank_values, "sources": sorted(header.sources)}
    if hashed["languages"] == list(schema.LANGUAGES):
        del hashed["languages"]  # the default: the banks loaded before it stay unchanged
    bank_hash = content_hash(hashed)
    bank = db.session.scalar(select(Bank).where(Bank.slug == key))
    if bank is None:
        bank = Bank(slug=key, owner_id=owner_id, shipped=owner_id is None,
                    content_hash=bank_hash, **bank_values)
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
    new_rows: list[dict[str, Any]] = []
    new_tags: dict[str, list[str]] = {}
    for position, question in enumerate(checked.questions):
        uid = stored_name(question.id, owner_id)
        seen.add(uid)
        values = _question_row_values(question, position, glossary)
        values["document_id"] = (documents[question.source.document].id
                                 if question.source else None)
        row = questions_by_uid.get(uid)
        if row is None:
            new_rows.append({"uid": uid, "bank_id": bank.id, "created_at": now,
                             "updated_at": now, **values})
            new_tags[uid] = list(dict.fromkeys(question.tags))
            summary.added.append(uid)
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
            row.tag_rows = _tag_rows(question)
        if content_changed or moved or row.retired_at is not None:
            row.retired_at = None
            row.updated_at = now
            summary.updated.append(uid)
        else:
            summary.unchanged += 1  # only its place in the bank moved

    _insert_questions(new_rows, new_tags)
    gone = [(question_id, uid) for question_id, uid in db.session.execute(
        select(Question.id, Question.uid)
        .where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .order_by(Question.position)) if uid not in seen]
    if gone:
        db.session.execute(update(Question).where(Question.id.in_([i for i, _ in gone]))
                           .values(retired_at=now))
        summary.retired.extend(uid for _, uid in gone)
    return summary


def _insert_questions(rows: list[dict[str, Any]], tags: dict[str, list[str]]) -> None:
    """New questions and their tags as a few multi-row INSERTs, not one ORM object (and
    one statement) each: a 10,000-question bank loads in seconds."""
    for start in range(0, len(rows), 1000):
        chunk = rows[start:start + 1000]
        ids = db.session.execute(insert(Question).returning(Question.uid, Question.id),
                                 chunk).all()
        tag_rows = [{"question_id": question_id, "tag": tag}
                    for uid, question_id in ids for tag in tags[uid]]
        if tag_rows:
            db.session.execute(insert(QuestionTag), tag_rows)


@contextmanager
def _transaction(dry_run: bool) -> Iterator[None]:
    """The loader's write transaction; a dry run makes every change, then rolls it back.

    A dry run takes the write lock like a real load (BEGIN IMMEDIATE on SQLite), so it
    sees exactly what publishing would meet and never fails halfway upgrading its lock.
    """
    if not dry_run:
        with write_transaction():
            yield
        return
    session = db.session()
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={IMMEDIATE: True})
    try:
        yield
    finally:
        session.rollback()


def load_checked(report: Report, library: Library, *, owner_id: int | None = None,
                 retire_missing_banks: bool = False, author_id: int | None = None,
                 dry_run: bool = False, max_banks: int | None = None,
                 keep_revisions: int | None = None, based_on: int | None = None
                 ) -> LoadResult:
    """Load a report's banks in one write transaction; all of it or none of it.

    ``owner_id`` is the teacher a bank belongs to (None: the shipped banks). A bank, or a
    question id, that already belongs to someone else is refused, never taken over.
    ``dry_run`` does the same work and returns the same summary, then rolls it all back:
    the preview of a bank is the load itself, not a second copy of its rules.
    ``max_banks`` is how many banks the owner may keep; ``keep_revisions`` how many
    revisions of a bank are kept, the oldest deleted (None: no limit). ``based_on`` is
    the revision an edit of one bank started from: when another revision was recorded
    since, nothing is loaded (the edit would silently undo it).
    """
    if not report.ok:
        raise LoadRefused(report.problems)
    now = utcnow()
    with _transaction(dry_run):
        needed = {slug for checked in report.banks for slug in checked.header.sources}
        documents, documents_changed = _sync_documents(library, needed)
        if not library.stored:
            _sync_glossary(library)
        db.session.flush()
        banks, questions_by_uid, owner_by_uid = _existing(report, owner_id)
        problems = ownership_problems(report, banks, owner_by_uid, owner_id)
        if max_banks is not None and owner_id is not None:
            problems += quota_problems(report, banks, owner_id, max_banks)
        if problems:
            raise LoadRefused(problems)
        glossary = [entry.model_dump() for entry in library.glossary]
        summaries = [
            _sync_bank(checked, documents, owner_id, questions_by_uid, now, glossary)
            for checked in report.banks
        ]
        _record_revisions(report, summaries, author_id, now, keep_revisions, based_on)
        if retire_missing_banks:
            summaries += _retire_missing_banks({c.header.slug for c in report.banks}, now)
    return LoadResult(summaries, documents_changed)


def _existing(report: Report, owner_id: int | None
              ) -> tuple[dict[str, Bank], dict[str, Question], dict[str, Publisher]]:
    """The stored banks (by slug) and questions (by uid) a report's banks touch, and who
    owns each question's bank: a bounded number of queries."""
    uids = [stored_name(q.id, owner_id) for checked in report.banks for q in checked.questions]
    questions_by_uid: dict[str, Question] = {}
    owner_by_uid: dict[str, Publisher] = {}
    for start in range(0, len(uids), 500):  # bounded IN lists
        chunk = uids[start:start + 500]
        for row, shipped, owner in db.session.execute(
            select(Question, Bank.shipped, Bank.owner_id)
            .join(Bank, Bank.id == Question.bank_id).where(Question.uid.in_(chunk))
        ):
            questions_by_uid[row.uid] = row
            owner_by_uid[row.uid] = publisher(shipped, owner)
    banks = {
        bank.slug: bank for bank in db.session.scalars(
            select(Bank).where(Bank.slug.in_(
                [stored_name(c.header.slug, owner_id) for c in report.banks])))
    }
    return banks, questions_by_uid, owner_by_uid


def _record_revisions(report: Report, summaries: list[BankSummary], author_id: int | None,
                      now: datetime, keep: int | None, based_on: int | None = None) -> None:
    """A new revision for each bank whose text differs from its latest one; of each
    bank's revisions, the newest ``keep`` stay."""
    db.session.flush()
    bank_ids = dict(db.session.execute(
        select(Bank.slug, Bank.id).where(Bank.slug.in_([s.slug for s in summaries]))).all())
    latest = {
        bank_id: (number, text_hash)
        for bank_id, number, text_hash in db.session.execute(
            select(BankRevision.bank_id, BankRevision.number, BankRevision.text_hash)
            .where(BankRevision.bank_id.in_(bank_ids.values()))
            .order_by(BankRevision.bank_id, BankRevision.number))
    }
    for checked, summary in zip(report.banks, summaries, strict=True):
        bank_id = bank_ids[summary.slug]
        text_hash = hashlib.sha256(checked.text.encode("utf-8")).hexdigest()
        number, previous_hash = latest.get(bank_id, (0, None))
        if based_on is not None and number != based_on:
            raise LoadRefused([Problem(checked.file, 1, 1, "", N_(
                "the bank changed while it was being checked; check it again"))])
        if previous_hash == text_hash and not summary.changed:
            continue
        summary.revision = number + 1
        db.session.add(BankRevision(
            bank_id=bank_id, number=number + 1, yaml_text=checked.text, text_hash=text_hash,
            author_id=author_id, added=len(summary.added), updated=len(summary.updated),
            retired=len(summary.retired), created_at=now))
        if keep is not None:
            db.session.execute(delete(BankRevision).where(
                BankRevision.bank_id == bank_id, BankRevision.number <= number + 1 - keep))


def _sync_glossary(library: Library) -> None:
    wanted = {
        entry.id: (position, entry.model_dump(mode="json", exclude={"id"}))
        for position, entry in enumerate(library.glossary)
    }
    # The shipped glossary only: the teachers' own entries are theirs.
    stored = {row.slug: row for row in db.session.scalars(
        select(GlossaryEntry).where(GlossaryEntry.owner_id.is_(None)))}
    for slug, row in stored.items():
        if slug not in wanted:
            db.session.delete(row)
    for slug, (position, entry) in wanted.items():
        current = stored.get(slug)
        if current is None:
            db.session.add(GlossaryEntry(slug=slug, position=position, entry=entry))
        elif (current.position, current.entry) != (position, entry):
            current.position, current.entry = position, entry


def _retire_missing_banks(present: set[str], now: datetime) -> list[BankSummary]:
    """Retire the shipped banks (no owner) whose file is gone, with their questions (in
    bank order: PostgreSQL returns rows a rolled-back dry run touched in another order)."""
    summaries = []
    missing = db.session.scalars(
        select(Bank).where(Bank.shipped.is_(True), Bank.retired_at.is_(None),
                           Bank.slug.not_in(present)).order_by(Bank.slug)
    )
    for bank in missing:
        bank.retired_at = now
        summary = BankSummary(bank.slug)
        for row in db.session.scalars(
            select(Question).where(Question.bank_id == bank.id, Question.retired_at.is_(None))
            .order_by(Question.position)
        ):
            row.retired_at = now
            summary.retired.append(row.uid)
        summary.details_updated = True
        summaries.append(summary)
    return summaries


