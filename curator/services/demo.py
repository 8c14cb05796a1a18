"""The demo project: created on first use from the bundled corpus."""

from __future__ import annotations

from pathlib import Path

from curator.paths import demo_corpus_dir, demo_project_path
from curator.services.browsing import documents
from curator.services.importing import IMPORTABLE_SUFFIXES, import_document
from curator.store.database import ProjectDatabase


def demo_sources(corpus: Path | None = None) -> list[Path]:
    """The demo corpus's importable files, in name order."""
    folder = corpus or demo_corpus_dir()
    return sorted(
        path for path in folder.iterdir()
        if path.suffix.lower() in IMPORTABLE_SUFFIXES and path.name.upper() != "SOURCE.MD"
    )


def open_demo_project(location: Path | None = None) -> ProjectDatabase:
    """Open the demo project, importing the demo corpus if the project is new."""
    database = ProjectDatabase.open(location or demo_project_path())
    if not documents(database):  # new, or an earlier first run stopped before importing
        for source in demo_sources():
            import_document(database, source)
    return database
