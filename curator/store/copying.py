"""Copying every row of one project database into another, id counters included."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy
from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from curator.store import tables  # noqa: F401  (the metadata must know every table)

_BATCH = 2000
ProgressCallback = Callable[[str, int], None]
"""Told each table's name and how many rows of it were copied."""


def project_tables() -> list[Table]:
    """Every table of a project's schema, parents before the tables that refer to them."""
    return list(SQLModel.metadata.sorted_tables)


def holds_data(connection: Connection) -> bool:
    """Whether a project has documents or records (a new one has only seeded vocabularies)."""
    return any(connection.execute(sqlalchemy.select(sqlalchemy.literal(1)).select_from(
        SQLModel.metadata.tables[name]).limit(1)).first() for name in ("document", "record"))


def copy_rows(source: Connection, target: Connection,
              progress: ProgressCallback | None = None) -> dict[str, int]:
    """Replace every row of the target's tables by the source's, then set the target's id
    counters to the source's (so ids never used again stay unused); rows copied per table."""
    copied: dict[str, int] = {}
    for table in reversed(project_tables()):
        target.execute(table.delete())
    for table in project_tables():
        copied[table.name] = _copy_table(table, source, target)
        if progress is not None:
            progress(table.name, copied[table.name])
    for table in project_tables():
        if (counter := id_counter(source, table)) is not None:
            _set_id_counter(target, table, counter)
    return copied


def _copy_table(table: Table, source: Connection, target: Connection) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    result = source.execution_options(yield_per=_BATCH).execute(
        sqlalchemy.select(table).order_by(*order))
    count = 0
    for rows in result.partitions():
        target.execute(table.insert(), [dict(row._mapping) for row in rows])
        count += len(rows)
    return count


def _serial_column(table: Table) -> sqlalchemy.Column[int] | None:
    """The table's auto-numbered integer id, if it has one."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, sqlalchemy.Integer) and not keys[0].foreign_keys:
        return keys[0]
    return None


def id_counter(connection: Connection, table: Table) -> int | None:
    """The last id a table has handed out (at least its highest id), None without one."""
    column = _serial_column(table)
    if column is None:
        return None
    highest = connection.execute(sqlalchemy.select(sqlalchemy.func.max(column))).scalar() or 0
    issued = 0
    if connection.dialect.name == "sqlite":
        if connection.execute(sqlalchemy.text(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
            issued = connection.execute(sqlalchemy.text(
                "SELECT seq FROM sqlite_sequence WHERE name = :name"),
                {"name": table.name}).scalar() or 0
    elif connection.dialect.name == "postgresql":
        sequence = connection.execute(sqlalchemy.text(
            "SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column.name}).scalar()
        if sequence:
            last, called = connection.execute(sqlalchemy.text(
                f"SELECT last_value, is_called FROM {sequence}")).one()
            issued = last if called else 0
    return max(highest, issued)


def _set_id_counter(connection: Connection, table: Table, counter: int) -> None:
    column = _serial_column(table)
    assert column is not None
    if connection.dialect.name == "postgresql":
        sequence = connection.execute(sqlalchemy.text(
            "SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column.name}).scalar()
        if sequence:
            connection.execute(sqlalchemy.text("SELECT setval(:sequence, :value, :called)"),
                               {"sequence": sequence, "value": max(counter, 1),
                                "called": counter > 0})
    elif connection.dialect.name == "sqlite" and table.kwargs.get("sqlite_autoincrement"):
        connection.execute(sqlalchemy.text("DELETE FROM sqlite_sequence WHERE name = :name"),
                           {"name": table.name})
        if counter:
            connection.execute(sqlalchemy.text(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)"),
                {"name": table.name, "seq": counter})
