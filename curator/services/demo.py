"""The demo project: created on first use from the bundled corpus."""

from __future__ import annotations

from pathlib import Path

from curator.errors import ProjectError
from curator.paths import demo_corpus_dir, demo_project_path
from curator.services import annotating
from curator.services.browsing import documents, open_document
from curator.services.importing import IMPORTABLE_SUFFIXES, import_document
from curator.store.database import ProjectDatabase


def demo_sources(corpus: Path | None = None) -> list[Path]:
    """The demo corpus's importable files, in name order."""
    folder = corpus or demo_corpus_dir()
    return sorted(
        path for path in folder.iterdir()
        if path.suffix.lower() in IMPORTABLE_SUFFIXES and path.name.upper() != "SOURCE.MD"
    )


def open_demo_project(
    location: Path | None = None, *, read_only: bool = False
) -> ProjectDatabase:
    """Open the demo project, importing the demo corpus if the project is new.

    With `read_only` a demo already set up is opened for reading only; one not set up yet
    is set up first (it is Curator's own file, made on first use).
    """
    path = location or demo_project_path()
    if read_only and path.is_file() and path.stat().st_size:
        try:
            database = ProjectDatabase.open(path, read_only=True)
        except ProjectError:  # say, made by an earlier Curator: set up again below
            pass
        else:
            if documents(database):
                return database
            database.close()
    database = ProjectDatabase.open(path)
    if not documents(database):  # new, or an earlier first run stopped before importing
        for source in demo_sources():
            import_document(database, source)
        _add_examples(database)
    return database


def _add_examples(database: ProjectDatabase) -> None:
    """A few example records in the first document, unless it has records already."""
    from curator.services.demo_examples import add_examples

    first = documents(database)[0]
    if not annotating.document_evidence(database, first.id):
        add_examples(database, first.id, open_document(database, first.id).text)
