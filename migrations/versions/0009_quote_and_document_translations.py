"""English translations: of each question's quote, and of each source document

Both are read on English pages under (or beside) the Arabic, which stays the authority.
The quote's translation is a column, like the quote itself, because every question type
has one; ``details`` holds only what is particular to a type. Existing rows get an empty
translation; the content hashes of the documents and of the questions of banks without an
owner (the shipped ones) are cleared so that the next `flask bank load` fills them in, even
after a downgrade and upgrade (the YAML's hash alone would not have changed).

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01 18:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quote_en', sa.Text(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body_en', sa.Text(), nullable=True))
    op.execute("UPDATE documents SET content_hash = ''")
    op.execute("UPDATE questions SET content_hash = '' WHERE bank_id IN "
               "(SELECT id FROM banks WHERE owner_id IS NULL)")


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite 3.35+ drops a column in place. Batch mode would copy both tables, and
        # dropping the old copies fails on the foreign keys that point to them once
        # questions and reviews exist.
        op.execute('ALTER TABLE documents DROP COLUMN body_en')
        op.execute('ALTER TABLE questions DROP COLUMN quote_en')
        return
    op.drop_column('documents', 'body_en')
    op.drop_column('questions', 'quote_en')
