"""A class's results as a file (CSV, XLSX or a Moodle gradebook): built the same way for a
download at once and for a big class's export job."""

from datetime import UTC, datetime

from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ..accounts.models import SchoolClass
from ..banks.labels import QUESTION_TYPE_LABELS
from ..interop.gradebook import GradebookRow, gradebook_response
from ..progress.classes import class_report
from ..progress.exports import Share, table_response
from . import services
from .results import AssignmentResult, assignment_results


def question_type_label(kind: str):
    return QUESTION_TYPE_LABELS.get(kind, kind)


def ratio(value):
    return None if value is None else Share(round(value, 4))


def report_download(school_class: SchoolClass, fmt: str, lang: str) -> Response:
    rows, _completion = class_report(school_class, datetime.now(UTC))
    results = assignment_results(school_class, rows)
    class_assignments = services.assignments([school_class.id])
    if fmt == "moodle":
        # A gradebook: per assignment, the best quiz score and completion (full once done).
        return gradebook_response(
            "class-results", [_("Name"), _("Username"), _("Email address")],
            [label for a in class_assignments
             for label in (_("%(bank)s: quiz score", bank=a.bank.title(lang)),
                           _("%(bank)s: completion", bank=a.bank.title(lang)))],
            [GradebookRow(r.student.display_name, r.student.username, r.student.email,
                          [score for a in class_assignments
                           for score in gradebook_scores(results.get((r.student.id, a.id)))])
             for r in rows])
    return table_response(
        fmt, "class-results",
        [_("Name"), _("Username"), _("Reviews, 7 days"), _("Reviews, 30 days"),
         _("Retention"), _("Mastered"), _("Studied"),
         *(label for a in class_assignments for label in result_headers(a.bank.title(lang))),
         _("Last activity")],
        [(r.student.display_name, r.student.username, r.reviews_7d, r.reviews_30d,
          ratio(r.retention_30d), r.mastered, r.studied,
          *(cell for a in class_assignments
            for cell in result_cells(results.get((r.student.id, a.id)))),
          r.last_activity.isoformat() if r.last_activity else None) for r in rows],
        rtl=lang == "ar")


def result_headers(bank_title: str) -> list[str]:
    return [_("%(bank)s: done", bank=bank_title),
            _("%(bank)s: cards studied", bank=bank_title),
            _("%(bank)s: best quiz score", bank=bank_title),
            _("%(bank)s: last quiz score", bank=bank_title),
            _("%(bank)s: last quiz", bank=bank_title)]


def result_cells(result: AssignmentResult | None) -> list:
    """The cells under ``result_headers``: a word for done, shares, the quiz's time."""
    if result is None:
        return [_("No"), None, None, None, None]
    quiz = result.quiz
    return [_("Yes") if result.done else _("No"), ratio(result.cards),
            ratio(quiz.best) if quiz else None, ratio(quiz.last) if quiz else None,
            quiz.last_at.isoformat() if quiz else None]


def gradebook_scores(result: AssignmentResult | None) -> tuple[float | None, float]:
    if result is None:
        return None, 0.0
    return (result.quiz.best if result.quiz else None), (1.0 if result.done else result.cards)
