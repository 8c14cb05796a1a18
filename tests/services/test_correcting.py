"""Importing corrections made in an exported workbook: the preview, applying, undoing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.domain.records import RecordKind
from curator.errors import EditConflict
from curator.services.correcting import preview_corrections
from curator.services.correction_steps import (
    apply_corrections,
    redo_corrections,
    undo_corrections,
)
from curator.services.editing import history, load_record
from curator.services.relating import record_relations
from curator.store import aliases as alias_store
from curator.store.database import ProjectDatabase
from curator.store.records import update_field
from tests.services.workbook_edits import build_project, edit_workbook, exported, row_of, set_cell


@pytest.fixture
def ids(database: ProjectDatabase) -> dict[str, int]:
    return build_project(database)


def _roles(database: ProjectDatabase, record_id: int) -> list[tuple[str, str | None]]:
    return sorted((view.other.key if view.other else "", view.relation.role)
                  for view in record_relations(database, record_id) if view.as_subject)


def _rename_in_project(database: ProjectDatabase, record_id: int) -> None:
    """Bob renames a record after the export."""
    version = load_record(database, record_id).version
    with database.unit_of_work() as session:
        update_field(session, record_id, "name_en", "Zheng Wenkai (LGOP)",
                     expected_version=version, user="bob")


def _edit_everything(book: Any) -> None:
    """An edited cell, an added row, a deleted row, a changed relation, a conflicting row."""
    set_cell(book["Events"], "E-0001", "City", "Rio de Janeiro")
    set_cell(book["Events"], "E-0001", "Status", "approved")
    people = book["People"]
    people.append([None, "Maria Silva", "玛丽亚", "draft"])
    people.delete_rows(row_of(people, "P-0002"))
    set_cell(people, "P-0001", "Name (EN)", "Zheng W.")
    participants = book["Participants"]
    set_cell(participants, "E-0001", "Role", "speaker")  # the first row: P-0001's


def test_an_unedited_workbook_changes_nothing(database: ProjectDatabase, ids: dict[str, int],
                                              tmp_path: Path) -> None:
    preview = preview_corrections(database, exported(database, tmp_path))
    assert preview.is_empty, preview.lines()


def test_the_preview_lists_every_kind_of_change(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _edit_everything)
    _rename_in_project(database, ids["P-0001"])  # meanwhile, in the project
    preview = preview_corrections(database, path)
    [change] = preview.changed
    assert (change.key, [(f.name, f.old, f.new) for f in change.fields]) == (
        "E-0001", [("city", "Brasília", "Rio de Janeiro"), ("status", "needs review", "approved")])
    assert [(new.kind, new.name) for new in preview.added] == [(RecordKind.PERSON, "Maria Silva")]
    assert [gone.key for gone in preview.deleted] == ["P-0002"]
    assert sorted(c.describe() for c in preview.relations) == [
        "+ Participants: E-0001 → P-0001 as speaker",
        "− Participants: E-0001 → P-0001 as head of delegation"]
    [conflict] = preview.conflicts
    assert (conflict.key, conflict.changed_by) == ("P-0001", "bob")
    [clash] = conflict.fields
    assert (clash.project_value, clash.workbook_value, clash.changed_by) == (
        "Zheng Wenkai (LGOP)", "Zheng W.", "bob")
    assert [key for key, _ in preview.status_changes] == ["E-0001"]


def test_applying_takes_exactly_what_was_chosen(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _edit_everything)
    _rename_in_project(database, ids["P-0001"])
    applied = apply_corrections(database, preview_corrections(database, path))
    event = load_record(database, ids["E-0001"])
    assert (event.details["city"], event.status.value) == ("Rio de Janeiro", "approved")
    assert load_record(database, ids["P-0001"]).name_en == "Zheng Wenkai (LGOP)"  # project kept
    assert load_record(database, ids["P-0002"]).name_en == "Jane Doe"  # not confirmed
    assert _roles(database, ids["E-0001"]) == [("P-0001", "speaker"), ("P-0002", "attendee")]
    assert applied.change_count == 5
    assert history(database, ids["E-0001"])[-1].new_value == "imported from export.xlsx by tester"


def test_a_conflict_taken_from_the_workbook_and_confirmed_deletions_apply(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _edit_everything)
    _rename_in_project(database, ids["P-0001"])
    apply_corrections(database, preview_corrections(database, path), take_workbook={"P-0001"},
                      delete=True)
    assert load_record(database, ids["P-0001"]).name_en == "Zheng W."
    with pytest.raises(Exception, match="no longer exists"):
        load_record(database, ids["P-0002"])


def test_undo_restores_every_record_and_redo_applies_again(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    before = {key: load_record(database, record_id) for key, record_id in ids.items()}
    relations_before = _roles(database, ids["E-0001"])
    path = edit_workbook(exported(database, tmp_path), _edit_everything)
    applied = apply_corrections(database, preview_corrections(database, path),
                                take_workbook={"P-0001"}, delete=True)
    undo_corrections(database, applied)
    for key, record in before.items():
        now = load_record(database, ids[key])
        assert (now.name_en, now.status, now.details) == (
            record.name_en, record.status, record.details), key
    assert _roles(database, ids["E-0001"]) == relations_before
    with database.unit_of_work() as session:
        assert [a.text for a in alias_store.aliases_of(session, ids["P-0001"])] == ["Mr. Zheng"]
    redo_corrections(database, applied)
    assert load_record(database, ids["E-0001"]).details["city"] == "Rio de Janeiro"
    assert _roles(database, ids["E-0001"]) == [("P-0001", "speaker")]  # P-0002 deleted again


def test_undo_refuses_when_a_record_changed_since_and_undoes_nothing(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path),
                         lambda book: set_cell(book["Events"], "E-0001", "City", "Rio"))
    applied = apply_corrections(database, preview_corrections(database, path))
    event = load_record(database, ids["E-0001"])
    with database.unit_of_work() as session:
        update_field(session, event.id, "city", "Recife", expected_version=event.version,
                     user="bob")
    with pytest.raises(EditConflict):
        undo_corrections(database, applied)
    assert load_record(database, ids["E-0001"]).details["city"] == "Recife"


def test_alias_rows_added_and_removed(database: ProjectDatabase, ids: dict[str, int],
                                      tmp_path: Path) -> None:
    def edit(book: Any) -> None:
        aliases = book["Aliases"]
        aliases.delete_rows(2)
        aliases.append(["P-0001", "Person", "Minister Zheng"])

    path = edit_workbook(exported(database, tmp_path), edit)
    preview = preview_corrections(database, path)
    assert [change.describe() for change in preview.aliases] == [
        "− Alias of P-0001: Mr. Zheng", "+ Alias of P-0001: Minister Zheng"]
    apply_corrections(database, preview)
    with database.unit_of_work() as session:
        assert [a.text for a in alias_store.aliases_of(session, ids["P-0001"])] == [
            "Minister Zheng"]


@pytest.mark.parametrize("text", ["=1+1", "+86 10 1234", "@home", "-5"])
def test_formula_like_text_comes_back_as_text(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path, text: str
) -> None:
    path = edit_workbook(exported(database, tmp_path),
                         lambda book: set_cell(book["Events"], "E-0001", "City", text))
    apply_corrections(database, preview_corrections(database, path))
    assert load_record(database, ids["E-0001"]).details["city"] == text


def test_a_record_made_after_the_export_is_not_taken_for_a_deletion(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    from curator.store.records import create_record

    path = exported(database, tmp_path)
    with database.unit_of_work() as session:
        create_record(session, RecordKind.PERSON, user="bob", name_en="Newcomer")
    assert preview_corrections(database, path).is_empty
