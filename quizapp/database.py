"""Engine set-up shared by every feature: SQLite pragmas, write transactions, UTC times.

SQLite runs in WAL mode with a busy timeout. pysqlite's own transaction handling is
switched off so that SQLAlchemy emits BEGIN itself: a plain BEGIN for reads, and
BEGIN IMMEDIATE for a write transaction that reads first (see ``write_transaction``), so
two writers queue on the busy timeout instead of failing with "database is locked" when
one upgrades its read lock. Other databases ignore all of this.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Literal

from flask import Flask
from sqlalchemy import Connection, DateTime, Dialect, event
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from .extensions import db

IMMEDIATE = "quizapp_sqlite_immediate"
# Set in session.info while write_transaction holds the session's transaction open.
WRITING = "quizapp_write_transaction"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect
                             ) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def init_app(app: Flask) -> None:
    """Attach the SQLite set-up to this app's engine (creating it opens no connection)."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        return
    busy_timeout_ms = int(app.config["SQLITE_BUSY_TIMEOUT_MS"])

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction() -> Iterator[Session]:
    """One transaction that will write: commit on success, roll back on any error.

    On SQLite it starts with BEGIN IMMEDIATE, so the write lock is taken (waiting on the
    busy timeout) before the first read, never upgraded halfway through.
    """
    session = db.session()
    if session.in_transaction():
        # A read earlier in the request opened a deferred transaction; end it so the
        # write starts from a fresh, immediate one.
        session.commit()
    session.connection(execution_options={IMMEDIATE: True})
    # Marked open, so that nothing else commits it half-way (a job's progress report).
    session.info[WRITING] = True
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop(WRITING, None)


def render_item(type_: str, obj: object, autogen_context: object) -> str | Literal[False]:
    """Alembic autogenerate: write UTCDateTime as the plain type it is stored as."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False
