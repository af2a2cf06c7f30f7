"""ids never given out again, and a random secret per account in its session

SQLite gives a deleted row's id (the highest) to the next row unless the table says
AUTOINCREMENT: an old session cookie or device cookie then named a new account. Each
account gets a random session_token, carried in its session id and device cookie, and on
SQLite the tables whose ids reach URLs or cookies are rebuilt with AUTOINCREMENT (the
documented rebuild, foreign keys off while it runs). PostgreSQL's sequences never reuse.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 18:40:00.000000

"""
import re
import secrets

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

NO_REUSE_TABLES = ("users", "classes", "assignments", "quiz_attempts", "banks", "questions")


def _backfill_tokens(connection) -> None:
    ids = connection.execute(sa.text("SELECT id FROM users WHERE session_token IS NULL")).scalars()
    for user_id in list(ids):
        connection.execute(sa.text("UPDATE users SET session_token = :token WHERE id = :id"),
                           {"token": secrets.token_urlsafe(16), "id": user_id})


def _autoincrement_sql(table: str, sql: str) -> str:
    """The table's CREATE statement, as a new table whose id column is AUTOINCREMENT."""
    new, header = re.subn(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE {table}_rebuilt", sql)
    new, column = re.subn(r"\bid INTEGER NOT NULL,",
                          f"id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,",
                          new, count=1)
    new, key = re.subn(rf",\s*CONSTRAINT pk_{table} PRIMARY KEY \(id\)", "", new)
    if (header, column, key) != (1, 1, 1):
        raise RuntimeError(f"unexpected schema for {table}: {sql}")
    if table == "users":
        new = new.replace("session_token VARCHAR(32)", "session_token VARCHAR(32) NOT NULL")
    return new


def _rebuild_sqlite(connection) -> None:
    # PRAGMA foreign_keys only changes outside a transaction, and with it on, dropping a
    # table would cascade its implicit DELETE to every table pointing at it.
    connection.exec_driver_sql("COMMIT")
    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    for table in NO_REUSE_TABLES:
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar_one()
        if "AUTOINCREMENT" in sql.upper():
            continue
        indexes = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL", (table,)).scalars().all()
        connection.exec_driver_sql(_autoincrement_sql(table, sql))
        connection.exec_driver_sql(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
        connection.exec_driver_sql(f"DROP TABLE {table}")
        connection.exec_driver_sql(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        for index in indexes:
            connection.exec_driver_sql(index)
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")
    connection.exec_driver_sql("COMMIT")
    connection.exec_driver_sql("PRAGMA foreign_keys = ON")
    connection.exec_driver_sql("BEGIN")


def upgrade():
    connection = op.get_bind()
    op.add_column('users', sa.Column('session_token', sa.String(length=32), nullable=True))
    _backfill_tokens(connection)
    if connection.dialect.name == "sqlite":
        _rebuild_sqlite(connection)
    else:
        op.alter_column('users', 'session_token', existing_type=sa.String(length=32),
                        nullable=False)


def downgrade():
    # AUTOINCREMENT stays on SQLite: it is harmless, and undoing it would reuse ids again.
    # A plain DROP COLUMN (SQLite 3.35+): a batch rebuild of users would cascade.
    op.drop_column('users', 'session_token')
