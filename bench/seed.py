"""Seed a benchmark database: students, a teacher's class, cards and review history.

    .venv/bin/python bench/seed.py --students 1000 --cards 200 --reviews 1000000

Run against an empty, migrated database (DATABASE_URL, or instance/ by default); the
question banks are loaded first. Rows go in with bulk INSERTs, not through the app.
"""

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating
from sqlalchemy import insert, select

from quizapp import create_app
from quizapp.accounts.models import ClassMembership, SchoolClass, User
from quizapp.accounts.passwords import hash_password
from quizapp.banks.models import Bank, Question
from quizapp.banks.services import load_paths
from quizapp.extensions import db
from quizapp.study import scheduling
from quizapp.study.models import Card, ReviewLog, StudyBank

PASSWORD = "benchmark passphrase"
CLASS_SIZE = 40


def seed(students: int, cards_each: int, reviews: int, seed_value: int = 7) -> dict:
    rng = random.Random(seed_value)
    app = create_app()
    with app.app_context():
        questions_dir = Path(app.config["QUESTIONS_DIR"])
        load_paths([questions_dir], questions_dir, max_bytes=app.config["MAX_BANK_BYTES"])
        question_ids = list(db.session.scalars(select(Question.id).order_by(Question.id)))
        bank_ids = list(db.session.scalars(select(Bank.id)))
        now = datetime.now(UTC)
        password_hash = hash_password(PASSWORD)
        connection = db.session.connection()
        connection.execute(insert(User), [
            {"username": f"student{n:04d}", "display_name": f"Student {n}",
             "password_hash": password_hash, "role": "student", "locale": "ar",
             "timezone": "Asia/Almaty", "desired_retention": 0.9, "new_cards_per_day": 20,
             "session_version": 1, "created_at": now} for n in range(students)])
        connection.execute(insert(User), [{
            "username": "teacher", "display_name": "Teacher", "password_hash": password_hash,
            "role": "teacher", "locale": "ar", "timezone": "Asia/Almaty",
            "desired_retention": 0.9, "new_cards_per_day": 20, "session_version": 1,
            "created_at": now}])
        user_ids = list(db.session.scalars(select(User.id).where(User.role == "student")
                                           .order_by(User.id)))
        teacher_id = db.session.scalar(select(User.id).where(User.username == "teacher"))
        connection.execute(insert(SchoolClass), [{
            "teacher_id": teacher_id, "name": "Benchmark class", "join_code": "BENCHMARK2",
            "created_at": now}])
        class_id = db.session.scalar(select(SchoolClass.id))
        connection.execute(insert(ClassMembership), [
            {"class_id": class_id, "user_id": uid, "joined_at": now}
            for uid in user_ids[:CLASS_SIZE]])
        connection.execute(insert(StudyBank), [
            {"user_id": uid, "bank_id": bid, "added_at": now}
            for uid in user_ids for bid in bank_ids])

        scheduler = scheduling.make_scheduler(0.9, fuzzing=False)
        per_card = max(1, reviews // (students * cards_each))
        card_rows, log_rows, total_logs = [], [], 0
        started = time.monotonic()
        for uid in user_ids:
            for qid in rng.sample(question_ids, min(cards_each, len(question_ids))):
                when = now - timedelta(days=rng.uniform(30, 120))
                card, state, due, log_batch = None, None, None, []
                for _ in range(per_card):
                    rating = rng.choices(list(Rating), weights=(1, 2, 6, 2))[0]
                    after = scheduling.review(scheduler, card, rating, when)
                    log_batch.append({
                        "user_id": uid, "question_id": qid, "rating": int(rating),
                        "correct": rating != Rating.Again, "duration_ms": rng.randint(2000, 30000),
                        "reviewed_at": when, "state_before": state, "state_after": after.state,
                        "due_before": due, "due_after": after.due, "card_before": card,
                        "card_after": after.card})
                    card, state, due = after.card, after.state, after.due
                    # The next review on its due date, but never in the future.
                    when = min(max(due, when + timedelta(minutes=1)),
                               now - timedelta(minutes=1))
                card_rows.append({
                    "user_id": uid, "question_id": qid, "fsrs_card": card, "state": state,
                    # Spread due dates: about a tenth of the cards are due now.
                    "due": now + timedelta(days=rng.uniform(-3, 27)),
                    "stability": card["stability"], "difficulty": card["difficulty"],
                    "last_review": when, "reviews": per_card, "lapses": 0,
                    "created_at": now - timedelta(days=120), "_logs": log_batch})
            if len(card_rows) >= 5000:
                total_logs += _flush(connection, card_rows, log_rows)
        total_logs += _flush(connection, card_rows, log_rows)
        db.session.commit()
        return {"students": len(user_ids), "cards": len(user_ids) * cards_each,
                "review_logs": total_logs, "class_id": class_id,
                "seconds": round(time.monotonic() - started, 1)}


def _flush(connection, card_rows, log_rows) -> int:
    if not card_rows:
        return 0
    logs = [row.pop("_logs") for row in card_rows]
    connection.execute(insert(Card), card_rows)
    # Card ids: look them up per (user, question) in one query for this batch.
    pairs = {(r["user_id"], r["question_id"]) for r in card_rows}
    users = {u for u, _ in pairs}
    found = connection.execute(select(Card.user_id, Card.question_id, Card.id)
                               .where(Card.user_id.in_(users))).all()
    ids = {(u, q): cid for u, q, cid in found}
    for row, batch in zip(card_rows, logs, strict=True):
        for log in batch:
            log["card_id"] = ids[(row["user_id"], row["question_id"])]
            log_rows.append(log)
    count = len(log_rows)
    connection.execute(insert(ReviewLog), log_rows)
    card_rows.clear()
    log_rows.clear()
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    print(json.dumps(seed(args.students, args.cards, args.reviews)))
