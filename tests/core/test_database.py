"""Write transactions on SQLite: concurrent writers wait their turn instead of failing."""

import threading
import time

from sqlalchemy import text

from quizapp.database import write_transaction
from quizapp.extensions import db

from ..conftest import requires_sqlite


@requires_sqlite("BEGIN IMMEDIATE; on PostgreSQL reviews lock their row "
                 "(tests/study/test_scheduling.py checks concurrent reviews on both)")
def test_concurrent_read_then_write_transactions_both_commit(app):
    """Two transactions that read, pause, then write: with a plain BEGIN the second
    writer's lock upgrade fails at once with "database is locked"; BEGIN IMMEDIATE makes
    it wait for the first to commit."""
    with app.app_context():
        with write_transaction() as session:
            session.execute(text("CREATE TABLE counter (n INTEGER)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
    errors = []
    start = threading.Barrier(2)

    def increment():
        try:
            with app.app_context():
                start.wait()
                with write_transaction() as session:
                    n = session.execute(text("SELECT n FROM counter")).scalar()
                    time.sleep(0.2)
                    session.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})
                db.session.remove()
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)

    threads = [threading.Thread(target=increment) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        # Had both read 0 before either wrote, the count would be 1: a lost update.
        assert db.session.execute(text("SELECT n FROM counter")).scalar() == 2


def test_write_transaction_rolls_back_on_error(app):
    with app.app_context():
        with write_transaction() as session:
            session.execute(text("CREATE TABLE kept (n INTEGER)"))
        try:
            with write_transaction() as session:
                session.execute(text("INSERT INTO kept VALUES (1)"))
                raise RuntimeError("half-way")
        except RuntimeError:
            pass
        assert db.session.execute(text("SELECT count(*) FROM kept")).scalar() == 0
