"""Item analysis for one bank in one class, as Moodle's quiz statistics report it.

Every answer the class's students gave to the bank's questions counts: quiz answers and
graded reviews. For each question: attempts, facility (share answered right), the
discrimination index (facility among the third of students with the best results on the
whole bank, minus facility among the weakest third) and the most chosen wrong answer;
for a typed question, the answers refused most often, with how many times a student said
"I was right" about them in review.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from flask_babel import force_locale, gettext
from sqlalchemy import false, select

from ..accounts.models import ClassMembership, SchoolClass
from ..banks.models import Bank, Question
from ..extensions import db
from ..questions import registry
from ..questions.normalise import normalise_text
from ..questions.presenting import describe_response
from ..study.models import QuizAnswer, QuizAttempt, ReviewLog

TYPED = frozenset({"short_text", "numeric"})
REFUSED_SHOWN = 5  # the most frequent refused answers listed per typed question


@dataclass
class RefusedAnswer:
    """One typed answer as students wrote it (its first spelling), refused ``count``
    times; ``claims``: reviews where the student rated it as right anyway."""

    text: str
    count: int
    claims: int


@dataclass
class ItemStats:
    question: Question
    attempts: int
    facility: float | None
    discrimination: float | None
    common_wrong: str | None
    common_wrong_count: int
    refused: list[RefusedAnswer] = field(default_factory=list)


def _answers(school_class: SchoolClass, bank: Bank):
    """(user_id, question_id, correct, response, claimed_right) for every answer of the
    class (a quiz answer has no rating, so no claim)."""
    members = select(ClassMembership.user_id).where(
        ClassMembership.class_id == school_class.id).scalar_subquery()
    quiz = db.session.execute(
        select(QuizAttempt.user_id, QuizAnswer.question_id, QuizAnswer.correct,
               QuizAnswer.response, false())
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id)
        .join(Question, Question.id == QuizAnswer.question_id)
        .where(QuizAttempt.user_id.in_(members), Question.bank_id == bank.id)).all()
    reviews = db.session.execute(
        select(ReviewLog.user_id, ReviewLog.question_id, ReviewLog.correct, ReviewLog.response,
               ReviewLog.claimed_right)
        .join(Question, Question.id == ReviewLog.question_id)
        .where(ReviewLog.user_id.in_(members), Question.bank_id == bank.id,
               ReviewLog.correct.is_not(None))).all()
    return [*quiz, *reviews]


# A matched pair reads from its first to its second member: in Arabic, right to left.
PAIR_ARROW = {"ar": "←"}


def _wrong_key(question: Question, response, lang: str) -> str | None:
    """The wrong answer as the page and the exports show it, in ``lang``."""
    if response is None:
        return None
    words = describe_response(question, response, lang)
    if words is True or words is False:
        with force_locale(lang):
            return gettext("True") if words else gettext("False")
    arrow = PAIR_ARROW.get(lang, "→")
    text = " · ".join(w if isinstance(w, str) else f"{w[0]} {arrow} {w[1]}" for w in words)
    return text or None


def item_analysis(school_class: SchoolClass, bank: Bank, lang: str) -> list[ItemStats]:
    questions = db.session.scalars(
        select(Question).where(Question.bank_id == bank.id, Question.retired_at.is_(None),
                               Question.type.in_(registry.answerable_names()))
        .order_by(Question.position)).all()
    answers = _answers(school_class, bank)
    per_student = defaultdict(list)
    for user_id, _, correct, _, _ in answers:
        per_student[user_id].append(bool(correct))
    ranked = sorted(per_student, key=lambda u: sum(per_student[u]) / len(per_student[u]))
    third = len(ranked) // 3
    lower, upper = set(ranked[:third]), set(ranked[len(ranked) - third:]) if third else set()

    by_question = defaultdict(list)
    for user_id, question_id, correct, response, claimed in answers:
        by_question[question_id].append((user_id, bool(correct), response, bool(claimed)))
    stats = []
    for question in questions:
        rows = by_question.get(question.id, [])
        facility = sum(c for _, c, _, _ in rows) / len(rows) if rows else None
        discrimination = None
        top = [c for u, c, _, _ in rows if u in upper]
        bottom = [c for u, c, _, _ in rows if u in lower]
        if top and bottom:
            discrimination = sum(top) / len(top) - sum(bottom) / len(bottom)
        wrong: Counter[str] = Counter()
        claims: Counter[str] = Counter()
        shown: dict[str, str] = {}
        for _, correct, response, claimed in rows:
            if correct:
                continue
            key = _wrong_key(question, response, lang)
            if key is None:
                continue
            folded = normalise_text(key) or key
            wrong[folded] += 1
            claims[folded] += claimed
            shown.setdefault(folded, key)
        common, count = wrong.most_common(1)[0] if wrong else (None, 0)
        refused = []
        if question.type in TYPED:
            # Claims first: a student who says "I was right" is the likeliest fair answer.
            ranked_wrong = sorted(wrong, key=lambda k: (-claims[k], -wrong[k], shown[k]))
            refused = [RefusedAnswer(shown[k], wrong[k], claims[k])
                       for k in ranked_wrong[:REFUSED_SHOWN]]
        stats.append(ItemStats(question, len(rows), facility, discrimination,
                               shown[common] if common is not None else None, count, refused))
    return stats


SORTS = {
    "facility": lambda s: (s.facility is None, s.facility or 0),
    "discrimination": lambda s: (s.discrimination is None, s.discrimination or 0),
    "attempts": lambda s: -s.attempts,
    "position": lambda s: s.question.position,
}
