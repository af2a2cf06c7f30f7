"""English translations: of each question's quote, and of each source document

Both are read on English pages under (or beside) the Arabic, which stays the authority.
The quote's translation is a column, like the quote itself, because every question type
has one; ``details`` holds only what is particular to a type. Existing rows get an empty
translation, filled by the next `flask bank load` (their content hash changes).

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01 18:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quote_en', sa.Text(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body_en', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('body_en')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_column('quote_en')
