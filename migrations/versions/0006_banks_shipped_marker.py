"""banks.shipped: a shipped bank is marked, not inferred from a NULL owner

A teacher's bank whose teacher deleted their account also has no owner; it must stay
private. Existing banks without an owner are the shipped ones, so they are marked.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 17:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shipped', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    banks = sa.table('banks', sa.column('owner_id', sa.Integer()),
                     sa.column('shipped', sa.Boolean()))
    op.execute(banks.update().where(banks.c.owner_id.is_(None)).values(shipped=True))


def downgrade():
    # Orphaned teachers' banks would read as shipped (public) again: retire them first.
    banks = sa.table('banks', sa.column('shipped', sa.Boolean()),
                     sa.column('owner_id', sa.Integer()),
                     sa.column('retired_at', sa.DateTime(timezone=True)))
    op.execute(banks.update().where(banks.c.shipped.is_(False), banks.c.owner_id.is_(None),
                                    banks.c.retired_at.is_(None))
               .values(retired_at=sa.func.current_timestamp()))
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.drop_column('shipped')
