"""The bank editor in a real browser, in each language: CodeMirror loads over the text
area, highlights the YAML, lays Arabic out right to left in the app's Arabic face, and
what is written in it is what the form posts. Without JavaScript the text area works."""

import pytest

from ..banks.conftest import GOOD
from .conftest import check, log_in, write_yaml

pytestmark = pytest.mark.browser

TEXT = {"ar": {"check": "الفحص والمعاينة", "guide": "صيغة البنك", "label": "أو الصق"},
        "en": {"check": "Check and preview", "guide": "The bank format", "label": "Or paste"}}


@pytest.fixture
def teacher(loaded_app):
    from quizapp.accounts.services import NewAccount, register

    from .conftest import PASSWORD

    with loaded_app.app_context():
        register(NewAccount(username="mona", display_name="منى", password=PASSWORD,
                            role="teacher"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_editor_highlights_yaml_reads_arabic_and_posts_its_text(
        live_server, page, screenshot, teacher, lang):
    t = TEXT[lang]
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    page.add_init_script("""document.addEventListener('securitypolicyviolation',
        (e) => (window.cspViolations = window.cspViolations || []).push(e.violatedDirective));""")
    page.goto(live_server + "/my-banks/new")
    editor = page.locator(".yaml-editor-host .cm-editor")
    editor.wait_for()
    # CodeMirror's own styles apply under the app's Content-Security-Policy.
    assert editor.evaluate("e => getComputedStyle(e).display") == "flex"
    assert not page.locator("textarea#text").is_visible()  # still in the form, hidden
    assert page.locator(".cm-gutters .cm-lineNumbers").is_visible()

    # The editor is the labelled text box, and its label focuses it.
    assert "cm-content" in page.get_by_role("textbox", name=t["label"]).get_attribute("class")
    page.locator("label[for=text]").click()
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    write_yaml(page, GOOD)
    assert page.locator("textarea#text").input_value() == GOOD  # kept in step
    # YAML highlighting: keys are marked as such (once the parser has run).
    page.locator(".cm-content .tok-propertyName").nth(20).wait_for()
    key = page.locator(".cm-content .tok-propertyName", has_text="explanation").first
    assert key.evaluate("e => getComputedStyle(e).fontWeight") == "600"
    # An Arabic value after its key is set apart right to left, in the Naskh face.
    value = page.locator(".cm-content .cm-value-auto",
                         has_text="افتُتح المركز الثقافي الوطني").first
    assert value.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Noto Naskh Arabic" in value.evaluate("e => getComputedStyle(e).fontFamily")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'بكين')")
    # A line reads in the direction of its first letter: a comment in Arabic right to
    # left, one in English left to right.
    page.locator(".cm-content").press("Control+End")
    page.keyboard.type("\n# typed by hand: ملاحظة\n# تعليق")
    lines = page.locator(".cm-content .cm-line")
    direction = "e => getComputedStyle(e).direction"
    assert [lines.nth(-2).evaluate(direction), lines.last.evaluate(direction)] == ["ltr", "rtl"]
    check(page, f"bank-editor-{lang}", screenshot)

    with page.expect_navigation():
        page.get_by_role("button", name=t["check"]).click()
    posted = page.locator("input[name=text]").input_value()
    assert posted.endswith("\n# typed by hand: ملاحظة\n# تعليق")
    assert posted.startswith(GOOD.rstrip("\n")[:200])
    assert page.locator(".preview-pair").count() == 5
    assert page.evaluate("window.cspViolations || []") == []
    assert errors == []

    page.goto(live_server + "/my-banks/new")
    page.get_by_role("link", name=t["guide"]).first.click()
    assert page.get_by_role("heading", level=1, name=t["guide"]).is_visible()
    check(page, f"bank-format-{lang}", screenshot)


def test_without_javascript_the_text_area_posts(live_server, browser, teacher):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server, "mona", "en")
        page.goto(live_server + "/my-banks/new")
        assert page.locator(".cm-editor").count() == 0
        page.locator("textarea#text").fill(GOOD)
        page.get_by_role("button", name="Check and preview").click()
        assert page.locator(".preview-pair").count() == 5
    finally:
        context.close()
