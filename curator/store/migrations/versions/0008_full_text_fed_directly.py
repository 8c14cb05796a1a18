"""full-text rows written with the rows they index, not by insert triggers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 16:30:00

On SQLite, the FTS5 tables over search keys and passages were fed by AFTER INSERT triggers,
one row a trigger: 4-5 times slower than inserting the same rows into them in one statement
(45,886 search keys of 10 generated chapters' suggestions: 1.8 s of a 5.5 s run). The
insert triggers go; `search_index.reindex_records` and `index_documents` write the full-text
rows in bulk right after the rows they index. The delete and update triggers stay.
PostgreSQL has no such tables and nothing changes there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FULL_TEXT = {
    'search_key': (('search_key_trigrams', 'form'), ('search_key_han', 'han')),
    'passage': (('passage_trigrams', 'text'), ('passage_han', 'han')),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table_name in _FULL_TEXT:
            op.execute(f'DROP TRIGGER IF EXISTS {table_name}_indexed')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table_name, indexes in _FULL_TEXT.items():
            inserts = ' '.join(f"INSERT INTO {name}(rowid, {column}) VALUES (new.id, new.{column});"
                               for name, column in indexes)
            op.execute(f'CREATE TRIGGER {table_name}_indexed AFTER INSERT ON {table_name} '
                       f'BEGIN {inserts} END')
