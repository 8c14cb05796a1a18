"""The dashboard's counts read the indexes made for them (migration 0007), not sorted tables:
checked on SQLite's query plans, since the expressions must match the index's exactly."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from curator.store import aggregates
from curator.store.database import ProjectDatabase

pytestmark = pytest.mark.sqlite_only  # SQLite query plans


def _plan_of(database: ProjectDatabase, count: Any) -> str:
    """SQLite's plan for the statement a count runs, in one string."""
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        with database.unit_of_work() as session:
            count(session)
            [(statement, parameters)] = statements
            rows = session.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    return " / ".join(row[-1] for row in rows)


def test_events_by_month_read_the_month_index_without_sorting(database: ProjectDatabase) -> None:
    plan = _plan_of(database, lambda session: aggregates.events_by_month(session, None))
    assert "ix_event_detail_month_type" in plan and "TEMP B-TREE" not in plan


def test_review_progress_reads_the_kind_and_status_index(database: ProjectDatabase) -> None:
    plan = _plan_of(database, lambda session: aggregates.status_counts(session, {}, None))
    assert "COVERING INDEX ix_record_kind_status" in plan and "TEMP B-TREE" not in plan
