"""The whole story of a teacher's own article, in the browser, in each language: pasted,
drafted, a question fixed in its form (the quote picked by selecting it in the document),
published through the bank editor, assigned to the class, and seen by a student."""

import re

import pytest

from .conftest import check, log_in

pytestmark = pytest.mark.browser

ARTICLE = (
    "افتتحت وزارة الثقافة القطرية متحفاً جديداً للفنون في مدينة الدوحة يوم 5 مارس 2024.\n"
    "وتبلغ مساحة المتحف 4500 متر مربع، ويضم أكثر من 300 قطعة فنية من القرن التاسع عشر.\n"
    "وقال مدير المتحف إن عدد الزوار بلغ 12 ألف زائر في الشهر الأول.")
PICKED = "وتبلغ مساحة المتحف 4500 متر مربع، ويضم أكثر من 300 قطعة فنية من القرن التاسع عشر."

TEXT = {
    "ar": {"my_banks": "بنوكي", "documents": "وثائقي", "add": "إضافة وثيقة",
           "save": "حفظ الوثيقة", "draft": "صياغة مسودة أسئلة", "edit": "تحرير",
           "use": "استخدام التحديد اقتباسًا", "save_q": "الحفظ في المسودة",
           "saved_q": "حُفظ السؤال في المسودة.", "editor": "الفتح في محرّر البنك",
           "check": "الفحص والمعاينة", "publish": "نشر", "assign": "إسناد",
           "glossary": "مسردي", "add_name": "إضافة اسم", "correct": "تصحيح النص",
           "review": "مراجعة المسودة", "again": "صياغة مسودة جديدة (تحل محل هذه المسودة)",
           "keep": "الإبقاء على مسودتي"},
    "en": {"my_banks": "My banks", "documents": "My documents", "add": "Add a document",
           "save": "Save the document", "draft": "Draft questions", "edit": "Edit",
           "use": "Use the selection as the quote", "save_q": "Save in the draft",
           "saved_q": "Question saved in the draft.", "editor": "Open in the bank editor",
           "check": "Check and preview", "publish": "Publish", "assign": "Assign",
           "glossary": "My glossary", "add_name": "Add a name", "correct": "Correct the text",
           "review": "Review the draft", "again": "Draft again (replaces this draft)",
           "keep": "Keep my draft"},
}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_pasted_article_becomes_a_bank_the_class_studies(live_server, page, screenshot,
                                                           people, lang):
    t = TEXT[lang]
    page.set_extra_http_headers({"Accept-Language": lang})
    log_in(page, live_server, "mona", lang)
    page.goto(live_server + "/my-banks")
    page.get_by_role("link", name=t["documents"]).click()
    check(page, f"documents-empty-{lang}", screenshot)
    page.get_by_role("link", name=t["add"]).click()
    slug = f"doha-art-{lang}"
    page.fill("#slug", slug)
    page.fill("#title_ar", "متحف الدوحة للفنون")
    page.fill("#text", ARTICLE)
    check(page, f"documents-new-{lang}", screenshot)
    page.get_by_role("button", name=t["save"]).click()
    assert re.search(rf"/sources/t\d+\.{slug}$", page.url)
    assert page.locator("article.document p").count() == 3
    check(page, f"documents-source-owner-{lang}", screenshot)

    page.get_by_role("link", name=t["review"]).click()
    check(page, f"documents-draft-empty-{lang}", screenshot)
    # Drafted by a job (run at once in tests): its page leads on to the review.
    page.get_by_role("button", name=t["draft"]).click()
    assert re.search(r"/jobs/\d+$", page.url)
    check(page, f"documents-draft-job-{lang}", screenshot)
    page.get_by_role("link", name=t["review"]).click()
    assert page.url.endswith("/draft")
    drafted = page.locator("li.card.question").count()
    assert drafted >= 3
    check(page, f"documents-draft-{lang}", screenshot)

    # Fix the first question in its form: a new explanation, the quote picked from the text.
    page.locator("li.card.question").first.get_by_role("link", name=t["edit"]).click()
    page.fill("textarea[name='f.explanation.ar'], input[name='f.explanation.ar']",
              "شرح راجعته المعلّمة.")
    page.evaluate("""() => {
        const paragraph = document.querySelectorAll('#document-text p')[1];
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }""")
    page.wait_for_timeout(100)  # selectionchange is dispatched asynchronously
    page.get_by_role("button", name=t["use"]).click()
    assert page.locator("#quote").input_value() == PICKED
    check(page, f"documents-question-form-{lang}", screenshot)
    page.get_by_role("button", name=t["save_q"]).click()
    assert page.get_by_text(t["saved_q"]).is_visible()
    assert page.locator("li.card.question").first.locator("blockquote").inner_text() == PICKED

    # Drafting again would lose that edit: it is confirmed first, and can be declined.
    page.get_by_role("link", name=t["again"]).click()
    assert page.url.endswith("/draft/again")
    check(page, f"documents-draft-again-{lang}", screenshot)
    page.get_by_role("link", name=t["keep"]).click()
    assert page.locator("li.card.question").first.locator("blockquote").inner_text() == PICKED

    # Publish through the bank editor's check and preview.
    page.get_by_role("link", name=t["editor"]).click()
    assert "languages:" in page.locator("textarea").input_value()
    page.get_by_role("button", name=t["check"]).click()
    assert page.locator(".preview-pair").first.locator("section").count() == 1
    check(page, f"documents-preview-{lang}", screenshot)
    page.get_by_role("button", name=t["publish"]).click()
    assert re.search(rf"/banks/(t\d+\.{slug}-questions)$", page.url)
    bank_slug = re.search(rf"/banks/(t\d+\.{slug}-questions)$", page.url).group(1)
    assert page.locator("li.card.question").count() == drafted
    title = page.locator("h1").inner_text().strip()

    # Assign it to the class.
    page.goto(live_server + f"/classes/{people['class_id']}")
    page.locator("select#bank").select_option(label=title)
    page.get_by_role("button", name=t["assign"], exact=True).click()

    # A correction that takes the picked sentence's figure away flags its questions.
    page.goto(live_server + f"/banks/{bank_slug}")
    page.locator("a[href^='/sources/']").first.click()
    page.get_by_role("link", name=t["correct"]).click()
    page.fill("#text", ARTICLE.replace("4500", "4600"))
    page.locator("form.document-form button[type=submit]").click()
    assert page.locator(".owner-panel .flagged li").count() >= 1
    check(page, f"documents-flagged-{lang}", screenshot)
    page.goto(live_server + f"/banks/{bank_slug}")
    assert page.locator(".tag.flag").count() >= 1
    check(page, f"documents-bank-flagged-{lang}", screenshot)

    # The glossary and correction pages, for the screenshots and their checks.
    page.goto(live_server + "/my-documents")
    check(page, f"documents-index-{lang}", screenshot)
    page.get_by_role("link", name=t["glossary"]).click()
    check(page, f"glossary-{lang}", screenshot)
    page.get_by_role("link", name=t["add_name"]).click()
    check(page, f"glossary-new-{lang}", screenshot)
    page.goto(page.url.split("/my-")[0] + "/my-documents")
    page.locator("table a[href*='/edit']").first.click()
    check(page, f"documents-correct-{lang}", screenshot)

    # The student of the class sees the bank, in Arabic inside either interface.
    page.context.clear_cookies()
    log_in(page, live_server, "sara", lang)
    page.goto(live_server + f"/classes/{people['class_id']}")
    page.locator(f"a[href='/banks/{bank_slug}']").first.click()
    prompt = page.locator("li.card.question .prompt").first
    assert prompt.get_attribute("lang") == "ar"
    assert page.locator("li.card.question").count() == drafted
    check(page, f"documents-student-bank-{lang}", screenshot)
