"""The progress dashboard."""

from datetime import UTC, datetime

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from .services import build_dashboard

blueprint = Blueprint("progress", __name__)


@blueprint.get("/progress")
@login_required
def dashboard():
    data = build_dashboard(current_user, datetime.now(UTC))
    return render_template("progress/dashboard.html", data=data, student=current_user)
