"""a document's summary in its own language

Teachers' documents stored their summary in ``summary_en`` whatever language it was
written in. ``summary_ar`` holds an Arabic document's summary; the summaries of teachers'
Arabic documents move there. Shipped documents keep their English summary.

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-01 21:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0017'
branch_labels = None
depends_on = None

documents = sa.table('documents', sa.column('language', sa.String),
                     sa.column('shipped', sa.Boolean), sa.column('summary_en', sa.Text),
                     sa.column('summary_ar', sa.Text))
_TEACHERS_ARABIC = sa.and_(documents.c.language == 'ar', documents.c.shipped.is_(False))


def upgrade():
    with op.batch_alter_table('documents') as batch_op:
        batch_op.add_column(sa.Column('summary_ar', sa.Text(), nullable=True))
    op.execute(documents.update().where(_TEACHERS_ARABIC)
               .values(summary_ar=documents.c.summary_en, summary_en=''))


def downgrade():
    op.execute(documents.update().where(_TEACHERS_ARABIC, documents.c.summary_ar.is_not(None))
               .values(summary_en=documents.c.summary_ar))
    # A plain DROP COLUMN (SQLite 3.35+, as 0013 does): a batch rebuild would drop the
    # documents table, which questions point at with foreign keys on.
    op.drop_column('documents', 'summary_ar')
