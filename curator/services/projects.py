"""Opening a project by what the user named: a file, a database URL, or nothing (the demo)."""

from __future__ import annotations

from pathlib import Path

from curator.services.demo import open_demo_project
from curator.store.database import ProjectDatabase


def open_project(
    location: str | Path | None, *, create: bool, read_only: bool = False
) -> ProjectDatabase:
    """The project at `location` (the demo project for None).

    A missing file is created only with `create`, otherwise refused with ProjectMissing;
    with `read_only` the project is neither created, upgraded nor written.
    """
    if location is None:
        return open_demo_project(read_only=read_only)
    return ProjectDatabase.open(location, create=create and not read_only, read_only=read_only)
