"""The home, bank and source pages, in both languages."""

import re

import pytest


def get(client, path, lang):
    return client.get(path, headers={"Accept-Language": lang})


@pytest.mark.parametrize("lang, direction, title, count", [
    ("ar", "rtl", "المركز الثقافي الوطني لكازاخستان في بكين", "105 أسئلة"),
    ("en", "ltr", "Kazakhstan&#39;s National Cultural Centre in Beijing", "105 questions"),
])
def test_home_lists_banks_with_counts(loaded_client, lang, direction, title, count):
    response = get(loaded_client, "/", lang)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert title in html
    assert count in html


def test_bank_page_lists_questions_with_quotes(world, client_as):
    # A teacher sees every quote (students see a quote once they have answered).
    html = get(client_as("teacher"), "/banks/central-asia-china-summit",
               "en").get_data(as_text=True)
    assert html.count('class="card question"') == 73
    assert '<blockquote lang="ar" dir="rtl">' in html
    assert "When did Astana host the second summit" in html


def test_arabic_bank_page_shows_arabic_prompts(loaded_client):
    html = get(loaded_client, "/banks/central-asia-china-summit", "ar").get_data(as_text=True)
    assert "متى استضافت أستانا" in html
    assert "Single choice" not in html and "اختيار إجابة واحدة" in html


def test_unknown_bank_is_a_localised_404(loaded_client):
    response = get(loaded_client, "/banks/no-such-bank", "ar")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.get_data(as_text=True)


def test_source_page_marks_the_cited_quote(loaded_client):
    response = get(loaded_client,
                   "/sources/central-asia-china-summit-astana?q=cas-astana-summit-date-choice",
                   "en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    marked = re.findall(r'<mark id="quote">(.*?)</mark>', html)
    assert marked == ["استضافت أستانا عاصمة كازاخستان في 17 يونيو 2025، القمة الثانية لرؤساء "
                      "دول آسيا الوسطى والصين"]
    assert '<article class="document parallel">' in html


def test_source_page_quote_of_another_document_marks_nothing(loaded_client):
    html = get(loaded_client, "/sources/central-asia-china-summit-astana?q=kcc-opening-date-choice",
               "en").get_data(as_text=True)
    assert "<mark" not in html


def test_unknown_source_is_404(loaded_client):
    assert get(loaded_client, "/sources/nope", "en").status_code == 404


@pytest.mark.parametrize("lang, shown", [("ar", "2 سبتمبر 2025"), ("en", "September 2, 2025")])
def test_source_page_dates_the_article_for_people_and_machines(loaded_client, lang, shown):
    html = get(loaded_client, "/sources/kazakhstan-cultural-centre-beijing", lang).get_data(
        as_text=True)
    assert f'<time datetime="2025-09-02">{shown}</time>' in html
