"""search keys for the countries a record is in or involves

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:40:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WITH_COUNTRIES = """
    SELECT record_id FROM event_detail WHERE country IS NOT NULL
    UNION SELECT record_id FROM person_detail WHERE nationality IS NOT NULL
    UNION SELECT record_id FROM organization_detail WHERE country IS NOT NULL
    UNION SELECT subject_id FROM relation WHERE country_code IS NOT NULL
"""


def upgrade() -> None:
    # Uses today's indexing code, as 0003 does: a later migration that changes the tables it
    # reads must rebuild the index itself.
    from curator.store.search_index import reindex_records

    connection = op.get_bind()
    reindex_records(connection, connection.execute(text(_WITH_COUNTRIES)).scalars().all())


def downgrade() -> None:
    op.get_bind().execute(text("DELETE FROM search_key WHERE field = 'country'"))
