"""Checks a project against the lines of `edit_stream` runs: every acknowledged change is there,
and nothing is there that was never tried."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import text

from curator.store.database import ProjectDatabase


def problems_after(database: ProjectDatabase, lines: Iterable[str]) -> list[str]:
    """What is wrong with the project given what the streams said; empty if nothing."""
    tried: dict[tuple[int, str], list[str]] = defaultdict(list)
    acked: dict[tuple[int, str], int] = {}
    created: dict[int, str] = {}
    imported: dict[str, int] = {}
    for line in lines:
        words = line.split(" ")
        if words[:2] == ["try", "edit"]:
            tried[(int(words[2]), words[3])].append(words[4])
        elif words[:2] == ["ack", "edit"]:
            target = (int(words[2]), words[3])
            acked[target] = len(tried[target]) - 1  # the latest try is the one acknowledged
        elif words[:2] == ["ack", "create"]:
            created[int(words[2])] = words[3]
        elif words[:2] == ["ack", "import"]:
            imported[words[3]] = int(words[2])
    found: list[str] = []
    with database.engine.connect() as connection:
        if database.is_sqlite:
            verdict = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
            if verdict != "ok":
                found.append(f"integrity check: {verdict}")
        keys = dict(connection.execute(text("SELECT id, key FROM record")).all())
        for record_id, key in created.items():
            if keys.get(record_id) != key:
                found.append(f"acknowledged record {record_id} {key} is missing")
        sources = dict(connection.execute(text("SELECT source_name, id FROM document")).all())
        for name, document_id in imported.items():
            if sources.get(name) != document_id:
                found.append(f"acknowledged document {document_id} is missing")
        for (record_id, field), position in acked.items():
            value = connection.execute(text(f"SELECT {field} FROM record WHERE id = :id"),
                                       {"id": record_id}).scalar()
            # The acknowledged value, or one tried after it that committed unacknowledged.
            allowed = tried[(record_id, field)][position:]
            if value not in allowed:
                found.append(f"record {record_id} {field} is {value!r}, acknowledged "
                             f"{allowed[0]!r}")
    return found
