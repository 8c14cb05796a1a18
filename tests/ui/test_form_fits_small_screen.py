"""At 1280×720 the record form keeps its names, evidence and history in view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from curator.domain.records import RecordKind
from curator.ui.main_window import MainWindow

LONG_NAME = ("Delegation of the State Council Leading Group Office of Poverty Alleviation "
             "and Development to the United Nations Conference on Sustainable Development")


def _fully_in_view(widget: QWidget, window: QWidget) -> bool:
    """Whether no part of `widget` is clipped (by a scroll area, a splitter or the window)."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    inside_window = window.rect().contains(top_left) and window.rect().contains(
        widget.mapTo(window, widget.rect().bottomRight()))
    return (widget.isVisible() and inside_window
            and widget.visibleRegion().boundingRect() == widget.rect())


def _small_window_with_an_event(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> MainWindow:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    text = window.workbench.source_view.toPlainText()
    start = text.index("From June 12 to 22, 2012")
    window.workbench.source_view.select_span(start, start + 24)
    window.workbench.create_record_from_selection(RecordKind.EVENT)
    window.resize(1280, 720)
    QApplication.processEvents()
    return window


def test_history_evidence_and_names_are_in_view_at_1280_by_720(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = _small_window_with_an_event(open_window, tmp_path)
    assert window.workbench is not None
    form = window.workbench.record_form
    assert (window.width(), window.height()) == (1280, 720)
    for widget in (form.history_list, form.evidence_table, form.name_en.widget,
                   form.name_zh.widget):
        assert _fully_in_view(widget, window), widget
    assert form.history_list.count() >= 1


def test_a_long_name_is_read_whole_in_the_heading_and_a_tooltip(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = _small_window_with_an_event(open_window, tmp_path)
    assert window.workbench is not None
    form = window.workbench.record_form
    form.name_en.widget.setText(LONG_NAME)
    form.name_en.finished.emit("name_en")
    assert LONG_NAME in form.heading.text()
    assert form.heading.wordWrap()
    assert form.name_en.widget.toolTip() == LONG_NAME
