"""Exporting a project to a workbook, JSON or CSV files, chosen by the target's name."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from curator.domain.countries import country_name
from curator.domain.documents import DocumentInfo, Section
from curator.domain.records import RecordKind, parse_key
from curator.domain.relations import RelationKind
from curator.domain.translation import _
from curator.errors import ExportFailed
from curator.exchange import json_writer
from curator.exchange.progress import Progress
from curator.exchange.snapshot import (
    AliasLine,
    CommentLine,
    EvidenceLine,
    ExportFilter,
    ProjectSnapshot,
    RelationLine,
)
from curator.store import bulk_reading
from curator.store import documents as document_store
from curator.store.bulk_reading import RelationRowLine
from curator.store.comments import all_comments
from curator.store.database import ProjectDatabase

EXPORT_FORMATS = {".xlsx": "Excel workbook", ".json": "JSON", ".zip": "CSV files in a .zip"}
CSV_FOLDER = "a folder of CSV files"


def collect_snapshot(
    database: ProjectDatabase, *, choose: ExportFilter | None = None
) -> ProjectSnapshot:
    """Read the project once, in one unit of work: the records `choose` takes (all if None),
    their evidence and aliases, the relations written on them, and every document."""
    choose = choose or ExportFilter()
    with database.unit_of_work() as session:
        documents = document_store.list_documents(session)
        records = {
            kind: bulk_reading.records_of_kind(session, kind, statuses=choose.statuses)
            if choose.takes(kind) else []
            for kind in RecordKind
        }
        kept = {record.key for listed in records.values() for record in listed}
        evidence = [line for line in _evidence_lines(session, documents)
                    if line.record_key in kept]
        relations = [_relation_line(line) for line in bulk_reading.relation_lines(session)
                     if line.subject_key in kept]
        aliases = [AliasLine(line.record_key, line.record_kind, line.text)
                   for line in bulk_reading.alias_lines(session) if line.record_key in kept]
        comments = [CommentLine(key, parse_key(key)[0], comment.created_at, comment.created_by,
                                comment.text)
                    for comment, key in all_comments(session) if key in kept]
    return ProjectSnapshot(
        project_name=_project_name(database),
        exported_at=datetime.now(UTC),
        documents=documents,
        records=records,
        evidence=evidence,
        relations=relations,
        aliases=aliases,
        comments=comments,
        filter_text=choose.describe(),
    )


def _project_name(database: ProjectDatabase) -> str:
    """What an export calls the project: its file's name, or the database's location."""
    return Path(database.location).stem if database.is_sqlite else database.location


def _evidence_lines(session: Session, documents: list[DocumentInfo]) -> Iterator[EvidenceLine]:
    """Every evidence span with its document's title and the title of its section."""
    sections = _section_finders(session, documents)
    titles = {info.id: info.title for info in documents}
    for line in bulk_reading.evidence_lines(session):
        finder = sections.get(line.document_id)
        yield EvidenceLine(line.record_key, line.record_kind, line.document_id,
                           titles.get(line.document_id, ""),
                           finder.title_at(line.start) if finder is not None else "",
                           line.start, line.end, line.quote, line.field)


def _evidence_spans(
    session: Session, documents: list[DocumentInfo]
) -> dict[int, tuple[json_writer.EvidenceSpan, ...]]:
    """Every record's evidence spans as the JSON writer takes them, by record id (tuples all
    the way down: see EvidenceSpan)."""
    sections = _section_finders(session, documents)
    titles = {info.id: info.title for info in documents}
    spans: dict[int, tuple[json_writer.EvidenceSpan, ...]] = {}
    record_id = 0
    found: list[json_writer.EvidenceSpan] = []
    for row in bulk_reading.evidence_rows(session):  # by record: one list at a time
        if row[0] != record_id:
            if found:
                spans[record_id] = tuple(found)
            record_id, found = row[0], []
        _, document_id, start, end, quote, field = row
        finder = sections.get(document_id)
        found.append((document_id, titles.get(document_id, ""),
                      finder.title_at(start) if finder is not None else "", start, end, quote,
                      field))
    if found:
        spans[record_id] = tuple(found)
    return spans


def _section_finders(session: Session, documents: list[DocumentInfo]) -> dict[int, _SectionFinder]:
    """Each document's section finder, by document id."""
    return {info.id: _SectionFinder(document_store.document_sections(session, info.id))
            for info in documents}


class _SectionFinder:
    """Finds the innermost section holding an offset, by bisecting the sections' starts."""

    def __init__(self, sections: list[Section]) -> None:
        self._sections = sections
        self._starts = [section.start for section in sections]

    def title_at(self, offset: int) -> str:
        index = bisect.bisect_right(self._starts, offset) - 1
        while index >= 0:
            section = self._sections[index]
            if section.start <= offset < section.end:
                return section.title
            index -= 1
        return ""


def _relation_line(line: RelationRowLine) -> RelationLine:
    """A relation as an export line: both sides by key and names; a country by code and names."""
    object_names = (line.object_name_en, line.object_name_zh)
    if line.kind is RelationKind.EVENT_COUNTRY:
        object_names = _country_names(line.object_key)
    return RelationLine(
        line.kind, line.subject_key, line.object_key, line.subject_name_en,
        line.subject_name_zh, *object_names, role=line.role, title=line.title,
        start_date=line.start_date, end_date=line.end_date,
    )


@functools.lru_cache(maxsize=512)
def _country_names(code: str) -> tuple[str, str]:
    """A country's English and Chinese names (a few hundred codes: asked once each)."""
    return country_name(code, "en"), country_name(code, "zh")


def check_export_target(target: Path) -> str:
    """The export format (a suffix, or "" for a folder of CSV files); raises ExportFailed for a
    name no writer knows."""
    suffix = target.suffix.lower()
    if suffix in EXPORT_FORMATS:
        return suffix
    if suffix == "" or target.is_dir():
        if target.exists() and not target.is_dir():
            raise ExportFailed(_("Cannot export to {name}: a file of that name is in "
                                 "the way of a folder of CSV files.").format(name=target.name))
        return ""
    known = ", ".join(EXPORT_FORMATS)
    raise ExportFailed(_("Cannot export to {name}: the file name must end in {known} "
                         "(CSV files), or name a folder (CSV files).").format(
                           name=target.name, known=known))


def export_project(
    database: ProjectDatabase, target: Path, *, progress: Progress | None = None,
    choose: ExportFilter | None = None,
) -> dict[RecordKind, int]:
    """Write the project to `target`: .xlsx, .json, .zip of CSV files, or a folder of them;
    returns how many records of each kind were written.

    `choose` picks the records by status and kind (all if None); the README says which.
    `progress` is told (rows written, rows in all) while the file is written; raising
    OperationCancelled from it stops the export and leaves the target as it was.
    """
    suffix = check_export_target(target)
    if suffix == ".json":
        return _export_json(database, target, progress=progress,
                            choose=choose or ExportFilter())
    snapshot = collect_snapshot(database, choose=choose)
    # The workbook and CSV writers are imported only when asked for (start-up stays quick).
    if suffix == ".xlsx":
        from curator.exchange.xlsx_writer import write_workbook

        write_workbook(snapshot, target, progress=progress)
    else:
        from curator.exchange.csv_writer import write_csv_files

        write_csv_files(snapshot, target, progress=progress)
    return {kind: len(records) for kind, records in snapshot.records.items()}


def _export_json(
    database: ProjectDatabase, target: Path, *, progress: Progress | None,
    choose: ExportFilter,
) -> dict[RecordKind, int]:
    """Write the project as JSON straight from the database, record by record.

    No snapshot is gathered first: records are read from the cursor as they are written (in
    one unit of work, so the file is one consistent picture), and only their evidence,
    aliases and comments are held, by record id, meanwhile.
    """
    with database.unit_of_work() as session:
        documents = document_store.list_documents(session)
        counts = bulk_reading.record_counts(session, statuses=choose.statuses)
        kinds = [kind for kind in RecordKind if choose.takes(kind)]
        evidence = _evidence_spans(session, documents)
        aliases: dict[int, list[str]] = {}
        for alias in bulk_reading.alias_lines(session):
            aliases.setdefault(alias.record_id, []).append(alias.text)
        comments: dict[int, list[json_writer.Entry]] = {}
        for comment, _key in all_comments(session):
            comments.setdefault(comment.record_id, []).append(json_writer.comment_entry(
                comment.created_by, json_writer.iso_text(comment.created_at), comment.text))
        kept: set[str] = set()
        written = dict.fromkeys(RecordKind, 0)

        def rows(kind: RecordKind) -> Iterator[tuple[Any, ...]]:
            for row in bulk_reading.record_rows(session, kind, statuses=choose.statuses):
                kept.add(row[1])
                written[kind] += 1
                yield row

        def relations() -> Iterator[json_writer.Entry]:
            for line in bulk_reading.relation_lines(session):
                if line.subject_key in kept:
                    yield json_writer.relation_entry(_relation_line(line))

        json_writer.write_json_content(json_writer.JsonContent(
            project_name=_project_name(database),
            exported_at=datetime.now(UTC),
            documents=documents,
            records={kind: json_writer.record_entries(
                kind, rows(kind), time_text=bulk_reading.stored_time_text, aliases=aliases,
                evidence=evidence, comments=comments) for kind in kinds},
            relations=relations(),
            record_count=sum(counts[kind] for kind in kinds),
        ), target, progress=progress)
    return written
