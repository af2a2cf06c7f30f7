"""The progress dashboard."""

from datetime import date

from babel.dates import get_day_names
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import database
from ..banks.access import visible_question_by_uid_or_404, visible_to
from ..banks.models import Bank
from ..banks.signals import home_sections
from ..extensions import db
from ..study.tasks import request_fit
from . import charts
from .home import student_home, teacher_home
from .memory import memory_model_summary
from .services import build_dashboard, question_history, quiz_history

blueprint = Blueprint("progress", __name__)


@blueprint.get("/progress")
@login_required
def dashboard():
    return render_template("progress/dashboard.html", student=current_user,
                           dashboard=build_dashboard(current_user, database.utcnow()),
                           memory_model=memory_model_summary(current_user))


@blueprint.post("/progress/memory-model")
@login_required
def fit_memory_model():
    """Fit the student's memory model now (it is also fitted by itself, every so often)."""
    job = request_fit(current_user.id)
    if job is None:
        flash(_("There is nothing new to fit: no review since the last fit, or a fit is "
                "under way."), "info")
        return redirect(url_for("progress.dashboard"), code=303)
    return redirect(url_for("jobs.show", job_id=job.id), code=303)


@blueprint.get("/progress/quizzes")
@login_required
def quizzes():
    # A bank no longer visible (the student left the class) is not named.
    shown = set(db.session.scalars(select(Bank.id).where(visible_to(current_user))))
    return render_template("progress/quizzes.html", attempts=quiz_history(current_user),
                           shown_banks=shown)


@blueprint.get("/progress/questions/<uid>")
@login_required
def question(uid: str):
    found = visible_question_by_uid_or_404(uid)
    history = question_history(current_user, found, database.utcnow())
    return render_template("progress/question.html", history=history)


@home_sections.connect
def _home_sections(user, *, now, **_) -> list[tuple[str, dict]]:
    """The home page's sections above the bank list: a teacher's classes and banks, and
    a student's (or a studying teacher's) day."""
    sections: list[tuple[str, dict]] = []
    if user.is_teacher:
        sections.append(("progress/_home_teacher.html", {"teaching": teacher_home(user)}))
    home = student_home(user, now)
    if not user.is_teacher or home.today.studies_anything:
        sections.append(("progress/_home_student.html", {"home": home}))
    return sections


@blueprint.app_template_global("heatmap_layout")
def heatmap_for_page(series: list[tuple[date, int]]) -> charts.Heatmap:
    """The heatmap's weeks, its rows starting on the first day of the page's week."""
    return charts.heatmap_layout(series, get_locale().first_week_day)


blueprint.add_app_template_global(charts.tick_positions, "chart_ticks")


@blueprint.app_template_global("weekday_name")
def weekday_name(weekday: int) -> str:
    return get_day_names("abbreviated", locale=get_locale())[weekday]
