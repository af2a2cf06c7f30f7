"""questions: a question of a bank not drawn from a document has none

Banks imported from Moodle, GIFT, Anki or a spreadsheet are not drawn from a loaded
document; their questions store no document (and an empty quote) instead of an invented
one. Downgrading fails while such a question exists, rather than inventing a document.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 18:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.alter_column('document_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.alter_column('document_id', existing_type=sa.Integer(), nullable=False)
