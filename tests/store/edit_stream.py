"""A stream of edits, creations and imports through Curator's services, as a curator's window
would make them, each announced before it is tried and acknowledged once it is committed.

Run as a process (`python -m tests.store.edit_stream PROJECT SEED COUNT FOLDER`) or forked
(`run_stream`); the lines it writes let a checker know which changes must be in the project
(acknowledged) and which may be (tried after the last acknowledgement of the same thing):

    try edit RECORD_ID FIELD VALUE        ack edit RECORD_ID FIELD VALUE
    try create NAME                       ack create RECORD_ID KEY NAME
    try import FILE_NAME                  ack import DOCUMENT_ID FILE_NAME
    conflict RECORD_ID                    (someone else's change came first: nothing applied)
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

from curator.domain.records import RecordKind
from curator.errors import EditConflict
from curator.services import editing, importing, relating
from curator.store.database import ProjectDatabase

FIELDS = ("name_en", "name_zh")


def _document_text(seed: int, number: int) -> str:
    """A short report of a kind sources come in, different for every seed and number."""
    return (f"Exchange report {seed}-{number}\n\n【Visits】\n\nOn May {number % 28 + 1}, 2013, "
            f"a delegation of {seed * 7 + number} officials from Province {seed} visited "
            f"County {number}.\n\n【考察访问】代表团{seed}访问了{number}县。\n")


def run_stream(project: str, seed: int, count: int, folder: Path,
               say: Callable[[str], None]) -> None:
    """Make `count` changes to `project`; `say` gets each try and acknowledgement line."""
    database = ProjectDatabase.open(project)
    rnd = random.Random(seed)
    mine: list[int] = []
    for step in range(count):
        roll = rnd.random()
        if roll < 0.08:
            text = _document_text(seed, step)
            source = folder / f"report-{seed}-{step}.txt"
            source.write_text(text, encoding="utf-8")
            say(f"try import {source.name}")
            outcome = importing.import_document(database, source)
            say(f"ack import {outcome.document_id} {source.name}")
        elif roll < 0.3 or not mine:
            name = f"Delegate {seed}-{step}"
            say(f"try create {name}")
            record = relating.create_named_record(database, RecordKind.PERSON, name)
            mine.append(record.id)
            say(f"ack create {record.id} {record.key} {name}")
        else:
            record_id = rnd.choice(mine)
            field = rnd.choice(FIELDS)
            value = f"v{seed}-{step}" if field == "name_en" else f"值{seed}-{step}"
            version = editing.load_record(database, record_id).version
            say(f"try edit {record_id} {field} {value}")
            try:
                editing.edit_field(database, record_id, field, value, expected_version=version)
            except EditConflict:
                say(f"conflict {record_id}")
                continue
            say(f"ack edit {record_id} {field} {value}")
    database.close()


def main() -> None:
    project, seed, count, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

    def say(line: str) -> None:
        print(line, flush=True)

    run_stream(project, seed, count, Path(folder), say)


if __name__ == "__main__":
    main()
