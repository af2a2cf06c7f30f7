"""teachers' own documents, glossary entries and drafts; a bank's content languages

A document now belongs to "shipped" (every existing row: they were loaded from
questions/) or to the teacher who added it in the browser (``owner_id``, its slug in the
teacher's namespace, "t12.", as banks); a glossary entry likewise. A bank declares the
languages its content is written in (both for every existing one). A draft is the
drafter's proposal for one document, kept while the teacher reviews it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 19:50:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

OLD_LENGTH, NEW_LENGTH = 80, 100


def _resize(length: int) -> None:
    # SQLite ignores a VARCHAR's length, and a batch rebuild of documents would drop a
    # table other tables point to: only the other databases are altered.
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column('documents', 'slug', type_=sa.String(length=length),
                    existing_nullable=False)
    op.alter_column('glossary_entries', 'slug', type_=sa.String(length=length),
                    existing_nullable=False)


def _owner_column(table: str, ondelete: str) -> sa.Column:
    """The owner column. SQLite can only drop a column no constraint names (downgrade),
    so there it goes without its foreign key: the account-deletion handlers clear the
    rows themselves on every database."""
    if op.get_bind().dialect.name == "sqlite":
        return sa.Column('owner_id', sa.Integer(), nullable=True)
    return sa.Column('owner_id', sa.Integer(), sa.ForeignKey(
        'users.id', name=f'fk_{table}_owner_id_users', ondelete=ondelete), nullable=True)


def upgrade():
    _resize(NEW_LENGTH)
    op.add_column('documents', _owner_column('documents', 'SET NULL'))
    op.add_column('documents', sa.Column('shipped', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.create_index('ix_documents_owner_id', 'documents', ['owner_id'])
    # Every document so far came from questions/.
    op.execute(sa.text("UPDATE documents SET shipped = :yes").bindparams(yes=True))

    op.add_column('banks', sa.Column('languages', sa.JSON(), nullable=False,
                                     server_default=sa.text("'[\"ar\", \"en\"]'")))

    op.add_column('glossary_entries', _owner_column('glossary_entries', 'CASCADE'))
    op.create_index('ix_glossary_entries_owner_id', 'glossary_entries', ['owner_id'])

    op.create_table(
        'drafts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('bank', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_drafts_owner_id_users'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name=op.f('fk_drafts_document_id_documents'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts')),
        sa.UniqueConstraint('document_id', name=op.f('uq_drafts_document_id')),
    )
    op.create_index('ix_drafts_owner_id', 'drafts', ['owner_id'])


def downgrade():
    op.drop_index('ix_drafts_owner_id', table_name='drafts')
    op.drop_table('drafts')
    connection = op.get_bind()
    # The teachers' own rows have no place in the older schema.
    connection.execute(sa.text("DELETE FROM glossary_entries WHERE owner_id IS NOT NULL"))
    op.drop_index('ix_glossary_entries_owner_id', table_name='glossary_entries')
    op.drop_index('ix_documents_owner_id', table_name='documents')
    if connection.dialect.name != "sqlite":
        op.drop_constraint('fk_glossary_entries_owner_id_users', 'glossary_entries',
                           type_='foreignkey')
        op.drop_constraint('fk_documents_owner_id_users', 'documents', type_='foreignkey')
    op.drop_column('glossary_entries', 'owner_id')
    op.drop_column('banks', 'languages')
    op.drop_column('documents', 'shipped')
    op.drop_column('documents', 'owner_id')
    _resize(OLD_LENGTH)
