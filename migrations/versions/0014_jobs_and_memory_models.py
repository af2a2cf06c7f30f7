"""background jobs, and memory models fitted to each student

A job row per long task (bank checks, imports, exports, memory-model fits), which pages
poll; each student's fitted FSRS parameters on their account, and every fit's test.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 20:10:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('progress_done', sa.Integer(), nullable=False),
        sa.Column('progress_total', sa.Integer(), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('payload', sa.Text(), nullable=True),
        sa.Column('message_key', sa.Text(), nullable=True),
        sa.Column('message_params', sa.JSON(), nullable=True),
        sa.Column('link', sa.JSON(), nullable=True),
        sa.Column('result_name', sa.String(length=200), nullable=True),
        sa.Column('result_mimetype', sa.String(length=100), nullable=True),
        sa.Column('result_data', sa.LargeBinary(), nullable=True),
        sa.Column('details', sa.JSON(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')",
                           name=op.f('ck_jobs_state')),
        sa.ForeignKeyConstraint(['owner_id'], ['users.id'],
                                name=op.f('fk_jobs_owner_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_jobs_owner_created', 'jobs', ['owner_id', 'created_at'], unique=False)
    op.create_table(
        'memory_fits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('fitted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('through', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reviews', sa.Integer(), nullable=False),
        sa.Column('held_out_items', sa.Integer(), nullable=False),
        sa.Column('enough', sa.Boolean(), nullable=False),
        sa.Column('kept', sa.Boolean(), nullable=False),
        sa.Column('log_loss_before', sa.Float(), nullable=False),
        sa.Column('log_loss_after', sa.Float(), nullable=False),
        sa.Column('rmse_before', sa.Float(), nullable=False),
        sa.Column('rmse_after', sa.Float(), nullable=False),
        sa.Column('parameters', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_memory_fits_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_memory_fits')),
    )
    op.create_index('ix_memory_fits_user_fitted', 'memory_fits', ['user_id', 'fitted_at'],
                    unique=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fsrs_parameters', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('fsrs_parameters')
    op.drop_index('ix_memory_fits_user_fitted', table_name='memory_fits')
    op.drop_table('memory_fits')
    op.drop_index('ix_jobs_owner_created', table_name='jobs')
    op.drop_table('jobs')

