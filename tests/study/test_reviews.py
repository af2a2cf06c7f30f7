"""The review service: an answer is checked and given a suggestion, a rating is recorded
with the answer checked again, and each type goes the one way its kind allows."""

import pytest
from fsrs import Rating
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study import reviews
from quizapp.study.models import ReviewLog

from .conftest import NOW


def question_of(bank, kind: str) -> Question:
    return db.session.scalar(select(Question).where(Question.bank_id == bank.id,
                                                    Question.type == kind)
                             .order_by(Question.position))


def logs() -> list[ReviewLog]:
    return db.session.scalars(select(ReviewLog)).all()


def test_a_quick_right_answer_is_checked_and_suggested_easy_and_nothing_is_stored(
        studying, bank):
    question = question_of(bank, "single_choice")
    checked = reviews.answer_for_review(
        studying, question, seen=0, form=MultiDict({"answer": question.details["answer"]}),
        duration_ms=2_000, lang="en", now=NOW)
    assert checked.feedback.result.correct
    assert checked.suggested == Rating.Easy
    assert set(checked.intervals) == {Rating.Again, Rating.Hard, Rating.Good, Rating.Easy}
    assert logs() == []


def test_a_rated_answer_is_stored_as_checked_by_the_server(studying, bank):
    question = question_of(bank, "single_choice")
    wrong = next(key for key in question.details["choices"]
                 if key != question.details["answer"])
    submission = reviews.ReviewSubmission(question.id, 0, 5_000, answered=True,
                                          response=wrong, suggested=Rating.Easy)
    outcome = reviews.rate(studying, question, Rating.Good, submission, now=NOW,
                           fuzzing=False)
    assert outcome.recorded
    [log] = logs()
    assert (log.rating, log.suggested_rating, log.correct, log.response,
            log.duration_ms, log.reviewed_at) == (3, 4, False, wrong, 5_000, NOW)


def test_a_flashcard_is_rated_without_an_answer(studying, bank):
    card = question_of(bank, "flashcard")
    with pytest.raises(reviews.WrongReviewKind):
        reviews.answer_for_review(studying, card, seen=0, form=MultiDict(),
                                  duration_ms=None, lang="en", now=NOW)
    with pytest.raises(reviews.WrongReviewKind):
        reviews.rate(studying, card, Rating.Good,
                     reviews.ReviewSubmission(card.id, 0, answered=True, response="a"),
                     now=NOW, fuzzing=False)
    assert logs() == []
    reviews.rate(studying, card, Rating.Hard, reviews.ReviewSubmission(card.id, 0),
                 now=NOW, fuzzing=False)
    assert [(log.rating, log.correct, log.response) for log in logs()] == [(2, None, None)]


def test_a_graded_question_is_not_rated_without_its_answer(studying, bank):
    question = question_of(bank, "single_choice")
    with pytest.raises(reviews.WrongReviewKind):
        reviews.rate(studying, question, Rating.Easy,
                     reviews.ReviewSubmission(question.id, 0), now=NOW, fuzzing=False)
    assert logs() == []


def test_a_submission_for_another_question_is_refused(studying, bank):
    question = question_of(bank, "single_choice")
    other = question_of(bank, "true_false")
    with pytest.raises(reviews.WrongReviewKind):
        reviews.rate(studying, question, Rating.Good,
                     reviews.ReviewSubmission(other.id, 0, answered=True, response=True,
                                              suggested=Rating.Good),
                     now=NOW, fuzzing=False)
    assert logs() == []


def test_the_session_summary_counts_ratings_and_right_answers(studying, bank):
    question = question_of(bank, "single_choice")
    card = question_of(bank, "flashcard")
    reviews.rate(studying, question, Rating.Good,
                 reviews.ReviewSubmission(question.id, 0, answered=True,
                                          response=question.details["answer"],
                                          suggested=Rating.Good), now=NOW, fuzzing=False)
    reviews.rate(studying, card, Rating.Again, reviews.ReviewSubmission(card.id, 0),
                 now=NOW, fuzzing=False)
    summary = reviews.session_summary(studying, NOW)
    assert (summary.reviews, summary.correct, summary.graded) == (2, 1, 1)
    assert summary.by_rating == {1: 1, 2: 0, 3: 1, 4: 0}
