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
from . import schema
from .models import Bank, BankRevision, Document, GlossaryEntry, Question, QuestionTag
from .problems import N_, Problem
from .validator import (
    CheckedBank,
    Library,
    Report,
    SourceDocument,
    check_bank_text,
    read_library,
    validate,
)


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
        "quote_en": question.source.quote_en,
        "difficulty": question.difficulty,
        "content_hash": content_hash(dumped),
    }


def _tag_rows(question) -> list[QuestionTag]:
    return [QuestionTag(tag=tag) for tag in dict.fromkeys(question.tags)]


def unsaved_question(question, position: int) -> Question:
    """A Question row for a validated question, tags included, not added to any session."""
    row = Question(uid=question.id, **_question_row_values(question, position))
    row.tag_rows = _tag_rows(question)
    return row


def _sync_documents(library: Library, needed: set[str]) -> tuple[dict[str, Document], list]:
    existing = {
        doc.slug: doc
        for doc in db.session.scalars(select(Document).where(Document.slug.in_(needed)))
    }
    changed = []
    if library.stored:
        return existing, changed
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
            "body_en": source.text_en,
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
        bank = Bank(slug=header.slug, owner_id=owner_id, shipped=owner_id is None,
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
    for position, question in enumerate(checked.questions):
        seen.add(question.id)
        values = _question_row_values(question, position)
        values["document_id"] = documents[question.source.document].id
        row = questions_by_uid.get(question.id)
        if row is None:
            row = Question(uid=question.id, bank_id=bank.id, **values)
            row.tag_rows = _tag_rows(question)
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
            row.tag_rows = _tag_rows(question)
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
                 retire_missing_banks: bool = False, author_id: int | None = None
                 ) -> LoadResult:
    """Load a report's banks in one write transaction; all of it or none of it.

    ``owner_id`` is the teacher a bank belongs to (None: the shipped banks). A bank, or a
    question id, that already belongs to someone else is refused, never taken over.
    """
    if not report.ok:
        raise LoadRefused(report.problems)
    now = utcnow()
    with write_transaction():
        needed = {slug for checked in report.banks for slug in checked.header.sources}
        documents, documents_changed = _sync_documents(library, needed)
        if not library.stored:
            _sync_glossary(library)
        db.session.flush()
        banks, questions_by_uid, owner_by_uid = _existing(report)
        problems = _ownership_problems(report, banks, owner_by_uid, owner_id)
        if problems:
            raise LoadRefused(problems)
        summaries = [
            _sync_bank(checked, documents, owner_id, questions_by_uid, now)
            for checked in report.banks
        ]
        _record_revisions(report, summaries, author_id, now)
        if retire_missing_banks:
            summaries += _retire_missing_banks({c.header.slug for c in report.banks}, now)
    return LoadResult(summaries, documents_changed)


def _existing(report: Report):
    """The stored banks (by slug) and questions (by uid) a report's banks touch, and who
    owns each question's bank: a bounded number of queries."""
    uids = [q.id for checked in report.banks for q in checked.questions]
    questions_by_uid, owner_by_uid = {}, {}
    for start in range(0, len(uids), 500):  # bounded IN lists
        chunk = uids[start:start + 500]
        for row, shipped, owner in db.session.execute(
            select(Question, Bank.shipped, Bank.owner_id)
            .join(Bank, Bank.id == Question.bank_id).where(Question.uid.in_(chunk))
        ):
            questions_by_uid[row.uid] = row
            owner_by_uid[row.uid] = _publisher(shipped, owner)
    banks = {
        bank.slug: bank for bank in db.session.scalars(
            select(Bank).where(Bank.slug.in_([c.header.slug for c in report.banks])))
    }
    return banks, questions_by_uid, owner_by_uid


def _publisher(shipped: bool, owner_id: int | None):
    """Who a bank belongs to: "shipped", a teacher's id, or None for a bank whose teacher
    left (which nobody may take over, the shipped loader included)."""
    return "shipped" if shipped else owner_id


def _ownership_problems(report: Report, banks: dict[str, Bank], owner_by_uid: dict,
                        owner_id: int | None) -> list[Problem]:
    loading_as = "shipped" if owner_id is None else owner_id
    problems = []
    for checked in report.banks:
        marks = checked.parsed
        bank = banks.get(checked.header.slug)
        if bank is not None and _publisher(bank.shipped, bank.owner_id) != loading_as:
            line, column = marks.where(("slug",))
            problems.append(Problem(
                checked.file, line, column, "slug",
                N_("the slug %(slug)s is already used by another bank; choose another"),
                {"slug": checked.header.slug}))
        for index, question in enumerate(checked.questions):
            if question.id in owner_by_uid and owner_by_uid[question.id] != loading_as:
                line, column = marks.where(("questions", index, "id"))
                problems.append(Problem(
                    checked.file, line, column, f"questions[{index}].id",
                    N_("the id %(id)s is already used by another bank; choose another"),
                    {"id": question.id}))
    return problems


def _record_revisions(report: Report, summaries: list[BankSummary], author_id, now) -> None:
    """A new revision for each bank whose text differs from its latest one."""
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
        if previous_hash == text_hash and not summary.changed:
            continue
        summary.revision = number + 1
        db.session.add(BankRevision(
            bank_id=bank_id, number=number + 1, yaml_text=checked.text, text_hash=text_hash,
            author_id=author_id, added=len(summary.added), updated=len(summary.updated),
            retired=len(summary.retired), created_at=now))


def _sync_glossary(library: Library) -> None:
    wanted = {
        entry.id: (position, entry.model_dump(mode="json", exclude={"id"}))
        for position, entry in enumerate(library.glossary)
    }
    stored = {row.slug: row for row in db.session.scalars(select(GlossaryEntry))}
    for slug, row in stored.items():
        if slug not in wanted:
            db.session.delete(row)
    for slug, (position, entry) in wanted.items():
        row = stored.get(slug)
        if row is None:
            db.session.add(GlossaryEntry(slug=slug, position=position, entry=entry))
        elif (row.position, row.entry) != (position, entry):
            row.position, row.entry = position, entry


@dataclass
class Upload:
    """A bank written in the browser, checked: its problems, or what publishing would do."""

    text: str
    checked: CheckedBank | None
    problems: list[Problem]
    plan: BankSummary | None = None
    library: Library | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.checked is not None and not self.problems


def check_upload(text: str, filename: str, *, owner_id: int, max_bytes: int) -> Upload:
    """The command line's checks, plus the ownership rules and a plan; writes nothing."""
    library = stored_library()
    checked, problems = check_bank_text(text, filename, library, max_bytes=max_bytes)
    if checked is None:
        return Upload(text, None, problems)
    report = Report(banks=[checked])
    banks, questions_by_uid, owner_by_uid = _existing(report)
    problems = _ownership_problems(report, banks, owner_by_uid, owner_id)
    if problems:
        return Upload(text, checked, problems)
    plan = _plan(checked, banks.get(checked.header.slug), questions_by_uid)
    return Upload(text, checked, [], plan, library)


def _plan(checked: CheckedBank, bank: Bank | None, questions_by_uid: dict) -> BankSummary:
    """What loading the bank would change, by the loader's own rules (a dry run)."""
    summary = BankSummary(checked.header.slug, created=bank is None)
    for position, question in enumerate(checked.questions):
        row = questions_by_uid.get(question.id)
        if row is None:
            summary.added.append(question.id)
        elif (row.content_hash != _question_row_values(question, position)["content_hash"]
              or row.retired_at is not None or bank is None or row.bank_id != bank.id):
            summary.updated.append(question.id)
        else:
            summary.unchanged += 1
    if bank is not None:
        seen = {question.id for question in checked.questions}
        summary.retired = [
            uid for uid in db.session.scalars(
                select(Question.uid).where(Question.bank_id == bank.id,
                                           Question.retired_at.is_(None)))
            if uid not in seen
        ]
    return summary


def publish_upload(upload: Upload, *, owner_id: int) -> LoadResult:
    """Load a checked upload as the teacher's bank: the loader's transaction and rules."""
    return load_checked(Report(banks=[upload.checked]), upload.library, owner_id=owner_id,
                        author_id=owner_id)


def stored_library() -> Library:
    """The documents and glossary as loaded: what a bank checked in the browser meets."""
    library = Library(stored=True)
    for slug, body in db.session.execute(select(Document.slug, Document.body)):
        library.documents[slug] = SourceDocument(None, body)
    library.glossary = [
        schema.GlossaryEntry.model_validate({"id": row.slug, **row.entry})
        for row in db.session.scalars(select(GlossaryEntry).order_by(GlossaryEntry.position))
    ]
    return library


def _retire_missing_banks(present: set[str], now) -> list[BankSummary]:
    """Retire the shipped banks whose file is gone, with their questions."""
    summaries = []
    missing = db.session.scalars(
        select(Bank).where(Bank.shipped.is_(True), Bank.retired_at.is_(None),
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
