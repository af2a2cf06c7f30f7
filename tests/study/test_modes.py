"""Study modes at service level: a quiz on chosen questions, retrying a quiz's mistakes,
quiz answers that count as the review of a due card (once, through FSRS), and custom
study ahead of schedule, whose ratings update the schedule."""

import random
from datetime import timedelta

import pytest
from fsrs import Rating
from sqlalchemy import func, select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Question, QuestionTag
from quizapp.extensions import db
from quizapp.study import modes, quizzes
from quizapp.study import services as study
from quizapp.study.models import Card, CustomStudy, ReviewLog

from .conftest import NOW, PASSWORD


def choice_questions(bank, n: int) -> list[Question]:
    return list(db.session.scalars(
        select(Question).where(Question.bank_id == bank.id, Question.type == "single_choice",
                               Question.retired_at.is_(None))
        .order_by(Question.position).limit(n)))


def wrong_choice(question: Question) -> str:
    return next(key for key in question.details["choices"] if key != question.details["answer"])


def review(user, question, rating=Rating.Good, now=NOW):
    card = study.card_for(user, question.id)
    return study.record_review(user, question, rating, now=now,
                               reviews_seen=card.reviews if card else 0, fuzzing=False)


def logs(user, question) -> list[ReviewLog]:
    return list(db.session.scalars(select(ReviewLog).where(
        ReviewLog.user_id == user.id, ReviewLog.question_id == question.id)
        .order_by(ReviewLog.id)))


def answer_all(user, attempt, answers: dict[int, str], now=NOW, fuzzing=False):
    for position, question_id in enumerate(attempt.question_ids):
        question = db.session.get(Question, question_id)
        modes.answer_in_quiz(user, attempt, position, question, answers.get(question_id),
                             duration_ms=5000, now=now, fuzzing=fuzzing)


# A quiz on chosen questions, and retrying mistakes -----------------------------------------

def test_a_quiz_on_chosen_questions_asks_only_them_and_is_capped(student, bank):
    chosen = [q.id for q in choice_questions(bank, 40)]
    attempt = modes.quiz_on(student, chosen, rng=random.Random(1))
    assert len(attempt.question_ids) == modes.MAX_CHOSEN_QUIZ
    assert set(attempt.question_ids) <= set(chosen)
    assert modes.quiz_on(student, [], rng=random.Random(1)) is None


def test_retrying_mistakes_asks_exactly_the_questions_answered_wrongly(student, bank):
    questions = choice_questions(bank, 5)
    attempt = quizzes.start_quiz(student, length=5, rng=random.Random(2), bank=bank,
                                 question_ids=[q.id for q in questions])
    wrong = {questions[1].id, questions[3].id}
    answer_all(student, attempt, {q.id: wrong_choice(q) if q.id in wrong
                                  else q.details["answer"] for q in questions})
    assert modes.mistakes(student, attempt) == [qid for qid in attempt.question_ids
                                                if qid in wrong]
    retry = modes.retry_mistakes(student, attempt, rng=random.Random(3))
    assert sorted(retry.question_ids) == sorted(wrong)
    assert retry.bank_id == bank.id and retry.id != attempt.id


def test_a_quiz_without_mistakes_has_nothing_to_retry(student, bank):
    questions = choice_questions(bank, 3)
    attempt = quizzes.start_quiz(student, length=3, rng=random.Random(4), bank=bank,
                                 question_ids=[q.id for q in questions])
    answer_all(student, attempt, {q.id: q.details["answer"] for q in questions})
    assert modes.retry_mistakes(student, attempt, rng=random.Random(5)) is None


# Quiz answers as reviews --------------------------------------------------------------

@pytest.fixture
def card_question(studying, bank):
    """A question the student reviewed once (Easy) at NOW: a card due days later."""
    question = choice_questions(bank, 1)[0]
    review(studying, question, Rating.Easy)
    return question


def quiz_of(user, question, rng_seed=6):
    return quizzes.start_quiz(user, length=1, rng=random.Random(rng_seed),
                              question_ids=[question.id])


def test_a_right_quiz_answer_on_a_due_card_is_a_good_review(studying, card_question):
    due = study.card_for(studying, card_question.id).due
    answer_all(studying, quiz_of(studying, card_question),
               {card_question.id: card_question.details["answer"]}, now=due + timedelta(hours=1))
    reviewed = logs(studying, card_question)
    assert [log.rating for log in reviewed] == [int(Rating.Easy), int(Rating.Good)]
    assert reviewed[-1].correct is True
    card = study.card_for(studying, card_question.id)
    assert card.reviews == 2 and card.due > due + timedelta(days=1)


def test_a_wrong_quiz_answer_on_a_due_card_is_an_again_review(studying, card_question):
    due = study.card_for(studying, card_question.id).due
    answer_all(studying, quiz_of(studying, card_question),
               {card_question.id: wrong_choice(card_question)}, now=due + timedelta(hours=1))
    assert logs(studying, card_question)[-1].rating == int(Rating.Again)
    assert logs(studying, card_question)[-1].correct is False


def test_a_quiz_answer_on_a_card_not_yet_due_leaves_its_schedule(studying, card_question):
    before = study.card_for(studying, card_question.id)
    due, reviews = before.due, before.reviews
    answer_all(studying, quiz_of(studying, card_question),
               {card_question.id: card_question.details["answer"]}, now=NOW + timedelta(hours=1))
    db.session.expire_all()
    after = study.card_for(studying, card_question.id)
    assert (after.due, after.reviews) == (due, reviews)
    assert len(logs(studying, card_question)) == 1


def test_a_quiz_answer_without_a_card_makes_none(student, bank):
    question = choice_questions(bank, 1)[0]
    answer_all(student, quiz_of(student, question), {question.id: question.details["answer"]})
    assert study.card_for(student, question.id) is None


def test_a_quiz_answer_submitted_twice_is_one_review(studying, card_question):
    due = study.card_for(studying, card_question.id).due
    attempt = quiz_of(studying, card_question)
    for _ in range(2):
        modes.answer_in_quiz(studying, attempt, 0, card_question,
                             card_question.details["answer"], duration_ms=4000,
                             now=due + timedelta(minutes=5), fuzzing=False)
    assert len(logs(studying, card_question)) == 2  # the first review and the quiz's


# Custom study ---------------------------------------------------------------------------

def reviewed_cards(user, bank, n: int) -> list[Question]:
    questions = choice_questions(bank, n)
    for question in questions:
        review(user, question, Rating.Easy)  # due days later
    return questions


def test_studying_ahead_reviews_cards_not_yet_due_of_one_kind(studying, bank):
    questions = reviewed_cards(studying, bank, 8)
    date_ids = set(db.session.scalars(select(QuestionTag.question_id).where(
        QuestionTag.tag == "date", QuestionTag.question_id.in_([q.id for q in questions]))))
    assert date_ids
    custom = modes.study_ahead(studying, now=NOW + timedelta(minutes=1), tag="date")
    assert custom.kind == "ahead" and set(custom.question_ids) == date_ids
    assert set(modes.custom_queue(studying, custom)) == date_ids


def test_a_rating_in_custom_study_updates_the_schedule_and_leaves_the_session(
        studying, bank):
    question = reviewed_cards(studying, bank, 1)[0]
    later = NOW + timedelta(hours=2)
    custom = modes.study_ahead(studying, now=later)
    due_before = study.card_for(studying, question.id).due
    assert modes.custom_queue(studying, custom) == [question.id]
    outcome = review(studying, question, Rating.Good, now=later + timedelta(minutes=1))
    assert outcome.recorded and outcome.due != due_before
    assert modes.custom_queue(studying, custom) == []
    assert modes.custom_summary(studying, custom).reviews == 1


def test_nothing_ahead_makes_no_session(student):
    assert modes.study_ahead(student, now=NOW) is None


def test_a_selection_makes_new_questions_cards_when_rated(student, bank):
    questions = choice_questions(bank, 3)
    custom = modes.study_selection(student, [q.id for q in questions], now=NOW)
    assert modes.custom_queue(student, custom) == [q.id for q in questions]
    review(student, questions[0], now=NOW + timedelta(seconds=5))
    assert study.card_for(student, questions[0].id) is not None
    assert modes.custom_queue(student, custom) == [q.id for q in questions[1:]]


def test_a_custom_session_is_its_owners_only(ctx, student, bank):
    other = register(NewAccount(username="omar", display_name="Omar", password=PASSWORD,
                                locale="en", timezone="UTC"))
    custom = modes.study_selection(student, [choice_questions(bank, 1)[0].id], now=NOW)
    assert modes.custom_study_for(student, custom.id) is not None
    assert modes.custom_study_for(other, custom.id) is None


def test_only_the_latest_custom_sessions_are_kept(student, bank):
    question_id = choice_questions(bank, 1)[0].id
    for minute in range(modes.KEPT_CUSTOM + 3):
        modes.study_selection(student, [question_id], now=NOW + timedelta(minutes=minute))
    kept = db.session.scalar(select(func.count()).select_from(CustomStudy)
                             .where(CustomStudy.user_id == student.id))
    assert kept == modes.KEPT_CUSTOM
    assert db.session.scalar(select(func.count()).select_from(Card)) == 0


def test_the_outcome_says_which_rating_the_card_was_given(studying, card_question):
    due = study.card_for(studying, card_question.id).due
    attempt = quiz_of(studying, card_question)
    outcome = modes.answer_in_quiz(studying, attempt, 0, card_question,
                                   wrong_choice(card_question), duration_ms=4000,
                                   now=due + timedelta(minutes=5), fuzzing=False)
    assert outcome.answered.recorded and outcome.reviewed == Rating.Again
    again = modes.answer_in_quiz(studying, attempt, 0, card_question,
                                 card_question.details["answer"], duration_ms=4000,
                                 now=due + timedelta(minutes=6), fuzzing=False)
    assert not again.answered.recorded and again.reviewed is None
