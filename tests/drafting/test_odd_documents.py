"""Whatever text a teacher brings, the draft validates as it is: here, slices of files
that are no news articles (the format guide, the Arabic catalogue with its isolate
marks, a bank file), drafted with the shipped glossary."""

import random
from pathlib import Path

import pytest

from quizapp.drafting import SourceText, detect_language, draft_bank

ROOT = Path(__file__).resolve().parents[2]
ODD_FILES = ["docs/question-format.md", "translations/ar/LC_MESSAGES/messages.po",
             "questions/banks/central-asia-china-summit.yaml"]


@pytest.mark.parametrize("name", ODD_FILES)
def test_drafts_of_odd_text_validate(name, glossary, problems_of):
    text = (ROOT / name).read_text(encoding="utf-8")
    rng = random.Random(name)
    for trial in range(3):
        start = rng.randrange(len(text) // 2)
        piece = text[start:start + rng.randrange(2000, 8000)]
        slug = f"odd-{ODD_FILES.index(name)}-{trial}"
        result = draft_bank(SourceText(slug, detect_language(piece), piece), glossary,
                            bank_slug=slug)
        if result.bank["questions"]:
            assert problems_of(result.yaml, slug, piece) == []
