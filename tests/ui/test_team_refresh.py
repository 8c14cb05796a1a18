"""Two curators' windows on one project (SQLite file or PostgreSQL server): each sees the other's
work without reopening, keeps what it is typing, and settles a field both changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from pytestqt.qtbot import QtBot

from curator.domain.records import Record, RecordKind
from curator.services import editing, importing
from curator.store.database import ProjectDatabase
from curator.ui.conflict_dialog import ConflictDialog, FieldConflict, Side
from curator.ui.main_window import MainWindow
from curator.ui.settings import WindowSettings
from curator.ui.workbench import Workbench

OpenTeam = Callable[[], tuple[Workbench, Workbench]]


@pytest.fixture(params=["sqlite", "postgresql"])
def project_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "team.curator")
    return str(request.getfixturevalue("new_postgres_url"))


@pytest.fixture
def two_windows(qtbot: QtBot, tmp_path: Path, project_location: str,
                shown_errors: list[tuple[str, str]]) -> Iterator[tuple[Workbench, Workbench]]:
    """Mine and a colleague's: two windows, two connections, one project."""
    ProjectDatabase.open(project_location).close()
    opened: list[tuple[MainWindow, ProjectDatabase]] = []
    for name in ("mine", "theirs"):
        database = ProjectDatabase.open(project_location)
        settings = WindowSettings(QSettings(str(tmp_path / f"{name}.ini"),
                                            QSettings.Format.IniFormat))
        window = MainWindow(settings=settings)
        window.attach(database)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, database))
    mine, theirs = (window.workbench for window, _database in opened)
    assert mine is not None and theirs is not None
    yield mine, theirs
    for window, database in opened:
        window.detach()  # its workbench goes, with the timers that read the project
        window.close()
        database.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _type_into(qtbot: QtBot, workbench: Workbench, field: str, text: str) -> None:
    """Type as a curator does: the field is changed but not saved yet (no pause, no Tab)."""
    widget = workbench.record_form.field_editor(field).widget
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def _theirs_opened_in_mine(mine: Workbench, theirs: Workbench, kind: RecordKind,
                           name: str) -> Record:
    """A record the colleague creates, which my window then sees and opens."""
    record = theirs.editor.create_named(kind, name)
    assert record is not None
    mine.watch.poll_now()
    mine.open_record(record.id)
    return record


def test_a_colleagues_new_record_and_edit_appear_without_reopening(
    two_windows: tuple[Workbench, Workbench],
) -> None:
    mine, theirs = two_windows
    person = theirs.editor.create_named(RecordKind.PERSON, "Zheng Wenkai")
    assert person is not None
    assert mine.record_panel.models[RecordKind.PERSON].row_of(person.id) is None

    assert mine.watch.poll_now() is not None
    assert mine.record_panel.models[RecordKind.PERSON].row_of(person.id) is not None

    mine.open_record(person.id)
    assert theirs.editor.set_field(person.id, "name_zh", "郑文凯")
    mine.watch.poll_now()
    assert mine.record_form.field_editor("name_zh").value() == "郑文凯"
    own = theirs.watch.poll_now()  # its own changes are not news to it
    assert own is not None and all(theirs.editor.saw(change.record_id, change.version)
                                   for change in own.records)


def test_typing_survives_a_colleagues_change_of_another_field(
    qtbot: QtBot, two_windows: tuple[Workbench, Workbench],
) -> None:
    mine, theirs = two_windows
    person = _theirs_opened_in_mine(mine, theirs, RecordKind.PERSON, "Fan Xiaojian")
    _type_into(qtbot, mine, "name_en", "Fan Xiaojian (LGOP)")

    assert theirs.editor.set_field(person.id, "position", "Director")
    mine.watch.poll_now()

    form = mine.record_form
    assert form.field_editor("position").value() == "Director"
    assert form.field_editor("name_en").value() == "Fan Xiaojian (LGOP)"
    form.save_pending()
    saved = editing.load_record(mine.database, person.id)
    assert (saved.name_en, saved.value("position")) == ("Fan Xiaojian (LGOP)", "Director")


@pytest.mark.parametrize("side", [Side.MINE, Side.THEIRS])
def test_a_field_both_changed_shows_both_values_and_keeps_the_chosen_one(
    qtbot: QtBot, two_windows: tuple[Workbench, Workbench], side: Side,
) -> None:
    mine, theirs = two_windows
    person = _theirs_opened_in_mine(mine, theirs, RecordKind.PERSON, "Jim Kim")
    asked: list[FieldConflict] = []
    mine.record_form.choose_side = lambda _parent, conflict: asked.append(conflict) or side
    _type_into(qtbot, mine, "name_en", "Jim Yong Kim")

    assert theirs.editor.set_field(person.id, "name_en", "Kim Jim-yong")
    mine.watch.poll_now()
    qtbot.waitUntil(lambda: bool(asked))

    [conflict] = asked
    assert (conflict.mine, conflict.theirs, conflict.changed_by) == (
        "Jim Yong Kim", "Kim Jim-yong", "tester")
    expected = "Jim Yong Kim" if side is Side.MINE else "Kim Jim-yong"
    qtbot.waitUntil(lambda: editing.load_record(theirs.database, person.id).name_en == expected)
    assert mine.record_form.field_editor("name_en").value() == expected
    mine.record_form.save_pending()  # nothing left to save over the choice
    assert editing.load_record(theirs.database, person.id).name_en == expected


def test_saving_over_a_change_not_yet_seen_asks_too(
    qtbot: QtBot, two_windows: tuple[Workbench, Workbench],
) -> None:
    """The colleague's change lands between two polls: the save finds it."""
    mine, theirs = two_windows
    person = _theirs_opened_in_mine(mine, theirs, RecordKind.ORGANIZATION, "IPRCC")
    asked: list[FieldConflict] = []
    mine.record_form.choose_side = lambda _parent, conflict: asked.append(conflict) or Side.MINE
    assert theirs.editor.set_field(person.id, "acronym", "IPRCC")
    assert theirs.editor.set_field(person.id, "name_en", "Poverty Center")

    _type_into(qtbot, mine, "name_en", "International Poverty Reduction Center in China")
    mine.record_form.save_pending()
    qtbot.waitUntil(lambda: bool(asked))

    saved = editing.load_record(mine.database, person.id)
    assert saved.name_en == "International Poverty Reduction Center in China"
    assert saved.value("acronym") == "IPRCC"  # their other field is kept
    assert asked[0].theirs == "Poverty Center"
    assert mine.undo_stack.count() == 1  # keeping mine is one undoable step


def test_a_change_to_another_field_is_merged_on_save_without_asking(
    qtbot: QtBot, two_windows: tuple[Workbench, Workbench],
) -> None:
    mine, theirs = two_windows
    event = _theirs_opened_in_mine(mine, theirs, RecordKind.EVENT, "Seminar in Lima")
    mine.record_form.choose_side = lambda *_args: pytest.fail("nothing to ask")
    assert theirs.editor.set_field(event.id, "city", "Lima")

    _type_into(qtbot, mine, "name_en", "Seminar on poverty reduction in Lima")
    mine.record_form.save_pending()

    saved = editing.load_record(mine.database, event.id)
    assert (saved.name_en, saved.value("city")) == ("Seminar on poverty reduction in Lima",
                                                     "Lima")


def test_a_record_deleted_by_a_colleague_leaves_the_form_with_the_typing_in_a_message(
    qtbot: QtBot, two_windows: tuple[Workbench, Workbench],
    shown_errors: list[tuple[str, str]],
) -> None:
    mine, theirs = two_windows
    person = _theirs_opened_in_mine(mine, theirs, RecordKind.PERSON, "Yoka Brandt")
    _type_into(qtbot, mine, "name_en", "Yoka Brandt, UNICEF")

    theirs.editor.delete(person.id)
    mine.watch.poll_now()

    assert mine.record_form.record is None
    assert mine.record_panel.models[RecordKind.PERSON].row_of(person.id) is None
    [(_title, message)] = shown_errors
    assert "Yoka Brandt, UNICEF" in message


def test_documents_a_colleague_imports_and_renames_appear_in_the_outline(
    two_windows: tuple[Workbench, Workbench], tmp_path: Path,
) -> None:
    mine, theirs = two_windows
    source = tmp_path / "visit.txt"
    source.write_text("Visit to Brazil\n\nOn June 12, 2012, a delegation visited Brasília.\n",
                      encoding="utf-8")
    document_id = importing.import_document(theirs.database, source).document_id
    mine.watch.poll_now()
    assert mine.outline.topLevelItemCount() == 1
    assert mine.source_view.document_id == document_id

    importing.rename_document(theirs.database, document_id, "Delegation to Brazil, 2012")
    mine.watch.poll_now()
    assert mine.outline.topLevelItem(0).text(0) == "Delegation to Brazil, 2012"
    assert mine.source_view.document_id == document_id  # still open where it was


def test_the_conflict_dialog_shows_both_values_and_returns_the_choice(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    conflict = FieldConflict(1, "P-0001", "name_en", "English name", "Mine", "Theirs",
                             "alice", datetime(2026, 1, 2, 3, 4, tzinfo=UTC))
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    assert dialog.mine_text.toPlainText() == "Mine"
    assert dialog.theirs_text.toPlainText() == "Theirs"
    assert dialog.choice is Side.THEIRS  # closing it overwrites nothing
    dialog.keep_mine_button.click()
    assert dialog.choice is Side.MINE
