"""relations, roles, aliases; evidence of a relation or an alias

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 09:29:44.464819
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    role = op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relation_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_zh', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('relation_kind', 'name', name='uq_role_kind_name')
    )
    op.create_table('alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_id', 'text', name='uq_alias_record_text'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alias_record_id'), ['record_id'], unique=False)

    op.create_table('relation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('country_code', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('start_date', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('end_date', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('(object_id IS NULL) <> (country_code IS NULL)', name='ck_relation_one_object'),
    sa.ForeignKeyConstraint(['object_id'], ['record.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['record.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_object_id'), ['object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_subject_id'), ['subject_id'], unique=False)

    # SQLite rebuilds the table: keep AUTOINCREMENT so a restored span can take back its id.
    with op.batch_alter_table(
        'evidence', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.add_column(sa.Column('relation_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('alias_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_evidence_alias_id'), ['alias_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_relation_id'), ['relation_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_evidence_alias_id', 'alias', ['alias_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(
            'fk_evidence_relation_id', 'relation', ['relation_id'], ['id'], ondelete='CASCADE')

    # The roles a project starts with; a project adds its own (services.relating.add_role).
    # Written out here, not imported, so this migration does the same whatever the code becomes.
    op.bulk_insert(role, [
        {'relation_kind': kind, 'name': name, 'name_zh': name_zh}
        for kind, names in _ROLES.items() for name, name_zh in names
    ])
    _countries_to_codes()


def _countries_to_codes() -> None:
    """Country fields hold ISO codes from now on: turn each name Curator resolves into its code.

    Text it cannot resolve ("Brazil and Peru") stays as it was, for a curator to fix (the form
    flags it: `domain.country_fields.is_country_code`). Each change is a revision in the record's
    history, old text included, so nothing is lost; versions stay, so no open window conflicts.
    """
    from curator.domain.countries import resolve_country

    connection = op.get_bind()
    record = sa.table('record', sa.column('id', sa.Integer), sa.column('version', sa.Integer))
    revision = sa.table(
        'revision', sa.column('changed_at', sqlmodel.sql.sqltypes.UTCDateTime()),
        *(sa.column(name) for name in (
            'record_id', 'version', 'action', 'field', 'old_value', 'new_value', 'changed_by')))
    now = datetime.now(UTC)
    for table_name, column_name in _COUNTRY_COLUMNS:
        detail = sa.table(table_name, sa.column('record_id', sa.Integer),
                          sa.column(column_name, sa.String))
        column = detail.c[column_name]
        rows = connection.execute(
            sa.select(detail.c.record_id, column, record.c.version)
            .join(record, record.c.id == detail.c.record_id)
            .where(column.is_not(None))
        ).all()
        for record_id, value, version in rows:
            code = resolve_country(value)
            if code is None or code == value:
                continue
            connection.execute(
                detail.update().where(detail.c.record_id == record_id).values({column_name: code}))
            connection.execute(revision.insert().values(
                record_id=record_id, version=version, action='edit', field=column_name,
                old_value=value, new_value=code, changed_at=now,
                changed_by='Curator (schema upgrade 0002)'))


_COUNTRY_COLUMNS = (
    ('event_detail', 'country'), ('person_detail', 'nationality'),
    ('organization_detail', 'country'),
)


_ROLES = {
    'participant': (
        ('head of delegation', '团长'), ('member of delegation', '团员'), ('met with', '会见'),
        ('host', '接待方'), ('speaker', '发言人'), ('attendee', '出席者'),
        ('signatory', '签署人'),
    ),
    'event_organization': (
        ('organizer', '主办方'), ('co-organizer', '协办方'), ('sponsor', '赞助方'),
        ('host', '东道主'), ('participant', '参与方'), ('partner', '合作方'),
        ('funder', '资助方'),
    ),
    'event_country': (
        ('visited', '出访国'), ('host', '东道国'), ('participating', '参与国'),
    ),
}


def downgrade() -> None:
    with op.batch_alter_table(
        'evidence', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint('fk_evidence_relation_id', type_='foreignkey')
        batch_op.drop_constraint('fk_evidence_alias_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_evidence_relation_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_alias_id'))
        batch_op.drop_column('alias_id')
        batch_op.drop_column('relation_id')

    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_subject_id'))
        batch_op.drop_index(batch_op.f('ix_relation_object_id'))
        batch_op.drop_index(batch_op.f('ix_relation_kind'))

    op.drop_table('relation')
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alias_record_id'))

    op.drop_table('alias')
    op.drop_table('role')
