"""Importing source files into a project as documents."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from curator.domain.documents import DocumentInfo, SourceText
from curator.domain.text_safety import describe_character, first_control_character
from curator.domain.translation import _
from curator.errors import EditConflict, InvalidValue
from curator.ingest import SUPPORTED_SUFFIXES, read_source
from curator.services.identity import current_user
from curator.store import documents as stored_documents
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document, delete_document, find_document_by_sha256

_log = logging.getLogger(__name__)
IMPORTABLE_SUFFIXES: tuple[str, ...] = tuple(SUPPORTED_SUFFIXES)
"""File name endings `import_document` accepts (".txt", ".html", ".docx", ".pdf", …)."""
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class SkippedFile:
    """A file in a folder being imported that Curator cannot read, and why."""

    path: Path
    reason: str


def files_to_import(paths: Iterable[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The files that `paths` name: each file itself, and the files in each folder (and its
    subfolders, in name order) whose type Curator reads; the folders' other files are
    returned as skipped, with the reason. Hidden files and folders (".git") are passed over.
    """
    files: list[Path] = []
    skipped: list[SkippedFile] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or child.is_dir():
                continue
            if child.name.startswith("~$"):
                skipped.append(SkippedFile(child, "a lock file Word keeps while it is open"))
            elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(SkippedFile(child, "this type of file cannot be imported"))
            else:
                files.append(child)
    return files, skipped


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
                _log.info("Imported %s as document %d (%d characters, %d sections)",
                          path, document_id, len(source.text), len(source.sections))
                return ImportOutcome(path, document_id, source.title, len(source.sections),
                                     False)
    except EditConflict:
        # Another import stored the same text at the same moment: it is there, just not ours.
        with database.unit_of_work() as session:
            existing = find_document_by_sha256(session, source.sha256)
        if existing is None:
            raise
    return ImportOutcome(path, existing, source.title, len(source.sections), True)


def rename_document(database: ProjectDatabase, document_id: int, title: str) -> str:
    """Give a document a new title (spaces tidied); returns the title it is given.

    Raises InvalidValue for a blank or overlong title or one with control characters.
    """
    title = " ".join(title.split())
    if not title:
        raise InvalidValue(_("A document needs a title; the title was left as it was."))
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidValue(_("A title may be at most {MAX_TITLE_CHARS} characters "
                             "long.").format(MAX_TITLE_CHARS=MAX_TITLE_CHARS))
    if (char := first_control_character(title)) is not None:
        raise InvalidValue(_("A title cannot hold {character}.").format(
                               character=describe_character(char)))
    with database.unit_of_work() as session:
        stored_documents.rename_document(session, document_id, title)
    return title


def remove_document(database: ProjectDatabase, document_id: int) -> DocumentInfo:
    """Take a document out of the project, if no evidence quotes it; returns what it was."""
    with database.unit_of_work() as session:
        return delete_document(session, document_id)
