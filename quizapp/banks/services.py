"""The banks feature's services, shared by its views, its commands and other features.

Loading lives in ``loader``, banks written in the browser in ``uploads``; this module
reads bank files for the command line and answers the questions other pages ask.
"""

from pathlib import Path

from sqlalchemy import func, select

from ..extensions import db
from .loader import LoadRefused, LoadResult, load_checked, unsaved_question
from .models import Question
from .uploads import Upload, check_upload, publish_upload
from .validator import Library, Report, read_library, validate

__all__ = [
    "LoadRefused", "LoadResult", "Upload", "active_question_counts", "check_upload",
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
