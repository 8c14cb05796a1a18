"""A large, realistic made-up project to measure with, the same for the same seed.

Run: uv run python bench/generate_project.py OUT.curator [--seed 1] [--scale 1.0]
     uv run python bench/generate_project.py postgresql+psycopg://USER@HOST/DB --scale 0.1

At scale 1.0: 200 yearbook chapters of 20–200 KB, 100,000 events, 50,000 people, 20,000
organizations, 300,000 relations and 200,000 evidence spans quoting the chapters. The schema is
made by Curator's own migrations (ProjectDatabase.open); rows go in with bulk Core inserts and
the search index is rebuilt at the end, as a bulk loader must. An existing project is never
touched.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from synthetic.details import give_aliases, name_events
from synthetic.documents import Chapter, ChapterWriter, Span
from synthetic.loading import (
    advance_id_sequences,
    alias_rows,
    evidence_rows,
    insert_document,
    insert_records,
    insert_rows,
    relation_rows,
    set_key_sequences,
    table,
)
from synthetic.records import (
    Event,
    ProjectPlan,
    ProjectSize,
    plan_events,
    plan_organizations,
    plan_people,
)
from synthetic.relations import plan_relations

from curator.domain.records import RecordKind
from curator.errors import ProjectError
from curator.store.database import ProjectDatabase
from curator.store.search_index import rebuild_search_index
from curator.store.tables import AliasRow, DocumentRow, EvidenceRow, RecordRow, RelationRow

HISTORY_SHARE = 0.1
"""The share of records that get revisions beyond their creation."""

Progress = Callable[[str], None]


@dataclass(frozen=True)
class GeneratedProject:
    """What was written, for the caller to report or check."""

    location: str
    documents: int
    sections: int
    text_characters: int
    records: dict[str, int]
    relations: int
    aliases: int
    evidence: int
    revisions: int
    seconds: float


class GenerationRefused(Exception):
    """The target exists already (or holds a project): nothing was written."""


@contextmanager
def _step(progress: Progress, what: str) -> Iterator[None]:
    started = time.perf_counter()
    progress(f"{what}…")
    yield
    progress(f"  {what}: {time.perf_counter() - started:.1f} s")


def _rng(seed: int, purpose: str) -> random.Random:
    """A generator per purpose, so changing one step leaves the others' data as it was."""
    return random.Random(f"{seed}:{purpose}")


def open_new_project(location: str | Path) -> ProjectDatabase:
    """Create the project at `location`; refuses a file that exists or a database in use."""
    text = str(location)
    if "://" not in text and Path(text).expanduser().exists():
        raise GenerationRefused(f"{text} exists already; choose a new file name.")
    database = ProjectDatabase.open(location)
    if database.is_sqlite and not database.created:
        database.close()
        raise GenerationRefused(f"{text} was created by someone else meanwhile; left alone.")
    with database.engine.connect() as connection:
        held = sum(connection.execute(select(func.count()).select_from(table(row))).scalar_one()
                   for row in (RecordRow, DocumentRow))
    if held:
        database.close()
        raise GenerationRefused(f"{database.location} holds a project already; left alone.")
    return database


def _remove_sqlite_files(file: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        file.with_name(file.name + suffix).unlink(missing_ok=True)


def plan_project(seed: int, size: ProjectSize) -> tuple[ProjectPlan, list[tuple[int, int, int]]]:
    """Every record and relation, and the chapters to write as (year, part, size)."""
    rng = _rng(seed, "documents")
    chapters: list[tuple[int, int, int]] = []
    for index in range(size.documents):
        year = 2000 + index * 24 // size.documents
        part = sum(1 for other, _part, _size in chapters if other == year) + 1
        chapters.append((year, part, rng.randrange(20_000, 200_001)))
    organizations = plan_organizations(_rng(seed, "organizations"), size.organizations)
    people = plan_people(_rng(seed, "people"), size.people, len(organizations) + 1)
    events = plan_events(_rng(seed, "events"), size.events, len(organizations) + len(people) + 1,
                         [year for year, _part, _size in chapters],
                         [float(length) for _year, _part, length in chapters])
    plan = ProjectPlan(organizations, people, events, [])
    plan_relations(_rng(seed, "relations"), size.relations, plan)
    name_events(_rng(seed, "event names"), plan)
    give_aliases(_rng(seed, "aliases"), plan)
    alias_id = 0
    for record in plan.records:
        if record.alias is not None:
            alias_id += 1
            record.alias_id = alias_id
    return plan, chapters


def generate_project(location: str | Path, *, seed: int = 1, scale: float = 1.0,
                     progress: Progress = print) -> GeneratedProject:
    """Build the made-up project at `location` (a new file or an empty database)."""
    started = time.perf_counter()
    size = ProjectSize.at(scale)
    database = open_new_project(location)
    shown = database.location  # a server's URL without its password
    try:
        with _step(progress, "planning records and relations"):
            plan, chapters = plan_project(seed, size)
        with database.engine.begin() as connection:
            if database.is_sqlite:  # this connection only: indexes grow in memory, not on disk
                connection.exec_driver_sql("PRAGMA cache_size = -1000000")
            result = _write(connection, seed, size, plan, chapters, progress)
    except BaseException:
        database.close()
        if database.created:  # this run made the file, so it may take it away again
            _remove_sqlite_files(Path(shown))
        raise
    database.close()
    return GeneratedProject(location=shown, **result,
                            seconds=time.perf_counter() - started)


def _write(connection: Connection, seed: int, size: ProjectSize, plan: ProjectPlan,
           chapters: list[tuple[int, int, int]], progress: Progress) -> dict[str, Any]:
    """Insert everything in one transaction; returns the counts."""
    revisions = 0
    with _step(progress, "records, details and history"):
        for records in (plan.organizations, plan.people, plan.events):
            revisions += insert_records(connection, _rng(seed, f"history {records[0].kind}"),
                                        records, HISTORY_SHARE)
        set_key_sequences(connection, {records[0].kind: len(records) for records in
                                       (plan.organizations, plan.people, plan.events)})
    with _step(progress, f"{len(plan.relations):,} relations and the aliases"):
        insert_rows(connection, RelationRow, relation_rows(_rng(seed, "relation rows"),
                                                           plan.relations))
        aliases = insert_rows(connection, AliasRow, alias_rows(_rng(seed, "alias rows"),
                                                               plan.records))
    with _step(progress, f"{len(chapters)} documents"):
        texts, candidates, sections = _write_documents(connection, seed, plan, chapters,
                                                       progress)
    with _step(progress, f"{size.evidence:,} evidence spans of {len(candidates):,} mentions"):
        chosen = sorted(_rng(seed, "evidence").sample(range(len(candidates)),
                                                      min(size.evidence, len(candidates))))
        evidence = insert_rows(connection, EvidenceRow,
                               evidence_rows((candidates[i] for i in chosen), texts))
    advance_id_sequences(connection)
    with _step(progress, "search index"):
        rebuild_search_index(connection)
    return {
        "documents": len(texts), "sections": sections,
        "text_characters": sum(map(len, texts.values())),
        "records": {"organization": len(plan.organizations), "person": len(plan.people),
                    "event": len(plan.events)},
        "relations": len(plan.relations), "aliases": aliases, "evidence": evidence,
        "revisions": revisions,
    }


def _write_documents(connection: Connection, seed: int, plan: ProjectPlan,
                     chapters: list[tuple[int, int, int]], progress: Progress,
                     ) -> tuple[dict[int, str], list[tuple[int, Span]], int]:
    """Write and insert every chapter; returns texts by id, every mention, section count."""
    by_document: list[list[Event]] = [[] for _ in chapters]
    for event in plan.events:
        by_document[event.document].append(event)
    writer = ChapterWriter(_rng(seed, "text"), plan)
    texts: dict[int, str] = {}
    candidates: list[tuple[int, Span]] = []
    sections = 0
    for index, ((year, part, length), events) in enumerate(zip(chapters, by_document,
                                                               strict=True)):
        chapter: Chapter = writer.chapter(year, part, length, events)
        document_id = index + 1
        sections += insert_document(connection, document_id, chapter, index)
        texts[document_id] = chapter.text
        candidates += [(document_id, span) for span in chapter.spans]
        if document_id % 20 == 0 or document_id == len(chapters):
            progress(f"  {document_id} of {len(chapters)} documents written")
    return texts, candidates, sections


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, generate, and print what was made."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="a new .curator file, or a postgresql:// URL of an "
                        "empty database")
    parser.add_argument("--seed", type=int, default=1, help="the same seed, the same project")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size factor (1.0: 200 documents, 170,000 records)")
    arguments = parser.parse_args(argv)
    try:
        made = generate_project(arguments.target, seed=arguments.seed, scale=arguments.scale,
                                progress=lambda line: print(line, flush=True))
    except (GenerationRefused, ProjectError) as error:
        print(f"generate_project: {error}", file=sys.stderr)
        return 1
    print(f"{made.location}: {made.documents} documents ({made.text_characters:,} characters, "
          f"{made.sections:,} sections), "
          + ", ".join(f"{count:,} {RecordKind(kind).plural_label.lower()}"
                      for kind, count in made.records.items())
          + f", {made.relations:,} relations, {made.aliases:,} aliases, "
          f"{made.evidence:,} evidence spans, {made.revisions:,} revisions "
          f"in {made.seconds:.0f} s")
    if "://" not in made.location:
        print(f"file size: {Path(made.location).stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
