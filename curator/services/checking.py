"""Checking a project for damage: the quick part the window runs on open, and the rest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session

from curator.errors import StorageError
from curator.store import integrity
from curator.store.database import ProjectDatabase
from curator.store.integrity import Problem

__all__ = ["Problem", "ProjectCheck", "check_project"]
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProjectCheck:
    """What a check of a project found; no problems means it is sound."""

    location: str
    problems: tuple[Problem, ...]
    thorough: bool

    @property
    def sound(self) -> bool:
        """Whether nothing wrong was found."""
        return not self.problems


def check_project(database: ProjectDatabase, *, thorough: bool = True) -> ProjectCheck:
    """Look for damage: references to missing records and duplicate keys always; with
    `thorough` also the database file's integrity (SQLite), keys that do not match their
    record, documents whose text no longer matches its checksum and evidence whose quote no
    longer matches its document, which read every page and every text.

    A check the damage makes fail outright is reported as a problem too.
    """
    checks: list[Callable[[Session], list[Problem]]] = [
        integrity.missing_references, integrity.duplicate_keys]
    if thorough:
        checks = [integrity.storage_problems, *checks, integrity.mismatched_keys,
                  integrity.altered_texts, integrity.stale_quotes]
    problems: list[Problem] = []
    for check in checks:
        try:
            with database.unit_of_work() as session:
                problems += check(session)
        except StorageError as error:  # a damaged file may fail a query outright
            problems.append(Problem("database", str(error)))
    for problem in problems:
        _log.warning("Check of %s: %s: %s", database.location, problem.check, problem.message)
    return ProjectCheck(database.location, tuple(problems), thorough)
