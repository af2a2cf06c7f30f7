"""Registration pre-selects the browser's time zone, also when the browser reports an
old name of it, in the grouped list."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang, reported, chosen", [("ar", "Asia/Almaty", "Asia/Almaty"),
                                                    ("en", "Asia/Calcutta", "Asia/Kolkata")])
def test_the_detected_zone_is_chosen(live_server, browser, lang, reported, chosen):
    context = browser.new_context(timezone_id=reported, locale=lang,
                                  extra_http_headers={"Accept-Language": lang})
    page = context.new_page()
    page.goto(live_server + "/register")
    page.wait_for_function("document.getElementById('timezone').value !== 'UTC'")
    assert page.locator("#timezone").input_value() == chosen
    group = page.locator("#timezone option:checked").evaluate("o => o.parentElement.label")
    assert group == ("آسيا" if lang == "ar" else "Asia")
    context.close()
