"""Shared fixtures: isolated user folders, small projects built from code, sample sources."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests compare English messages whatever the machine's locale (and the CLI's subprocesses
# inherit it): LANGUAGE comes first when Curator reads the system language.
os.environ["LANGUAGE"] = "en"

from curator.store.database import ProjectDatabase  # noqa: E402

SAMPLE_TEXT = """Annual Report

Overview

In 2012 the office sent 33 delegations abroad.

【Visits】From June 12 to 22, 2012, Vice Minister of LGOP Zheng Wenkai led a delegation to Brazil.

Trainings】 The International Poverty Reduction Center in China (IPRCC) held a seminar.

【考察访问】国务院扶贫开发领导小组办公室副主任郑文凯率团访问巴西。
"""


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's data folder and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log
    monkeypatch.setenv("CURATOR_USER", "tester")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that switched the language leaves the others in English."""
    yield
    from curator.domain.translation import current_language

    if current_language() != "en":
        from curator.languages import set_language

        set_language("en")


@pytest.fixture
def in_chinese() -> Iterator[None]:
    """Messages in Simplified Chinese for one test (tests/ui's own also installs Qt's
    translators)."""
    from curator.languages import set_language

    set_language("zh_CN")
    yield
    set_language("en")


@pytest.fixture
def new_postgres_url() -> Iterator[str]:
    """URL of a fresh, empty database on the team-mode test server, dropped afterwards."""
    from tests.postgres_server import scratch_database

    with scratch_database() as url:
        yield url


@pytest.fixture
def database(tmp_path: Path) -> Iterator[ProjectDatabase]:
    """A new, empty SQLite project (the data-layer tests run on PostgreSQL too: see
    tests/backends.py)."""
    project = ProjectDatabase.open(tmp_path / "test.curator")
    yield project
    project.close()


@pytest.fixture(scope="session")
def empty_project_template() -> Iterator[str]:
    """The name of a database on the test server holding an empty project at the newest
    schema, copied by each PostgreSQL test (a copy takes a tenth of the time of migrating)."""
    from sqlalchemy.engine import make_url

    from tests.postgres_server import scratch_database

    with scratch_database() as url:
        ProjectDatabase.open(url).close()  # no connection may stay open on a template
        yield str(make_url(url).database)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL run of tests marked `sqlite_only`."""
    kept, left_out = [], []
    for item in items:
        on_server = "[postgresql" in item.nodeid or "-postgresql" in item.nodeid
        if on_server and item.get_closest_marker("sqlite_only") is not None:
            left_out.append(item)
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture
def sample_source(tmp_path: Path) -> Path:
    """A small source file with bracket headings, a missing bracket and Chinese text."""
    path = tmp_path / "sample-report.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def sample_document(database: ProjectDatabase, sample_source: Path) -> int:
    """The sample source imported into the project; its document id."""
    from curator.services.importing import import_document

    return import_document(database, sample_source).document_id
