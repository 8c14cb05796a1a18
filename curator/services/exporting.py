"""Exporting a project to a workbook, JSON or CSV files, chosen by the target's name."""

from __future__ import annotations

import bisect
import functools
from datetime import UTC, datetime
from pathlib import Path

from curator.domain.countries import country_name
from curator.domain.documents import Section
from curator.domain.records import RecordKind, parse_key
from curator.domain.relations import RelationKind
from curator.domain.translation import _
from curator.errors import ExportFailed
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
        sections = {info.id: _SectionFinder(document_store.document_sections(session, info.id))
                    for info in documents}
        records = {
            kind: bulk_reading.records_of_kind(session, kind, statuses=choose.statuses)
            if choose.takes(kind) else []
            for kind in RecordKind
        }
        kept = {record.key for listed in records.values() for record in listed}
        titles = {info.id: info.title for info in documents}
        evidence = [
            EvidenceLine(line.record_key, line.record_kind, line.document_id,
                         titles.get(line.document_id, ""),
                         sections[line.document_id].title_at(line.start)
                         if line.document_id in sections else "",
                         line.start, line.end, line.quote, line.field)
            for line in bulk_reading.evidence_lines(session) if line.record_key in kept
        ]
        relations = [_relation_line(line) for line in bulk_reading.relation_lines(session)
                     if line.subject_key in kept]
        aliases = [AliasLine(line.record_key, line.record_kind, line.text)
                   for line in bulk_reading.alias_lines(session) if line.record_key in kept]
        comments = [CommentLine(key, parse_key(key)[0], comment.created_at, comment.created_by,
                                comment.text)
                    for comment, key in all_comments(session) if key in kept]
    return ProjectSnapshot(
        project_name=Path(database.location).stem if database.is_sqlite else database.location,
        exported_at=datetime.now(UTC),
        documents=documents,
        records=records,
        evidence=evidence,
        relations=relations,
        aliases=aliases,
        comments=comments,
        filter_text=choose.describe(),
    )


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
) -> ProjectSnapshot:
    """Write the project to `target`: .xlsx, .json, .zip of CSV files, or a folder of them.

    `choose` picks the records by status and kind (all if None); the README says which.
    `progress` is told (rows written, rows in all) while the file is written; raising
    OperationCancelled from it stops the export and leaves the target as it was.
    """
    suffix = check_export_target(target)
    snapshot = collect_snapshot(database, choose=choose)
    # The writers are imported only when an export is asked for (start-up stays quick).
    if suffix == ".xlsx":
        from curator.exchange.xlsx_writer import write_workbook

        write_workbook(snapshot, target, progress=progress)
    elif suffix == ".json":
        from curator.exchange.json_writer import write_json

        write_json(snapshot, target, progress=progress)
    else:
        from curator.exchange.csv_writer import write_csv_files

        write_csv_files(snapshot, target, progress=progress)
    return snapshot
