"""Opening a project by what the user named: a file, a database URL, or nothing (the demo)."""

from __future__ import annotations

from pathlib import Path

from curator.services.demo import open_demo_project
from curator.store.database import ProjectDatabase


def open_project(location: str | Path | None, *, create: bool) -> ProjectDatabase:
    """The project at `location` (the demo project for None); a missing file is created
    only with `create`, otherwise refused with ProjectError."""
    if location is None:
        return open_demo_project()
    return ProjectDatabase.open(location, create=create)
