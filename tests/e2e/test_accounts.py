"""A student registers, logs out, logs in and joins a class, in each language."""

import pytest
from playwright.sync_api import expect

from quizapp.accounts.services import NewAccount, register
from quizapp.classes import services as class_services

pytestmark = pytest.mark.browser

TEXT = {
    "ar": {"register": "إنشاء حساب", "username": "اسم المستخدم", "name": "اسمك",
           "password": "كلمة المرور", "again": "أعد كتابة كلمة المرور",
           "create": "إنشاء الحساب", "logout": "تسجيل الخروج", "login": "تسجيل الدخول",
           "classes": "صفوفي", "code": "رمز الصف", "join": "انضمام",
           "joined": "انضممت إلى", "short": "استخدم 8 أحرف على الأقل."},
    "en": {"register": "Register", "username": "Username", "name": "Your name",
           "password": "Password", "again": "Password again", "create": "Create account",
           "logout": "Log out", "login": "Log in", "classes": "My classes",
           "code": "Class code", "join": "Join", "joined": "You joined",
           "short": "Use at least 8 characters."},
}


@pytest.fixture
def class_code(loaded_app):
    with loaded_app.app_context():
        teacher = register(NewAccount(username="mona", display_name="Mona",
                                      password="a teacher passphrase", role="teacher"))
        return class_services.create_class(teacher, "الصف العاشر").join_code


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_register_logout_login_and_join_a_class(live_server, page, screenshot, class_code,
                                                 lang):
    t = TEXT[lang]
    page.set_extra_http_headers({"Accept-Language": lang})
    page.goto(live_server + "/")
    page.get_by_role("link", name=t["register"]).first.click()
    page.get_by_label(t["username"]).fill(f"sara_{lang}")
    page.get_by_label(t["name"]).fill("سارة Sara")
    page.get_by_label(t["password"], exact=True).fill("short")
    page.get_by_label(t["again"]).fill("short")
    page.locator("#locale").select_option(lang)
    page.get_by_role("button", name=t["create"]).click()
    assert page.get_by_text(t["short"]).is_visible()
    screenshot(f"register-error-{lang}")

    page.get_by_label(t["password"], exact=True).fill("a long enough passphrase")
    page.get_by_label(t["again"]).fill("a long enough passphrase")
    page.get_by_role("button", name=t["create"]).click()
    # Signed up and logged in: the account's link is in the header (waited for: the
    # register page, still shown while the next one loads, has the same language).
    expect(page.get_by_role("link", name="سارة Sara")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == lang

    page.get_by_role("button", name=t["logout"]).click()
    page.get_by_role("link", name=t["login"]).first.click()
    page.get_by_label(t["username"]).fill(f"SARA_{lang}")
    page.get_by_label(t["password"]).fill("a long enough passphrase")
    page.locator("main").get_by_role("button", name=t["login"]).click()
    page.get_by_role("link", name=t["classes"]).click()

    page.get_by_label(t["code"]).fill(class_code.lower())
    page.get_by_role("button", name=t["join"]).click()
    assert page.get_by_text(t["joined"]).is_visible()
    assert page.locator("h1").inner_text() == "الصف العاشر"
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    screenshot(f"class-student-{lang}")
