"""The banks feature's services, shared by its views, its commands and other features.

Loading lives in ``loader``, banks written in the browser in ``uploads``; this module
reads bank files for the command line and answers the questions other pages ask.
"""

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select

from ..extensions import db
from .loader import LoadRefused, LoadResult, load_checked, unsaved_question
from .models import Document, Question
from .uploads import Upload, check_upload, publish_upload
from .validator import Library, Report, read_library, validate

__all__ = [
    "LoadRefused", "LoadResult", "Upload", "active_question_counts", "broken_quotes",
    "check_upload", "questions_quoting",
    "load_paths", "publish_upload", "unsaved_question", "validate_paths",
]


def validate_paths(paths: list[Path], library_dir: Path, *,
                   max_bytes: int) -> tuple[Report, Library]:
    library = read_library(library_dir, max_bytes=max_bytes)
    return validate(paths, library, max_bytes=max_bytes), library


def load_paths(paths: list[Path], library_dir: Path, *, max_bytes: int,
               dry_run: bool = False) -> LoadResult:
    """Validate, then load. A whole library folder also retires banks whose file is gone."""
    report, library = validate_paths(paths, library_dir, max_bytes=max_bytes)
    whole_library = any(path.resolve() == library_dir.resolve() for path in paths)
    return load_checked(report, library, retire_missing_banks=whole_library, dry_run=dry_run)


def active_question_counts() -> dict[int, int]:
    """Active questions per bank, in one aggregate query."""
    rows = db.session.execute(
        select(Question.bank_id, func.count())
        .where(Question.retired_at.is_(None))
        .group_by(Question.bank_id)
    )
    return dict(rows.all())


def broken_quotes(questions: Iterable[Question]) -> set[int]:
    """The ids of the questions whose quote their document no longer holds word for word
    (a teacher corrected the document): flagged on the pages, never changed or deleted."""
    return {question.id for question in questions
            if question.document is not None and question.quote
            and question.quote not in question.document.body}


def questions_quoting(document: Document) -> list[Question]:
    """The active questions drawn from a document, in bank order."""
    return list(db.session.scalars(
        select(Question).where(Question.document_id == document.id,
                               Question.retired_at.is_(None))
        .order_by(Question.bank_id, Question.position)))
