"""The class pages as a teacher and a new student read them: actions in reach, short
usernames, the account in the language being read, no dead ends."""

import re

from markupsafe import escape
from sqlalchemy import select

from quizapp.accounts.models import SchoolClass, User
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.classes.roster import _username_from
from quizapp.extensions import db

from .conftest import _client, _invite_link, _sheet, _upload_roster, login, post

LONG_TITLE = "cultural-centre-beijing"


def _assign(loaded_app, world, slug=LONG_TITLE) -> str:
    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        bank = db.session.scalar(select(Bank).where(Bank.slug == slug))
        class_services.assign_bank(school_class, bank, None)
        return bank.title("en")


def test_student_actions_come_right_after_the_name(world, client_as, loaded_app):
    """The reset link and Remove sit in the second column of the students' table, so they
    are in view without scrolling past the figures; the banks have a table of their own."""
    title = _assign(loaded_app, world)
    page = client_as("teacher").get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    students = page.split('class="table roster stacking"', 1)[1].split("</table>", 1)[0]
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", students, re.S).group(1)
    cells = re.findall(r"<t[hd]\b[^>]*>", row)
    assert cells[1].startswith('<td class="actions"')
    actions = re.search(r'<td class="actions".*?</td>', row, re.S).group(0)
    assert "Password reset link" in actions and "Remove" in actions
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', students, re.S)
    assert headers[1] == "Actions"
    assert title not in students
    # The bank's title as a header: at most two short lines, the whole title in title=.
    results = page.split('class="table roster-results stacking"', 1)[1].split("</table>", 1)[0]
    assert f'<th scope="col" class="assignment-col" title="{escape(title)}">' \
        '<bdi class="clamp">' in results
    # Each cell names its column, for the one-card-per-student layout of narrow screens.
    assert 'data-label="Reviews, 7 days"' in row
    assert f'data-label="{escape(title)}"' in results.split("<tbody>", 1)[1]


def test_roster_usernames_are_first_and_last_name(world, client_as, loaded_app):
    assert _username_from("عبد الرحمن محمد عبد العزيز آل سعود") == "عبدالرحمن.آلسعود"
    assert _username_from("Sara Ali Hassan") == "sara.hassan"
    assert _username_from("Nour") == "nour"
    long_name = "Maximiliano Bartholomew Featherstonehaugh"
    assert _username_from(long_name) == "maximiliano"  # whole words, not cut mid-word
    teacher = client_as("teacher")
    html = _upload_roster(teacher, world.school_class.id,
                          "Sara Ali Hassan\nSara Hassan\nعبد الرحمن محمد عبد العزيز آل سعود\n"
                          ).get_data(as_text=True)
    usernames = [username for username, _ in _sheet(html)]
    assert usernames == ["sara.hassan", "sara.hassan2", "عبدالرحمن.آلسعود"]
    assert all(len(username) <= 21 for username in usernames)


def test_sign_in_sheet_values_line_up_with_their_labels(world, client_as):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    html = _upload_roster(teacher, world.school_class.id, "Amal\n").get_data(as_text=True)
    # The dd keeps the page's right-to-left direction (aligned with its dt); only the
    # value inside is left to right.
    assert '<dd dir="ltr"' not in html
    assert re.search(r'<dd class="slip-password"><bdi dir="ltr">[a-z0-9-]+</bdi></dd>', html)


def _chosen_language(html: str) -> str:
    select_box = re.search(r'<select[^>]*name="locale".*?</select>', html, re.S).group(0)
    return re.search(r'<option[^>]*\bselected\b[^>]*>', select_box).group(0).split(
        'value="')[1].split('"')[0]


def _locale(app, username) -> str:
    with app.app_context():
        return db.session.scalar(select(User.locale).where(User.username == username))


def test_roster_accounts_speak_the_teachers_interface_language(world, client_as, loaded_app):
    teacher = client_as("teacher")  # saved language English
    teacher.set_cookie("lang", "ar")
    _upload_roster(teacher, world.school_class.id, "Amal\n")
    assert _locale(loaded_app, "amal") == "ar"
    teacher.set_cookie("lang", "en")
    _upload_roster(teacher, world.school_class.id, "Badr\n")
    assert _locale(loaded_app, "badr") == "en"


def test_invite_sign_up_offers_the_language_being_read(world, client_as, loaded_app):
    link = _invite_link(loaded_app, client_as, world)
    page = _client(loaded_app, "en").get(link).get_data(as_text=True)
    assert _chosen_language(page) == "en"
    arabic = _client(loaded_app, "ar").get(link).get_data(as_text=True)
    assert _chosen_language(arabic) == "ar"


def test_invite_heading_does_not_repeat_the_word_class(world, client_as, loaded_app):
    link = _invite_link(loaded_app, client_as, world)
    english = _client(loaded_app, "en").get(link).get_data(as_text=True)
    assert "Create your account to join: «<bdi>Class C</bdi>»" in english
    client = _client(loaded_app, "ar")
    client.set_cookie("lang", "ar")
    arabic = client.get(link).get_data(as_text=True)
    assert "أنشئ حسابك للانضمام إلى: «<bdi>Class C</bdi>»" in arabic
    assert "إلى الصف" not in arabic


def test_an_invalid_invite_leads_somewhere(loaded_app):
    page = _client(loaded_app).get("/invite/NOTACODE1234")
    html = page.get_data(as_text=True)
    assert page.status_code == 404
    main = html.split('id="main"', 1)[1]
    assert 'href="/login"' in main and 'href="/"' in main


def test_the_language_switch_saves_a_users_language(world, client_as, loaded_app):
    """The header's switch and the settings page never disagree."""
    student = client_as("student")  # saved language English
    response = post(student, "/language", {"lang": "ar", "next": "/account"})
    assert response.status_code == 303
    assert _locale(loaded_app, "student") == "ar"
    student.delete_cookie("lang")
    settings = student.get("/account").get_data(as_text=True)
    assert _chosen_language(settings) == "ar"
    anonymous = client_as(None)
    assert post(anonymous, "/language", {"lang": "ar"}).status_code == 303


def test_the_first_password_page_has_no_menu(world, client_as, loaded_app):
    html = _upload_roster(client_as("teacher"), world.school_class.id, "Amal\n")
    username, password = _sheet(html.get_data(as_text=True))[0]
    newcomer = _client(loaded_app)
    login(newcomer, username, password)
    page = newcomer.get("/account/first-password").get_data(as_text=True)
    header = page.split("</header>", 1)[0]
    assert 'href="/review"' not in header and "Log out" in header
