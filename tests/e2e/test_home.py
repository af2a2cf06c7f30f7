import pytest

from .conftest import log_in

pytestmark = pytest.mark.browser

BANK_TITLES = {
    "ar": ["المركز الثقافي الوطني لكازاخستان في بكين",
           "القمة الثانية لآسيا الوسطى والصين في أستانا"],
    "en": ["Kazakhstan's National Cultural Centre in Beijing",
           "The second Central Asia–China summit in Astana"],
}


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_home_page_shows_banks_in_each_language(live_server, page, screenshot, lang, direction):
    page.set_extra_http_headers({"Accept-Language": lang})
    page.goto(live_server + "/")
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == direction
    headings = page.locator(".bank-card h2").all_inner_texts()
    for title in BANK_TITLES[lang]:
        assert title in headings
    screenshot(f"home-{lang}")


def test_language_switch_keeps_the_page(live_server, page, screenshot):
    page.set_extra_http_headers({"Accept-Language": "en"})
    page.goto(live_server + "/banks/central-asia-china-summit")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.get_by_role("button", name="العربية").click()
    page.wait_for_load_state()
    assert page.url.endswith("/banks/central-asia-china-summit")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("h1").inner_text() == BANK_TITLES["ar"][1]
    screenshot("bank-ar")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == BANK_TITLES["en"][1]
    screenshot("bank-en")


def test_source_link_highlights_the_quote(live_server, page, screenshot, people):
    log_in(page, live_server, "mona", "en")  # a teacher sees every question's quote
    page.goto(live_server + "/banks/cultural-centre-beijing")
    first = page.locator(".question").first
    quote = first.locator("blockquote").inner_text()
    assert first.locator(".quote-translation").inner_text().startswith("Translation:")
    first.get_by_role("link", name="See it in the source").click()
    page.wait_for_load_state()
    # The Arabic paragraph, right to left, with its English translation beside it.
    row = page.locator(".quoted")
    assert row.locator("p[lang=ar]").get_attribute("dir") == "rtl"
    assert page.locator("mark#quote").inner_text() == quote
    assert row.locator("p[lang=en]").inner_text().startswith("On 2 September 2025")
    arabic, english = (row.locator(f"p[lang={lang}]").bounding_box() for lang in ("ar", "en"))
    assert english["x"] > arabic["x"] and abs(english["y"] - arabic["y"]) < 2
    screenshot("source-en")
