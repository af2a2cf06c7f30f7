"""A class's results as a file (CSV, XLSX or a Moodle gradebook): built the same way for a
download at once and for a big class's export job."""

from datetime import UTC, datetime

from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ..accounts.models import SchoolClass
from ..banks.labels import QUESTION_TYPE_LABELS
from ..interop.gradebook import GradebookRow, gradebook_response
from ..progress.classes import best_quiz_scores, class_report
from ..progress.exports import Share, table_response
from . import services


def question_type_label(kind: str):
    return QUESTION_TYPE_LABELS.get(kind, kind)


def ratio(value):
    return None if value is None else Share(round(value, 4))


def report_download(school_class: SchoolClass, fmt: str, lang: str) -> Response:
    rows, _completion = class_report(school_class, datetime.now(UTC))
    class_assignments = services.assignments([school_class.id])
    if fmt == "moodle":  # a gradebook: per assignment, its best quiz score and completion
        quiz_scores = best_quiz_scores(school_class)
        return gradebook_response(
            "class-results", [_("Name"), _("Username"), _("Email address")],
            [label for a in class_assignments
             for label in (_("%(bank)s: quiz score", bank=a.bank.title(lang)),
                           _("%(bank)s: completion", bank=a.bank.title(lang)))],
            [GradebookRow(r.student.display_name, r.student.username, r.student.email,
                          [score for a in class_assignments
                           for score in (quiz_scores.get((r.student.id, a.id)),
                                         r.assignment_progress.get(a.id, 0))])
             for r in rows])
    return table_response(
        fmt, "class-results",
        [_("Name"), _("Username"), _("Reviews, 7 days"), _("Reviews, 30 days"),
         _("Retention"), _("Mastered"), _("Studied"),
         *(a.bank.title(lang) for a in class_assignments), _("Last activity")],
        [(r.student.display_name, r.student.username, r.reviews_7d, r.reviews_30d,
          ratio(r.retention_30d), r.mastered, r.studied,
          *(ratio(r.assignment_progress.get(a.id, 0)) for a in class_assignments),
          r.last_activity.isoformat() if r.last_activity else None) for r in rows],
        rtl=lang == "ar")
