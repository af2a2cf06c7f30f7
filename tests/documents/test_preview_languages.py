"""The editor's preview labels each column by the language of the bank's content, in the
interface's words; a monolingual bank shows one column, as a student of this interface
sees it (the interface's words around the bank's own language)."""

import re

import pytest

from ..banks.conftest import GOOD, submit
from .conftest import add_document, arabic_bank

LABEL = {"ar": {"ar": "العربية", "en": "الإنجليزية"}, "en": {"ar": "Arabic", "en": "English"}}
RIGHT_ANSWER = {"ar": "الإجابة الصحيحة", "en": "The right answer"}


def _sections(html: str) -> list[tuple[str, str, str]]:
    """(lang, dir, aria-label) of every preview column."""
    return re.findall(r'<section lang="(\w+)" dir="(\w+)" aria-label="([^"]+)">', html)


@pytest.mark.parametrize("interface", ["ar", "en"])
def test_an_arabic_only_bank_previews_one_column_labelled_arabic(world, client_as, interface):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", interface)
    assert add_document(teacher).status_code == 303
    response = submit(teacher, arabic_bank())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    direction = "rtl" if interface == "ar" else "ltr"
    assert _sections(html) == [(interface, direction, LABEL[interface]["ar"])]
    column = html.split('class="preview-pair"', 1)[1]
    assert RIGHT_ANSWER[interface] in column  # the interface's own words
    assert '<p class="prompt" lang="ar" dir="auto">كم تبلغ مساحة المتحف؟</p>' in column


@pytest.mark.parametrize("interface", ["ar", "en"])
def test_a_bilingual_bank_previews_each_language_under_its_name(loaded_app, world,
                                                                 client_as, interface):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", interface)
    html = submit(teacher, GOOD).get_data(as_text=True)
    assert _sections(html)[:2] == [("ar", "rtl", LABEL[interface]["ar"]),
                                   ("en", "ltr", LABEL[interface]["en"])]
