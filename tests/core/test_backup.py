"""`flask db backup`: a consistent, restorable copy, even while the app writes."""

import sqlite3
import threading

from sqlalchemy import text

from quizapp.database import write_transaction

from ..conftest import requires_sqlite


@requires_sqlite("the online backup API is SQLite's; PostgreSQL has pg_dump")
def test_backup_copies_a_live_database(loaded_app, tmp_path):
    runner = loaded_app.test_cli_runner()
    target = tmp_path / "copies" / "backup.sqlite3"
    stop = threading.Event()

    def keep_writing():
        with loaded_app.app_context():
            with write_transaction() as session:
                session.execute(text("CREATE TABLE IF NOT EXISTS churn (n INTEGER)"))
            n = 0
            while not stop.is_set():
                with write_transaction() as session:
                    session.execute(text("INSERT INTO churn VALUES (:n)"), {"n": n})
                n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        result = runner.invoke(args=["db", "backup", str(target)])
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM questions").fetchone()[0] >= 150
    assert not list(target.parent.glob("*.part"))


def test_backup_refuses_what_is_not_sqlite(loaded_app, tmp_path):
    loaded_app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://localhost/x"
    result = loaded_app.test_cli_runner().invoke(args=["db", "backup", str(tmp_path / "b")])
    assert result.exit_code != 0 and "pg_dump" in result.output
