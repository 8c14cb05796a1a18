"""New rows named by a placeholder key (NEW-1) that the relation sheets, Aliases and Comments of
the same workbook use: previewed with the new record's name, applied under its real key,
undone and redone whole; a placeholder that is undefined, defined twice or of the wrong kind is
refused with its place. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.domain.records import RecordKind
from curator.errors import RecordNotFound, WorkbookInvalid
from curator.services.correcting import preview_corrections
from curator.services.correction_steps import (
    apply_corrections,
    redo_corrections,
    undo_corrections,
)
from curator.services.editing import load_record
from curator.services.exporting import collect_snapshot
from curator.services.relating import record_relations
from curator.store import aliases as alias_store
from curator.store.comments import all_comments
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported


@pytest.fixture
def ids(database: ProjectDatabase) -> dict[str, int]:
    return build_project(database)


def _add_li_wei(book: Any) -> None:
    """A new person, NEW-1, taking part in the visit, with an alias and a comment."""
    book["People"].append(["NEW-1", "Li Wei", "李伟", "draft", "Ambassador"])
    book["Participants"].append(["E-0001", "NEW-1", None, None, None, None, "attendee"])
    book["Aliases"].append(["new-1", "Person", "Ambassador Li"])  # as typed: any case
    book["Comments"].append(["NEW-1", "Person", None, None, "Check his title"])


def _participants(database: ProjectDatabase, event_id: int) -> list[tuple[str, str | None]]:
    return sorted((view.other.key if view.other else "", view.relation.role)
                  for view in record_relations(database, event_id) if view.as_subject)


def _person(database: ProjectDatabase, key: str) -> int:
    snapshot = collect_snapshot(database)
    [record] = [record for record in snapshot.records[RecordKind.PERSON] if record.key == key]
    return record.id


def test_the_preview_names_the_new_record_where_its_placeholder_is_used(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    preview = preview_corrections(database,
                                  edit_workbook(exported(database, tmp_path), _add_li_wei))
    [new] = preview.added
    assert (new.placeholder, new.name) == ("NEW-1", "Li Wei")
    assert [change.describe() for change in preview.relations] == [
        "+ Participants: E-0001 → NEW-1 (new: Li Wei) as attendee"]
    assert [change.describe() for change in preview.aliases] == [
        "+ Alias of NEW-1 (new: Li Wei): Ambassador Li"]
    assert [change.describe() for change in preview.comments] == [
        "+ Comment on NEW-1 (new: Li Wei): Check his title"]
    assert "+ new person (row 4, NEW-1): Li Wei [draft]" in preview.lines()


def test_applying_gives_the_new_record_its_key_and_points_the_rows_at_it(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_li_wei)
    apply_corrections(database, preview_corrections(database, path))
    li = _person(database, "P-0003")
    record = load_record(database, li)
    assert (record.name_en, record.name_zh, record.details["position"]) == (
        "Li Wei", "李伟", "Ambassador")
    assert _participants(database, ids["E-0001"]) == [
        ("P-0001", "head of delegation"), ("P-0002", "attendee"), ("P-0003", "attendee")]
    with database.unit_of_work() as session:
        assert [alias.text for alias in alias_store.aliases_of(session, li)] == [
            "Ambassador Li"]
        assert [(comment.text, key) for comment, key in all_comments(session)] == [
            ("Check his title", "P-0003")]


def test_undo_removes_the_new_record_and_its_rows_and_redo_brings_them_back(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_li_wei)
    applied = apply_corrections(database, preview_corrections(database, path))
    li = _person(database, "P-0003")
    undo_corrections(database, applied)
    with pytest.raises(RecordNotFound):
        load_record(database, li)
    assert _participants(database, ids["E-0001"]) == [
        ("P-0001", "head of delegation"), ("P-0002", "attendee")]
    with database.unit_of_work() as session:
        assert all_comments(session) == []
    redo_corrections(database, applied)
    assert load_record(database, li).name_en == "Li Wei"  # the same record, id and key
    assert _participants(database, ids["E-0001"])[-1] == ("P-0003", "attendee")
    with database.unit_of_work() as session:
        assert [alias.text for alias in alias_store.aliases_of(session, li)] == [
            "Ambassador Li"]
        assert len(all_comments(session)) == 1
    undo_corrections(database, applied)  # and once more, after the redo
    assert _participants(database, ids["E-0001"]) == [
        ("P-0001", "head of delegation"), ("P-0002", "attendee")]


def test_a_relation_between_two_new_records(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    def edit(book: Any) -> None:
        book["People"].append(["NEW Li", "Li Wei", None, None])
        book["Organizations"].append(["NEW Embassy", "Embassy of China in Brazil"])
        book["Affiliations"].append(["NEW Li", "NEW Embassy", None, None, None, None,
                                     "Ambassador", "2019-03", None])

    preview = preview_corrections(database, edit_workbook(exported(database, tmp_path), edit))
    assert [change.describe() for change in preview.relations] == [
        "+ Affiliations: NEW LI (new: Li Wei) → NEW EMBASSY (new: Embassy of China in Brazil) "
        "(Ambassador) 2019-03 – …"]
    applied = apply_corrections(database, preview)
    li = _person(database, "P-0003")
    [view] = [view for view in record_relations(database, li) if view.as_subject]
    assert view.other is not None
    assert (view.other.key, view.relation.title) == ("O-0002", "Ambassador")
    undo_corrections(database, applied)
    redo_corrections(database, applied)
    [view] = [view for view in record_relations(database, li) if view.as_subject]
    assert view.other is not None and view.other.key == "O-0002"


def _state(database: ProjectDatabase) -> Any:
    snapshot = collect_snapshot(database)
    return (snapshot.records, snapshot.relations, snapshot.aliases)


REFUSALS = [
    (lambda book: book["Participants"].append(["E-0001", "NEW-7"]),
     r"Sheet Participants, row 4, column B \(Person key\): no new row has the key NEW-7"),
    (lambda book: (book["People"].append(["NEW-1", "Li Wei"]),
                   book["Organizations"].append(["new-1", "Embassy"])),
     r"Sheet Organizations, row 3, column A \(Key\): NEW-1 is the key of the new record on "
     r"row 4 of People already"),
    (lambda book: (book["People"].append(["NEW-1", "Li Wei"]),
                   book["Event organizations"].append(["E-0001", "NEW-1"])),
     r"Sheet Event organizations, row 2, column B \(Organization key\): NEW-1 names a new "
     r"person \(row 4 of People\), but this column takes the keys of organizations"),
    (lambda book: (book["People"].append(["NEW-1", None, None, "draft", "Ambassador"])),
     r"Sheet People, row 4, column B \(Name \(EN\)\): the new record NEW-1 has no name"),
    (lambda book: book["Aliases"].append(["NEW-2", "Person", "Someone"]),
     r"Sheet Aliases, row 3, column A \(Record key\): no new row has the key NEW-2"),
]


@pytest.mark.parametrize(("edit", "message"), REFUSALS)
def test_a_placeholder_that_does_not_fit_is_refused_and_changes_nothing(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path, edit: Any, message: str
) -> None:
    path = edit_workbook(exported(database, tmp_path), edit)
    before = _state(database)
    with pytest.raises(WorkbookInvalid, match=message):
        preview_corrections(database, path)
    assert _state(database) == before
