"""A class brought in at once, in a real browser: the invite page, the class-list form,
the sign-in sheet on screen and in print, and the first-password page."""

import pytest

from .conftest import check, log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sign_in_sheet_invite_and_first_password(live_server, page, screenshot,
                                                 people, lang):  # noqa: F811
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    class_path = f"{live_server}/classes/{people['class_id']}"
    page.goto(class_path)
    page.locator("form[action$='/invite'] button").click()
    invite = page.locator("#invite-link").input_value()
    check(page, f"teacher-class-invite-{lang}", screenshot)

    page.goto(class_path + "/roster")
    check(page, f"roster-form-{lang}", screenshot)
    page.fill("#names", "مريم حسن\nYusuf Ali,yusuf\nNour")
    page.locator("main button[type=submit]").click()
    page.locator(".sign-in-sheet").wait_for()
    assert page.locator(".sign-in-slip").count() == 3
    check(page, f"sign-in-sheet-{lang}", screenshot)
    password = page.locator(".sign-in-slip").nth(1).locator(".slip-password").inner_text()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".sign-in-slip").first.is_visible()
    screenshot(f"sign-in-sheet-print-{lang}")
    page.emulate_media(media="screen")
    page.context.clear_cookies()

    page.goto(invite)
    check(page, f"invite-{lang}", screenshot)

    page.goto(live_server + "/login")
    page.fill("#username", "yusuf")
    page.fill("#password", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/first-password")
    page.context.add_cookies([{"name": "lang", "value": lang, "url": live_server}])
    page.goto(live_server + "/review")
    assert page.url.endswith("/account/first-password")
    check(page, f"first-password-{lang}", screenshot)
