"""teachers' banks and questions in their own namespace

A teacher's slugs and question ids are stored with their account's prefix ("t12."), a
character no shipped name may contain, so a shipped bank can never meet a teacher's.
The columns grow by the prefix; the teachers' existing rows take it.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01 17:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

OLD_LENGTH, NEW_LENGTH = 80, 100


def prefix_teacher_names(connection) -> None:
    """Prefix the slugs of banks that have an owner, and their questions' ids."""
    prefix = "'t' || CAST(banks.owner_id AS VARCHAR(20)) || '.'"
    connection.execute(sa.text(
        "UPDATE questions SET uid = (SELECT " + prefix + " FROM banks"
        " WHERE banks.id = questions.bank_id) || uid"
        " WHERE bank_id IN (SELECT id FROM banks WHERE owner_id IS NOT NULL)"
        " AND uid NOT LIKE 't%.%'"))
    connection.execute(sa.text(
        "UPDATE banks SET slug = " + prefix + " || slug"
        " WHERE owner_id IS NOT NULL AND slug NOT LIKE 't%.%'"))


def _resize(length: int) -> None:
    # SQLite ignores a VARCHAR's length, and a batch rebuild of banks would drop a table
    # other tables point to: only the other databases are altered.
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column('banks', 'slug', type_=sa.String(length=length),
                    existing_nullable=False)
    op.alter_column('questions', 'uid', type_=sa.String(length=length),
                    existing_nullable=False)


def upgrade():
    _resize(NEW_LENGTH)
    prefix_teacher_names(op.get_bind())


def downgrade():
    connection = op.get_bind()
    for table, column in (("banks", "slug"), ("questions", "uid")):
        rows = connection.execute(sa.text(
            f"SELECT id, {column} FROM {table} WHERE {column} LIKE 't%.%'")).all()
        for row_id, name in rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = :name WHERE id = :id"),
                {"name": name.split(".", 1)[1], "id": row_id})
    _resize(OLD_LENGTH)
