"""A private bank of teacher T's (class C, student S in it) whose texts are easy to spot,
and helpers to prove that nobody else ever sees them."""

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from quizapp.banks.models import Bank, Question
from quizapp.banks.ownership import stored_name
from quizapp.banks.services import check_upload, publish_upload
from quizapp.extensions import db

from ..banks.conftest import GOOD

SECRET_PROMPT = "Which hall keeps the hidden exhibit"
SECRET_EXPLANATION = "The hidden exhibit is kept in hall nine"
SECRET_FRONT = "Hidden card front"
SECRET_BACK = "Hidden card back"
SECRET_TITLE = "Hidden bank title"
SECRETS = (SECRET_PROMPT, SECRET_EXPLANATION, SECRET_FRONT, SECRET_BACK, SECRET_TITLE)

FLASHCARD = f"""\
  - id: t-hidden-card
    type: flashcard
    front: {{ar: وجه البطاقة, en: "{SECRET_FRONT}"}}
    back: {{ar: ظهر البطاقة, en: "{SECRET_BACK}"}}
    explanation: {{ar: شرح البطاقة, en: Explained.}}
    source:
      document: kazakhstan-cultural-centre-beijing
      quote: تبلغ مساحته الإجمالية 620 متراً مربعاً
      quote_en: Its total area is 620 square metres
    tags: [figure]
"""

PRIVATE_BANK = (GOOD.replace("en: Example}", f"en: {SECRET_TITLE}}}")
                .replace("When did the centre open?", SECRET_PROMPT + "?")
                .replace("It opened on 2 September 2025.", SECRET_EXPLANATION + ".")
                .rstrip("\n") + "\n" + FLASHCARD)


def shows_no_secret(response) -> bool:
    html = response.get_data(as_text=True)
    return not any(secret in html for secret in SECRETS)


@pytest.fixture
def private(loaded_app, world):
    """Teacher T's published bank: its slug, and its single-choice and flashcard ids."""
    with loaded_app.app_context():
        upload = check_upload(PRIVATE_BANK, "bank.yaml", owner_id=world.teacher.id,
                              max_bytes=1 << 20)
        assert upload.ok, upload.problems
        publish_upload(upload, owner_id=world.teacher.id)
        def stored(name: str) -> str:
            return stored_name(name, world.teacher.id)

        bank = db.session.scalar(select(Bank).where(Bank.slug == stored("my-class-bank")))
        ids = {q.uid: q.id for q in db.session.scalars(
            select(Question).where(Question.bank_id == bank.id))}
        record = SimpleNamespace(slug=bank.slug, bank_id=bank.id,
                                 choice_id=ids[stored("t-opening-date")],
                                 card_id=ids[stored("t-hidden-card")],
                                 choice_uid=stored("t-opening-date"),
                                 card_uid=stored("t-hidden-card"))
        db.session.remove()
        return record


OUTSIDERS = ("uteacher", "rstudent")  # another teacher, a student outside the class
INSIDERS = ("teacher", "student")  # the bank's teacher, a student of their class
