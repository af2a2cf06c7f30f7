"""shared rate-limit counters, class invite codes, one-time passwords; email not unique

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 17:20:00

Rate-limit counters live in the database when no Redis is configured, so that every
worker and server counts the same attempts. Email addresses stop being unique: a
"this address is already used" answer told anyone which addresses have accounts, and
brothers and sisters often give a parent's address.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rate_limit_counters',
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('expires_at', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_counters')),
    )
    op.create_index(op.f('ix_rate_limit_counters_expires_at'), 'rate_limit_counters',
                    ['expires_at'])
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.drop_constraint('uq_users_email', type_='unique')
    with op.batch_alter_table('classes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invite_code', sa.String(length=16), nullable=True))
        batch_op.create_unique_constraint(op.f('uq_classes_invite_code'), ['invite_code'])


def downgrade():
    with op.batch_alter_table('classes', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('uq_classes_invite_code'), type_='unique')
        batch_op.drop_column('invite_code')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_users_email', ['email'])
        batch_op.drop_column('must_change_password')
    op.drop_index(op.f('ix_rate_limit_counters_expires_at'), table_name='rate_limit_counters')
    op.drop_table('rate_limit_counters')
