"""Drafting the two shipped documents gives banks the validator accepts as they are."""

import pytest

from quizapp.drafting import SourceText, draft_bank

from .conftest import QUESTIONS_DIR

SHIPPED = ["kazakhstan-cultural-centre-beijing", "central-asia-china-summit-astana"]


@pytest.mark.parametrize("slug", SHIPPED)
def test_draft_of_shipped_document_validates(slug, glossary, problems_of):
    body = (QUESTIONS_DIR / "sources" / f"{slug}.txt").read_text(encoding="utf-8")
    result = draft_bank(SourceText(slug, "ar", body), glossary, bank_slug=f"{slug}-draft")
    assert problems_of(result.yaml, slug, body) == []
    assert len(result.bank["questions"]) >= 20
    assert {"figure", "date", "person", "place"} <= set(result.counts)


@pytest.mark.parametrize("slug", SHIPPED)
def test_every_quote_is_verbatim(slug, glossary):
    body = (QUESTIONS_DIR / "sources" / f"{slug}.txt").read_text(encoding="utf-8")
    result = draft_bank(SourceText(slug, "ar", body), glossary, bank_slug="d")
    for question in result.bank["questions"]:
        assert question["source"]["quote"] in body
        assert question["source"]["document"] == slug
