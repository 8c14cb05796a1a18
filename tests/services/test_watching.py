"""Noticing colleagues' changes: a second connection to the same project (another user's
window) makes changes; the watcher reports each once, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from curator.domain.records import RecordKind
from curator.services import commenting, editing, importing, relating
from curator.services.watching import ChangeWatcher
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


@pytest.fixture(params=["sqlite", "postgresql"])
def two_windows(request: pytest.FixtureRequest,
                tmp_path: Path) -> Iterator[tuple[ProjectDatabase, ProjectDatabase]]:
    """Two connections to one project, as two users' windows have."""
    if request.param == "sqlite":
        location = str(tmp_path / "team.curator")
        ProjectDatabase.open(location).close()
        yield ProjectDatabase.open(location), ProjectDatabase.open(location)
        return
    url = request.getfixturevalue("new_postgres_url")
    ProjectDatabase.open(url).close()
    mine, theirs = ProjectDatabase.open(url), ProjectDatabase.open(url)
    yield mine, theirs
    mine.close()
    theirs.close()


def test_nothing_changed_is_none(two_windows: tuple[ProjectDatabase, ProjectDatabase]) -> None:
    mine, _theirs = two_windows
    watcher = ChangeWatcher(mine)
    assert watcher.poll() is None


def test_a_colleagues_edits_are_reported_once_at_their_newest_version(
    two_windows: tuple[ProjectDatabase, ProjectDatabase], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = two_windows
    person = relating.create_named_record(mine, RecordKind.PERSON, "Zheng Wenkai")
    watcher = ChangeWatcher(mine)
    monkeypatch.setenv("CURATOR_USER", "alice")
    edited = editing.edit_field(theirs, person.id, "name_zh", "郑文凯",
                                expected_version=person.version)
    editing.edit_field(theirs, person.id, "description", "Led the visit.",
                       expected_version=edited.version)
    office = relating.create_named_record(theirs, RecordKind.ORGANIZATION, "LGOP")

    found = watcher.poll()

    assert found is not None
    versions = {change.record_id: (change.kind, change.version, change.changed_by)
                for change in found.records}
    assert versions == {person.id: (RecordKind.PERSON, 3, "alice"),
                        office.id: (RecordKind.ORGANIZATION, 1, "alice")}
    assert found.kinds == {RecordKind.PERSON, RecordKind.ORGANIZATION}
    assert found.people() == ["alice"]
    assert watcher.poll() is None


def test_deletions_comments_and_documents_are_reported(
    two_windows: tuple[ProjectDatabase, ProjectDatabase], tmp_path: Path
) -> None:
    mine, theirs = two_windows
    person = relating.create_named_record(mine, RecordKind.PERSON, "Fan Xiaojian")
    event = relating.create_named_record(mine, RecordKind.EVENT, "Visit to Peru")
    watcher = ChangeWatcher(mine)

    editing.delete_record(theirs, person.id, expected_version=person.version)
    commenting.add_comment(theirs, event.id, "Check the date.")
    found = watcher.poll()
    assert found is not None
    assert found.removed == {person.id}
    assert found.commented == {event.id}
    assert not found.documents_changed

    source = tmp_path / "news.txt"
    source.write_text("Seminar held\n\nOn May 3, 2013, a seminar was held in Lima.\n",
                      encoding="utf-8")
    document_id = importing.import_document(theirs, source).document_id
    found = watcher.poll()
    assert found is not None and found.documents_changed and not found.records
    importing.rename_document(theirs, document_id, "Seminar in Lima")
    found = watcher.poll()
    assert found is not None and found.documents_changed


def test_a_change_committed_after_a_later_one_is_still_seen(new_postgres_url: str) -> None:
    """PostgreSQL hands out revision ids as transactions write: the one that commits last may
    hold the lower id. (An event and a person: their key sequences are separate rows, so the
    quick one does not wait for the slow one's lock.)"""
    ProjectDatabase.open(new_postgres_url).close()
    mine, slow, quick = (ProjectDatabase.open(new_postgres_url) for _ in range(3))
    try:
        watcher = ChangeWatcher(mine)
        with Session(slow.engine) as slow_session:
            early = create_record(slow_session, RecordKind.EVENT, user="slow", name_en="Early")
            late = relating.create_named_record(quick, RecordKind.PERSON, "Late")
            first = watcher.poll()
            slow_session.commit()
        second = watcher.poll()
        assert first is not None and [c.record_id for c in first.records] == [late.id]
        assert second is not None and [c.record_id for c in second.records] == [early.id]
        assert watcher.poll() is None
    finally:
        for database in (mine, slow, quick):
            database.close()
