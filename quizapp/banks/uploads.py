"""A bank written in the browser: checked against the stored documents and glossary,
previewed by a dry run of the loader, then published by the loader itself."""

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import false, or_, select
from sqlalchemy.exc import IntegrityError

from ..core.messages import N_
from ..extensions import db
from . import schema
from .loader import BankSummary, LoadRefused, LoadResult, load_checked
from .models import Document, GlossaryEntry
from .ownership import written_name
from .problems import Nn_, Problem
from .validator import CheckedBank, Library, Report, SourceDocument, check_bank_text


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


@dataclass(frozen=True)
class UploadLimits:
    """What a teacher may check and keep (the defaults are config.py's)."""

    max_questions: int = 200
    max_banks: int = 200
    keep_revisions: int = 100
    check_seconds: float = 5

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "UploadLimits":
        return cls(config["UPLOAD_MAX_QUESTIONS"], config["MAX_BANKS_PER_TEACHER"],
                   config["MAX_KEPT_REVISIONS"], config["UPLOAD_CHECK_SECONDS"])


def check_upload(text: str, filename: str, *, owner_id: int, max_bytes: int,
                 limits: UploadLimits | None = None) -> Upload:
    """The command line's checks, plus the ownership rules and limits, and a plan (the
    load itself, rolled back); writes nothing."""
    limits = limits or UploadLimits()
    size = len(text.encode("utf-8"))
    if size > max_bytes:  # refused unread, in words that say what to do instead
        return Upload(text, None, [Problem(filename, 1, 1, "", Nn_(
            "the bank is %(size)s byte; the limit for a bank checked here is %(limit)s: "
            "split it into smaller banks, or ask the site's administrator to load it with "
            "the command line (flask bank load)",
            "the bank is %(size)s bytes; the limit for a bank checked here is %(limit)s: "
            "split it into smaller banks, or ask the site's administrator to load it with "
            "the command line (flask bank load)", "size"), {"size": size, "limit": max_bytes})])
    library = stored_library(owner_id)
    checked, problems = check_bank_text(
        text, filename, library, max_bytes=max_bytes, max_questions=limits.max_questions,
        deadline=time.monotonic() + limits.check_seconds)
    if checked is None:
        return Upload(text, None, problems)
    try:
        result = _load(checked, library, owner_id, limits, dry_run=True)
    except LoadRefused as refused:
        return Upload(text, checked, refused.problems)
    except IntegrityError:
        # The same names written by another request while this one ran (a second tab).
        return Upload(text, checked, [Problem(filename, 1, 1, "", N_(
            "the bank changed while it was being checked; check it again"))])
    return Upload(text, checked, [], result.banks[0], library)


def publish_upload(upload: Upload, *, owner_id: int, limits: UploadLimits | None = None,
                   based_on: int | None = None) -> LoadResult:
    """Load a checked upload as the teacher's bank: the loader's transaction and rules.
    ``based_on``: the revision the edit started from (see ``load_checked``)."""
    if upload.checked is None or upload.library is None:
        raise ValueError("only an upload that passed its checks can be published")
    return _load(upload.checked, upload.library, owner_id, limits or UploadLimits(),
                 dry_run=False, based_on=based_on)


def _load(checked: CheckedBank, library: Library, owner_id: int, limits: UploadLimits, *,
          dry_run: bool, based_on: int | None = None) -> LoadResult:
    return load_checked(Report(banks=[checked]), library, owner_id=owner_id,
                        author_id=owner_id, dry_run=dry_run, max_banks=limits.max_banks,
                        keep_revisions=limits.keep_revisions, based_on=based_on)


def stored_library(owner_id: int | None = None) -> Library:
    """The documents and glossary as loaded: what a bank checked in the browser meets.

    For a teacher (``owner_id``): the shipped ones and the teacher's own, cited by the
    name the teacher gave them (their own first, should a shipped one share it); never
    another teacher's, which such a bank cannot cite or even name.
    """
    library = Library(stored=True)
    owned = Document.owner_id == owner_id if owner_id is not None else false()
    rows = db.session.execute(
        select(Document.slug, Document.body, Document.owner_id)
        .where(or_(Document.shipped.is_(True), owned))
        .order_by(Document.owner_id.is_not(None)))
    for slug, body, owner in rows:
        written = written_name(slug) if owner is not None else slug
        library.documents[written] = SourceDocument(None, body, stored_slug=slug)
    entries = db.session.scalars(
        select(GlossaryEntry)
        .where(or_(GlossaryEntry.owner_id.is_(None),
                   GlossaryEntry.owner_id == owner_id if owner_id is not None else false()))
        .order_by(GlossaryEntry.owner_id.is_not(None), GlossaryEntry.position))
    library.glossary = [
        schema.GlossaryEntry.model_validate({"id": written_name(row.slug), **row.entry})
        for row in entries
    ]
    return library
