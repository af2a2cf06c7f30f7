"""A class's results as a gradebook CSV that a Moodle course imports (Grades > Import >
CSV file): a row per student, identified by username and email address (Moodle maps one
of them to its accounts), and a score out of 100 per graded item."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response


@dataclass(frozen=True)
class GradebookRow:
    name: str
    username: str
    email: str | None
    scores: Sequence[float | None]  # 0..1 per item, None when nothing to grade


def gradebook_csv(header: Sequence[str], items: Sequence[str],
                  rows: Sequence[GradebookRow]) -> bytes:
    """``header`` names the name, username and email columns in the reader's language.
    Scores are plain numbers with a dot (Moodle reads no percent sign, no Arabic digits);
    no byte-order mark, as Moodle's importer asks for the encoding instead."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Items are headed by bank titles, which a teacher writes: escaped as any text cell.
    writer.writerow([*(_text(title) for title in header), *(_text(item) for item in items)])
    for row in rows:
        writer.writerow([_text(row.name), row.username, row.email or "",
                         *("" if score is None else f"{score * 100:.2f}" for score in row.scores)])
    return buffer.getvalue().encode("utf-8")


def _text(value: str) -> str:
    """A cell a spreadsheet would run as a formula is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def gradebook_response(name: str, header: Sequence[str], items: Sequence[str],
                       rows: Sequence[GradebookRow]) -> Response:
    return Response(gradebook_csv(header, items, rows), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}-moodle-grades.csv"'})
