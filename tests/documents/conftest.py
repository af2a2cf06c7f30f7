"""A teacher's document, added through the page, and an Arabic-only bank citing it."""

import html
import re

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


SLUG_PATH = "/my-documents/t{id}.doha-museum"


def drafted(world, client_as):
    teacher = client_as("teacher")
    assert add_document(teacher).status_code == 303
    base = SLUG_PATH.format(id=world.teacher.id)
    response = teacher.post(base + "/draft", data={"csrf_token": csrf_token(teacher, "/")})
    assert response.status_code == 303
    assert "/jobs/" in response.headers["Location"]  # drafted by a job (immediate in tests)
    page = teacher.get(base + "/draft").get_data(as_text=True)
    ids = re.findall(r'<li class="card question" id="([a-z0-9-]+)"', page)
    assert ids, page
    return teacher, base, ids


def form_values(form: str) -> dict[str, str]:
    """What the browser would send back unchanged: every input's and text area's value."""
    values = dict(re.findall(r'name="(f\.[^"]+)" value="([^"]*)"', form))
    values.update(re.findall(r'name="(f\.[^"]+)"[^>]*>([^<]*)</textarea>', form))
    return {name: html.unescape(value) for name, value in values.items()}
