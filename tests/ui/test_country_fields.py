"""Country fields in the form: typed in either language or as a code, stored as the code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import col, update

from curator.domain.records import Record, RecordKind
from curator.domain.relations import RelationKind
from curator.store.database import ProjectDatabase
from curator.store.tables import PersonDetailRow
from curator.ui.main_window import MainWindow
from curator.ui.records.country_editor import CountryFieldEditor
from curator.ui.workbench import Workbench


def _type_with_input_method(widget: QWidget, text: str) -> None:
    """Commit `text` as a Chinese input method does (QTest can only type ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _create(window: MainWindow, kind: RecordKind, quote: str) -> tuple[Workbench, Record]:
    workbench = window.workbench
    assert workbench is not None
    start = workbench.source_view.toPlainText().index(quote)
    workbench.source_view.select_span(start, start + len(quote))
    record = workbench.create_record_from_selection(kind)
    assert record is not None
    return workbench, record


def test_a_country_typed_in_chinese_is_stored_as_its_code_and_shown_in_both_languages(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, _event = _create(window, RecordKind.EVENT, "From June 12 to 22, 2012")
    country = workbench.record_form.field_editor("country")
    assert isinstance(country, CountryFieldEditor)
    _type_with_input_method(country.widget, "坦桑尼亚")
    country.finished.emit("country")
    form_record = workbench.record_form.record
    assert form_record is not None and form_record.details["country"] == "TZ"
    assert country.widget.text() == "Tanzania · 坦桑尼亚"
    assert not country.flagged
    assert workbench.record_form.history_list.item(0).text().endswith("Country: ∅ → TZ")


def test_a_country_named_in_english_is_completed_and_chosen_by_keyboard(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, _person = _create(window, RecordKind.PERSON, "Zheng Wenkai")
    nationality = workbench.record_form.field_editor("nationality")
    nationality.widget.setFocus()
    qtbot.waitUntil(nationality.widget.hasFocus)
    qtbot.keyClicks(nationality.widget, "tanz")
    qtbot.keyClick(nationality.widget, Qt.Key.Key_Return)
    form_record = workbench.record_form.record
    assert form_record is not None and form_record.details["nationality"] == "TZ"
    assert nationality.widget.text() == "Tanzania · 坦桑尼亚"


def test_a_stored_value_that_is_no_country_is_flagged_until_one_is_picked(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    database: ProjectDatabase,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, person = _create(window, RecordKind.PERSON, "Zheng Wenkai")
    with database.unit_of_work() as session:  # as migration 0002 leaves text it cannot resolve
        session.exec(update(PersonDetailRow)  # type: ignore[call-overload]
                     .where(col(PersonDetailRow.record_id) == person.id)
                     .values(nationality="Brazil and Peru"))
    workbench.record_form.show_record(None)
    workbench.open_record(person.id)
    nationality = workbench.record_form.field_editor("nationality")
    assert isinstance(nationality, CountryFieldEditor)
    assert nationality.flagged and nationality.widget.text() == "Brazil and Peru"
    assert "not a known country — pick one" in nationality.widget.toolTip()
    nationality.widget.setText("BR")
    nationality.finished.emit("nationality")
    assert not nationality.flagged and nationality.widget.text() == "Brazil · 巴西"


def test_an_unknown_country_is_refused_with_what_was_typed(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, _event = _create(window, RecordKind.EVENT, "From June 12 to 22, 2012")
    country = workbench.record_form.field_editor("country")
    country.widget.setText("Atlantis")
    country.finished.emit("country")
    [(_title, message)] = shown_errors
    assert "Atlantis" in message
    form_record = workbench.record_form.record
    assert form_record is not None and form_record.details["country"] is None


def test_an_events_country_is_picked_by_name_and_shown_in_both_languages(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, _event = _create(window, RecordKind.EVENT, "From June 12 to 22, 2012")
    relations = workbench.record_form.relations
    table = relations.table(RelationKind.EVENT_COUNTRY)
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus)
    qtbot.keyClick(table.view, Qt.Key.Key_Insert)
    assert relations.picker is not None
    _type_with_input_method(relations.picker.query_edit, "巴西")
    assert relations.picker.entries[0].country == "BR"
    qtbot.keyClick(relations.picker.query_edit, Qt.Key.Key_Return)
    assert table.model.index(0, 0).data() == "Brazil · 巴西"
