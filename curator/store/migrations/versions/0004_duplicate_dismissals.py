"""duplicate dismissals: pairs a curator said are not duplicates

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:56:02.383457
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('duplicate_dismissal',
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('second_id', sa.Integer(), nullable=False),
    sa.Column('dismissed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('dismissed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('first_id', 'second_id')
    )


def downgrade() -> None:
    op.drop_table('duplicate_dismissal')
