"""Importing source files into a project as documents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from curator.domain.documents import DocumentInfo, SourceText
from curator.errors import EditConflict
from curator.ingest import SUPPORTED_SUFFIXES, read_source
from curator.services.identity import current_user
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document, delete_document, find_document_by_sha256

IMPORTABLE_SUFFIXES: tuple[str, ...] = tuple(SUPPORTED_SUFFIXES)
"""File name endings `import_document` accepts (".txt", ".html", …)."""


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one file did."""

    path: Path
    document_id: int
    title: str
    section_count: int
    already_present: bool


def import_document(database: ProjectDatabase, path: Path) -> ImportOutcome:
    """Read, normalize and store a file; a text already in the project is not stored twice.

    Raises ImportRefused (nothing stored) for a file that cannot be imported.
    """
    return store_source(database, path, read_source(path))


def store_source(database: ProjectDatabase, path: Path, source: SourceText) -> ImportOutcome:
    """Store a source read from `path`, unless the project holds its text already."""
    try:
        with database.unit_of_work() as session:
            existing = find_document_by_sha256(session, source.sha256)
            if existing is None:
                document_id = add_document(session, source, user=current_user())
                return ImportOutcome(path, document_id, source.title, len(source.sections),
                                     False)
    except EditConflict:
        # Another import stored the same text at the same moment: it is there, just not ours.
        with database.unit_of_work() as session:
            existing = find_document_by_sha256(session, source.sha256)
        if existing is None:
            raise
    return ImportOutcome(path, existing, source.title, len(source.sections), True)


def remove_document(database: ProjectDatabase, document_id: int) -> DocumentInfo:
    """Take a document out of the project, if no evidence quotes it; returns what it was."""
    with database.unit_of_work() as session:
        return delete_document(session, document_id)
