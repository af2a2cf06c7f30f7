"""Helpers and fixtures for the accounts tests, and the table of every route's answer to
every kind of visitor (test_access_matrix.py checks it, test_bad_input.py walks it)."""

import io
import re

from quizapp.documents.drafts import make_draft
from quizapp.documents.glossary import Name, add_name
from quizapp.documents.services import DocumentText, add_document

from ..people import PASSWORD, csrf_token, login, post  # noqa: F401 - used by the tests here

SCHOOL = "10.9.8.7"  # every student of the school behind one address

ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher")
LOGIN = 302  # redirected to the login page

# endpoint: (method, url template, {role: status}); "*" is every logged-in role.
MATRIX = {
    "static": ("GET", "/static/css/app.css", {"anonymous": 200, "*": 200}),
    "banks.index": ("GET", "/", {"anonymous": 200, "*": 200}),
    "banks.show": ("GET", "/banks/cultural-centre-beijing", {"anonymous": 200, "*": 200}),
    "banks.source": ("GET", "/sources/kazakhstan-cultural-centre-beijing",
                     {"anonymous": 200, "*": 200}),
    "core.health": ("GET", "/healthz", {"anonymous": 200, "*": 200}),
    "core.switch_language": ("POST", "/language", {"anonymous": 303, "*": 303}),
    "accounts.register": ("GET", "/register", {"anonymous": 200, "*": 302}),
    "accounts.login": ("GET", "/login", {"anonymous": 200, "*": 302}),
    "accounts.logout": ("POST", "/logout", {"anonymous": LOGIN, "*": 303}),
    "accounts.account": ("GET", "/account", {"anonymous": LOGIN, "*": 200}),
    "accounts.save_settings": ("POST", "/account/settings", {"anonymous": LOGIN, "*": 400}),
    "accounts.change_password": ("POST", "/account/password", {"anonymous": LOGIN, "*": 400}),
    "accounts.export": ("GET", "/account/export.json", {"anonymous": LOGIN, "*": 200}),
    "accounts.delete": ("POST", "/account/delete", {"anonymous": LOGIN, "*": 400}),
    "accounts.reset_password": ("GET", "/reset/not-a-token", {"anonymous": 404, "*": 404}),
    "classes.index": ("GET", "/classes/", {"anonymous": LOGIN, "*": 200}),
    "classes.create": ("POST", "/classes/", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 400, "other_teacher": 400}),
    "classes.join": ("POST", "/classes/join", {"anonymous": LOGIN, "*": 400}),
    "classes.show": ("GET", "/classes/{c}", {
        "anonymous": LOGIN, "student": 200, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "classes.leave": ("POST", "/classes/{c}/leave", {
        "anonymous": LOGIN, "student": 303, "other_student": 404,
        "teacher": 404, "other_teacher": 404}),
    "classes.regenerate_code": ("POST", "/classes/{c}/code", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "classes.assign": ("POST", "/classes/{c}/assignments", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "classes.unassign": ("POST", "/classes/{c}/assignments/{a}/delete", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "classes.remove_student": ("POST", "/classes/{c}/students/{s}/remove", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "progress.dashboard": ("GET", "/progress", {"anonymous": LOGIN, "*": 200}),
    "progress.quizzes": ("GET", "/progress/quizzes", {"anonymous": LOGIN, "*": 200}),
    "progress.question": ("GET", "/progress/questions/kcc-opening-date-choice",
                          {"anonymous": LOGIN, "*": 200}),
    "study.start_quiz": ("POST", "/quiz", {"anonymous": LOGIN, "*": 400}),
    "study.quiz": ("GET", "/quiz/{q}", {
        "anonymous": LOGIN, "student": 302, "other_student": 404,
        "teacher": 404, "other_teacher": 404}),
    "study.quiz_question": ("GET", "/quiz/{q}/0", {
        "anonymous": LOGIN, "student": 200, "other_student": 404,
        "teacher": 404, "other_teacher": 404}),
    "study.quiz_result": ("GET", "/quiz/{q}/result", {
        "anonymous": LOGIN, "student": 302, "other_student": 404,
        "teacher": 404, "other_teacher": 404}),
    "study.review": ("GET", "/review", {"anonymous": LOGIN, "*": 200}),
    "study.review_answer": ("POST", "/review/answer", {"anonymous": LOGIN, "*": 400}),
    "study.review_rate": ("POST", "/review/rate", {"anonymous": LOGIN, "*": 400}),
    "study.review_undo": ("POST", "/review/undo", {"anonymous": LOGIN, "*": 303}),
    "study.add_bank": ("POST", "/banks/cultural-centre-beijing/study",
                       {"anonymous": LOGIN, "*": 303}),
    "search.search": ("GET", "/search?bank={b}&q=opened", {
        "anonymous": 404, "student": 200, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "modes.quiz_on_results": ("POST", "/search/quiz", {"anonymous": LOGIN, "*": 400}),
    "modes.study_results": ("POST", "/search/study", {"anonymous": LOGIN, "*": 400}),
    "modes.retry_mistakes": ("POST", "/quiz/{q}/retry", {
        "anonymous": LOGIN, "student": 400, "other_student": 404,
        "teacher": 404, "other_teacher": 404}),
    "modes.ahead": ("GET", "/study/ahead", {"anonymous": LOGIN, "*": 200}),
    "modes.start_ahead": ("POST", "/study/ahead", {"anonymous": LOGIN, "*": 303}),
    "classes.student_progress": ("GET", "/classes/{c}/students/{s}", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "classes.item_analysis": ("GET", "/classes/{c}/banks/cultural-centre-beijing/items", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "classes.item_analysis_export": ("GET",
                                  "/classes/{c}/banks/cultural-centre-beijing/items.csv", {
                                      "anonymous": LOGIN, "student": 404,
                                      "other_student": 404, "teacher": 200,
                                      "other_teacher": 404}),
    "classes.report_export": ("GET", "/classes/{c}/report.xlsx", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "classes.reset_link": ("POST", "/classes/{c}/students/{s}/reset-link", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "roster.first_password": ("GET", "/account/first-password",
                              {"anonymous": LOGIN, "*": 302}),
    "roster.invite": ("GET", "/invite/NOTAVALIDCODE", {"anonymous": 404, "*": 404}),
    "roster.enable_invite": ("POST", "/classes/{c}/invite", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "roster.disable_invite": ("POST", "/classes/{c}/invite/off", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "roster.create_roster": ("GET", "/classes/{c}/roster", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    # Only the bank's owner may accept, and only a question of that bank (no such
    # question here: tests/progress/test_accepting.py covers the owner's 303).
    "accepting.accept": ("POST", "/banks/{b}/questions/1/accept", {
        "anonymous": LOGIN, "*": 404}),
    "importing.import_bank": ("GET", "/my-banks/import", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "authoring.index": ("GET", "/my-banks", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "authoring.format_guide": ("GET", "/my-banks/format", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "authoring.new": ("GET", "/my-banks/new?bank={b}", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "authoring.check": ("POST", "/my-banks/new", {  # nothing pasted: 422, a localised error
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 422, "other_teacher": 422}),
    "interop.download": ("GET", "/banks/{b}/export/moodle-xml", {
        "anonymous": 404, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "interop.overview": ("GET", "/banks/{b}/export", {
        "anonymous": 404, "student": 200, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "authoring.download": ("GET", "/banks/{b}/yaml", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "authoring.history": ("GET", "/banks/{b}/history", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    # A teacher's own document ({d}), its draft's first question ({dq}) and a glossary
    # name of theirs ({g}): the other teacher and every student get a 404.
    "documents.index": ("GET", "/my-documents", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "documents.new": ("GET", "/my-documents/new", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "documents.edit": ("GET", "/my-documents/{d}/edit", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "drafts.make": ("POST", "/my-documents/{d}/draft", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "drafts.review": ("GET", "/my-documents/{d}/draft", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "drafts.again": ("GET", "/my-documents/{d}/draft/again", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "drafts.open_in_editor": ("GET", "/my-documents/{d}/draft/yaml", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "drafts.edit_question": ("GET", "/my-documents/{d}/draft/questions/{dq}", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "drafts.delete_question": ("POST", "/my-documents/{d}/draft/questions/{dq}/delete", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    "glossary.index": ("GET", "/my-glossary", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "glossary.new": ("GET", "/my-glossary/new", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 200}),
    "glossary.edit": ("GET", "/my-glossary/{g}/edit", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "glossary.delete": ("POST", "/my-glossary/{g}/delete", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    # A finished job of the teacher's with a file (test_access_matrix.py makes it).
    "jobs.show": ("GET", "/jobs/{j}", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "jobs.status": ("GET", "/jobs/{j}/status", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    "jobs.download": ("GET", "/jobs/{j}/download", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 200, "other_teacher": 404}),
    # The teacher's job is no bank check: nothing to publish, back to its page.
    "authoring.publish_checked": ("POST", "/my-banks/jobs/{j}/publish", {
        "anonymous": LOGIN, "student": 404, "other_student": 404,
        "teacher": 303, "other_teacher": 404}),
    # Nothing reviewed yet: nothing to fit, back to the progress page.
    "progress.fit_memory_model": ("POST", "/progress/memory-model",
                                  {"anonymous": LOGIN, "*": 303}),
}


GOOD = {"username": "Layla_99", "display_name": "Layla", "email": "", "password": PASSWORD,
        "confirm": PASSWORD, "locale": "ar", "timezone": "Asia/Almaty"}


def _client(app, language="en"):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = SCHOOL
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def _invite_link(loaded_app, client_as, world) -> str:
    teacher = client_as("teacher")
    response = post(teacher, f"/classes/{world.school_class.id}/invite",
                    token_from=f"/classes/{world.school_class.id}")
    assert response.status_code == 303
    page = teacher.get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    return re.search(r'id="invite-link"[^>]*value="http://localhost(/invite/[A-Z0-9]+)"',
                     page).group(1)


def _upload_roster(client, class_id, text=None, file_bytes=None):
    data = {"csrf_token": csrf_token(client, f"/classes/{class_id}/roster"), "names": text or ""}
    if file_bytes is not None:
        data["roster_file"] = (io.BytesIO(file_bytes), "class.csv")
    return client.post(f"/classes/{class_id}/roster", data=data,
                       content_type="multipart/form-data")


def _sheet(html) -> list[tuple[str, str]]:
    usernames = re.findall(r'<dt>Username</dt><dd><bdi dir="ltr">([^<]+)</bdi>', html)
    passwords = re.findall(r'class="slip-password"><bdi dir="ltr">([^<]+)<', html)
    return list(zip(usernames, passwords, strict=True))


def own_document(teacher_id: int) -> tuple[str, str, str]:
    """A document the teacher added, drafted, and a glossary name of theirs: their slugs
    and the draft's first question id."""
    document = add_document(teacher_id, DocumentText(
        "matrix-article", "مقال", "", None, "ar", "",
        "افتتح الرئيس المتحف في الدوحة يوم 5 مارس 2024 بمساحة 4500 متر مربع."),
        max_documents=10)
    draft = make_draft(document, teacher_id)
    name = add_name(teacher_id, Name("place", "الدوحة", "Doha"))
    return document.slug, draft.questions[0]["id"], name.slug
