"""the review log's (user, time) index also carries state, rating and question

The dashboard counts a student's reviews per day and the class page each student's last
30 days; both read only these columns of a student's recent reviews. With them in the
index the database reads the index alone, never the rows (SQLite: a covering index;
PostgreSQL: an index-only scan), and the class page joins each review to its question
(for the banks the teacher may see) straight from the index.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 20:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

COLUMNS = ['user_id', 'reviewed_at', 'state_before', 'rating', 'question_id']


def upgrade():
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_review_logs_user_time')
        batch_op.create_index('ix_review_logs_user_time', COLUMNS, unique=False)


def downgrade():
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_review_logs_user_time')
        batch_op.create_index('ix_review_logs_user_time', ['user_id', 'reviewed_at'],
                              unique=False)
