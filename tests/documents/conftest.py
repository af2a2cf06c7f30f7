"""A teacher's document, added through the page, and an Arabic-only bank citing it."""

from ..people import csrf_token

ARTICLE = ("افتتحت وزارة الثقافة متحفاً جديداً في مدينة الدوحة يوم 5 مارس 2024.\n"
           "وتبلغ مساحة المتحف 4500 متر مربع، ويضم 300 قطعة أثرية.")
QUOTE = "وتبلغ مساحة المتحف 4500 متر مربع"


def add_document(client, slug="doha-museum", text=ARTICLE, **fields):
    data = {"csrf_token": csrf_token(client, "/my-documents/new"), "slug": slug,
            "title_ar": "متحف الدوحة", "title_en": "", "event_date": "2024-03-05",
            "language": "ar", "summary": "", "text": text, **fields}
    return client.post("/my-documents/new", data=data, content_type="multipart/form-data")


def arabic_bank(document="doha-museum", slug="museum-bank", quote=QUOTE) -> str:
    """An Arabic-only bank: no English text anywhere."""
    return f"""slug: {slug}
languages: [ar]
title: {{ar: أسئلة المتحف}}
description: {{ar: بنك عن المتحف}}
sources: [{document}]
questions:
  - id: museum-area
    type: numeric
    prompt: {{ar: كم تبلغ مساحة المتحف؟}}
    answer: 4500
    unit: {{ar: متر مربع}}
    explanation: {{ar: تبلغ مساحته 4500 متر مربع.}}
    source: {{document: {document}, quote: {quote}}}
    tags: [figure]
"""
