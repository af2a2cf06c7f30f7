"""A bank written in the browser: checked against the stored documents and glossary,
previewed by a dry run of the loader, then published by the loader itself."""

from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from . import schema
from .loader import BankSummary, LoadRefused, LoadResult, load_checked
from .models import Document, GlossaryEntry
from .problems import Problem
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


def check_upload(text: str, filename: str, *, owner_id: int, max_bytes: int) -> Upload:
    """The command line's checks, plus the ownership rules and a plan; writes nothing."""
    library = stored_library()
    checked, problems = check_bank_text(text, filename, library, max_bytes=max_bytes)
    if checked is None:
        return Upload(text, None, problems)
    try:
        result = load_checked(Report(banks=[checked]), library, owner_id=owner_id,
                              author_id=owner_id, dry_run=True)
    except LoadRefused as refused:
        return Upload(text, checked, refused.problems)
    return Upload(text, checked, [], result.banks[0], library)


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
