"""Export downloads from a bank's page: Anki and text files for everyone who may see the
bank, Moodle XML and GIFT for teachers too. Visibility is ``banks.access``'s one rule."""

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..banks.access import visible_bank_or_404
from ..banks.models import Bank
from ..i18n import current_language
from . import tasks
from .formats import FORMATS
from .services import Format, export_bank

blueprint = Blueprint("interop", __name__, url_prefix="/banks")

LABELS = {
    "apkg": _l("Anki deck (.apkg)"),
    "csv": _l("Anki text file (tab-separated)"),
    "quizlet": _l("Quizlet (term and definition)"),
    "moodle-xml": _l("Moodle XML"),
    "gift": _l("GIFT (Moodle)"),
}


def _may_take(export_format: Format) -> bool:
    return export_format.for_students or (
        current_user.is_authenticated and current_user.is_teacher)


def _language() -> str:
    lang = request.args.get("lang", "")
    return lang if lang in ("ar", "en") else current_language()


@blueprint.app_template_global("export_formats")
def export_formats(bank: Bank) -> list[tuple[str, str, str]]:
    """The formats the current account may take, as (name, label, download URL)."""
    lang = current_language()
    return [(name, str(LABELS[name]), url_for("interop.download", slug=bank.slug,
                                              format_name=name, lang=lang))
            for name, export_format in FORMATS.items() if _may_take(export_format)]


@blueprint.get("/<slug>/export/<format_name>")
def download(slug: str, format_name: str) -> ResponseReturnValue:
    export_format = FORMATS.get(format_name)
    if export_format is None or not _may_take(export_format):
        abort(404)
    bank = visible_bank_or_404(slug)
    if tasks.runs_as_job(bank):
        # A large bank's file is built by a worker; its page offers the download.
        job = tasks.start_export(bank, format_name, _language())
        return redirect(url_for("jobs.show", job_id=job.id), code=303)
    exported = export_bank(bank, export_format, _language())
    return Response(exported.content, mimetype=export_format.mimetype, headers={
        "Content-Disposition": f'attachment; filename="{exported.filename}"'})


@blueprint.get("/<slug>/export")
def overview(slug: str) -> ResponseReturnValue:
    """The formats, and the questions GIFT cannot carry (named before the download)."""
    bank = visible_bank_or_404(slug)
    gift = FORMATS["gift"]
    left_out = export_bank(bank, gift, current_language()).left_out if _may_take(gift) else []
    return render_template("interop/export.html", bank=bank, left_out=left_out)
