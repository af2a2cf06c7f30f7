"""search text per question, and custom study sessions

Each question gets ``search_text``: its prompts, right answer and quotes in both
languages, folded (harakat, hamza forms, ة/ه, digit scripts...) so that search is a LIKE
on one column. Existing rows are filled here, with the same function the loader uses;
a later change to the folding comes with a migration that fills the column again.
``custom_studies`` holds the questions a student chose to review now (custom study).

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-01 20:00:00.000000

"""
import json

import sqlalchemy as sa
from alembic import op

from quizapp.banks.search_text import question_search_text

# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0015'
branch_labels = None
depends_on = None

BATCH = 500


def _fill_search_text(connection) -> None:
    questions = sa.table('questions', sa.column('id', sa.Integer), sa.column('type'),
                         sa.column('details'), sa.column('prompt_ar'), sa.column('prompt_en'),
                         sa.column('quote'), sa.column('quote_en'),
                         sa.column('search_text', sa.Text))
    last_id = 0
    while True:  # in batches by id, so a large table is never held in memory at once
        rows = connection.execute(
            sa.select(questions.c.id, questions.c.type, questions.c.details,
                      questions.c.prompt_ar, questions.c.prompt_en, questions.c.quote,
                      questions.c.quote_en)
            .where(questions.c.id > last_id).order_by(questions.c.id).limit(BATCH)).all()
        if not rows:
            return
        connection.execute(
            questions.update().where(questions.c.id == sa.bindparam('row_id'))
            .values(search_text=sa.bindparam('text')),
            [{'row_id': row.id,
              'text': question_search_text(
                  type=row.type, prompt_ar=row.prompt_ar, prompt_en=row.prompt_en,
                  quote=row.quote, quote_en=row.quote_en,
                  details=json.loads(row.details) if isinstance(row.details, str)
                  else row.details)}
             for row in rows])
        last_id = rows[-1].id


def upgrade():
    op.add_column('questions', sa.Column('search_text', sa.Text(), nullable=False,
                                         server_default=''))
    _fill_search_text(op.get_bind())
    op.create_table(
        'custom_studies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('tag', sa.String(length=40), nullable=True),
        sa.Column('question_ids', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_custom_studies_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_studies')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_custom_studies_user', 'custom_studies', ['user_id', 'created_at'])


def downgrade():
    op.drop_index('ix_custom_studies_user', table_name='custom_studies')
    op.drop_table('custom_studies')
    # A plain DROP COLUMN (SQLite 3.35+): a batch rebuild of questions would cascade.
    op.drop_column('questions', 'search_text')
