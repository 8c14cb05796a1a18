"""Exporting a project to a workbook or JSON file, chosen by the target's extension."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from curator.domain.countries import country_name
from curator.domain.documents import section_title_at
from curator.domain.records import RecordKind
from curator.domain.relations import RecordSide, Relation
from curator.errors import ExportFailed
from curator.exchange.progress import Progress
from curator.exchange.snapshot import AliasLine, EvidenceLine, ProjectSnapshot, RelationLine
from curator.store import aliases as alias_store
from curator.store import documents as document_store
from curator.store import evidence as evidence_store
from curator.store import records as record_store
from curator.store import relations as relation_store
from curator.store.database import ProjectDatabase

EXPORT_FORMATS = {".xlsx": "Excel workbook", ".json": "JSON"}


def collect_snapshot(database: ProjectDatabase) -> ProjectSnapshot:
    """Read the whole project once, in one unit of work."""
    with database.unit_of_work() as session:
        documents = document_store.list_documents(session)
        titles = {info.id: info.title for info in documents}
        sections = {
            info.id: document_store.document_sections(session, info.id) for info in documents
        }
        records = {kind: record_store.all_records(session, kind) for kind in RecordKind}
        evidence = [
            EvidenceLine(
                record_key=span.record_key,
                record_kind=span.record_kind,
                document_id=span.document_id,
                document_title=titles.get(span.document_id, ""),
                section_title=section_title_at(sections.get(span.document_id, []), span.start),
                start=span.start,
                end=span.end,
                quote=span.exact,
                field=span.field,
            )
            for span in evidence_store.all_evidence(session)
        ]
        relations = [_relation_line(*row) for row in relation_store.all_relations(session)]
        aliases = [
            AliasLine(record.key, record.kind, alias.text)
            for alias, record in alias_store.all_aliases(session)
        ]
    return ProjectSnapshot(
        project_name=Path(database.location).stem if database.is_sqlite else database.location,
        exported_at=datetime.now(UTC),
        documents=documents,
        records=records,
        evidence=evidence,
        relations=relations,
        aliases=aliases,
    )


def _relation_line(
    relation: Relation, subject: RecordSide, other: RecordSide | None
) -> RelationLine:
    """A relation as an export line: both sides by key and names; a country by code and names."""
    if other is None:
        code = relation.country_code or ""
        object_key, names = code, (country_name(code, "en"), country_name(code, "zh"))
    else:
        object_key, names = other.key, (other.name_en, other.name_zh)
    return RelationLine(
        relation.kind, subject.key, object_key, subject.name_en, subject.name_zh, *names,
        role=relation.role, title=relation.title, start_date=relation.start_date,
        end_date=relation.end_date,
    )


def check_export_target(target: Path) -> str:
    """The export format's suffix; raises ExportFailed for a name no writer knows."""
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        known = " or ".join(EXPORT_FORMATS)
        raise ExportFailed(f"Cannot export to {target.name}: the file name must end in {known}.")
    return suffix


def export_project(
    database: ProjectDatabase, target: Path, *, progress: Progress | None = None
) -> ProjectSnapshot:
    """Write the project to `target` (.xlsx or .json); the target is replaced only on success.

    `progress` is told (rows written, rows in all) while the file is written; raising
    OperationCancelled from it stops the export and leaves the target as it was.
    """
    suffix = check_export_target(target)
    snapshot = collect_snapshot(database)
    # The writers import openpyxl/json only when an export is asked for (start-up stays quick).
    if suffix == ".xlsx":
        from curator.exchange.xlsx_writer import write_workbook

        write_workbook(snapshot, target, progress=progress)
    else:
        from curator.exchange.json_writer import write_json

        write_json(snapshot, target, progress=progress)
    return snapshot
