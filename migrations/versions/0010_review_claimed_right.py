"""review logs: the student's "I was right" after a wrong verdict, recorded

A student who rates a refused answer above the suggested rating says the grading was
wrong; teachers see these claims beside the refused answers in item analysis. Earlier
reviews are filled in from what they already store (rating above the suggestion after
a wrong verdict), so the list starts complete.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_right', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    logs = sa.table('review_logs', sa.column('claimed_right', sa.Boolean()),
                    sa.column('correct', sa.Boolean()), sa.column('rating', sa.Integer()),
                    sa.column('suggested_rating', sa.Integer()))
    op.execute(logs.update().where(logs.c.correct.is_(False),
                                   logs.c.suggested_rating.is_not(None),
                                   logs.c.rating > logs.c.suggested_rating)
               .values(claimed_right=True))


def downgrade():
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_column('claimed_right')
