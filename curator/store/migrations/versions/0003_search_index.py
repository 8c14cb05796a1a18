"""search index: record search keys and document passages

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:45:14.234765
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite: FTS5 indexes over the two tables' columns (external content, kept by triggers):
# trigrams find any substring of three characters or more, single Han characters a Chinese
# word of one or two. Each name here starts with its table's name (`migrating.include_name`
# keeps autogenerate from dropping them and their shadow tables).
_SQLITE_FULL_TEXT = {
    'search_key': (('search_key_trigrams', 'form', "tokenize='trigram'"),
                   ('search_key_han', 'han', "tokenize='unicode61'")),
    'passage': (('passage_trigrams', 'text', "tokenize='trigram'"),
                ('passage_han', 'han', "tokenize='unicode61'")),
}


def upgrade() -> None:
    op.create_table('passage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('han', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_document_id'), ['document_id'], unique=False)

    op.create_table('search_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('form', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('han', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('search_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_key_record_id'), ['record_id'], unique=False)
        batch_op.create_index('ix_search_key_weight_form', ['weight', 'form'], unique=False, postgresql_ops={'form': 'text_pattern_ops'})

    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for table_name, indexes in _SQLITE_FULL_TEXT.items():
            _create_sqlite_full_text(table_name, indexes)
    elif dialect == 'postgresql':
        # A trusted extension (PostgreSQL 13+): the database's owner may create it.
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        op.execute('CREATE INDEX ix_search_key_form_trigrams ON search_key '
                   'USING gin (form gin_trgm_ops)')
        op.execute('CREATE INDEX ix_passage_text_trigrams ON passage USING gin (text gin_trgm_ops)')

    # Build the index of the project's records and documents. The index is derived data, so
    # this runs today's code: a later migration changing the tables it reads must make sure
    # this still runs, or rebuild the index itself.
    from curator.store.search_index import rebuild_search_index

    rebuild_search_index(op.get_bind())


def _create_sqlite_full_text(table_name: str, indexes: tuple[tuple[str, str, str], ...]) -> None:
    """FTS5 tables over `table_name`'s columns, and triggers keeping them in step."""
    inserts, deletes = [], []
    for name, column_name, tokenizer in indexes:
        op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({column_name}, "
                   f"content='{table_name}', content_rowid='id', {tokenizer})")
        inserts.append(f"INSERT INTO {name}(rowid, {column_name}) "
                       f"VALUES (new.id, new.{column_name});")
        deletes.append(f"INSERT INTO {name}({name}, rowid, {column_name}) "
                       f"VALUES ('delete', old.id, old.{column_name});")
    inserted, deleted = ' '.join(inserts), ' '.join(deletes)
    op.execute(f'CREATE TRIGGER {table_name}_indexed AFTER INSERT ON {table_name} '
               f'BEGIN {inserted} END')
    op.execute(f'CREATE TRIGGER {table_name}_unindexed AFTER DELETE ON {table_name} '
               f'BEGIN {deleted} END')
    op.execute(f'CREATE TRIGGER {table_name}_reindexed AFTER UPDATE ON {table_name} '
               f'BEGIN {deleted} {inserted} END')


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for table_name, indexes in _SQLITE_FULL_TEXT.items():
            for suffix in ('indexed', 'unindexed', 'reindexed'):
                op.execute(f'DROP TRIGGER IF EXISTS {table_name}_{suffix}')
            for name, _column, _tokenizer in indexes:
                op.execute(f'DROP TABLE IF EXISTS {name}')
    elif dialect == 'postgresql':
        op.execute('DROP INDEX IF EXISTS ix_passage_text_trigrams')
        op.execute('DROP INDEX IF EXISTS ix_search_key_form_trigrams')
    with op.batch_alter_table('search_key', schema=None) as batch_op:
        batch_op.drop_index('ix_search_key_weight_form', postgresql_ops={'form': 'text_pattern_ops'})
        batch_op.drop_index(batch_op.f('ix_search_key_record_id'))

    op.drop_table('search_key')
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passage_document_id'))

    op.drop_table('passage')
