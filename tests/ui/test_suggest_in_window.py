"""Suggest in the window: the open document is pre-annotated, suggestions drawn apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.services import editing
from curator.ui.main_window import MainWindow


def _spans(window: MainWindow) -> list:  # type: ignore[type-arg]
    view = window.workbench.source_view
    return view._highlighter.spans_between(0, len(view.toPlainText()))


def test_suggest_fills_the_lists_and_draws_suggestions_apart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_document(sample_document)
    assert window.workbench.suggest_in_document()
    assert window.workbench.record_panel.models[RecordKind.PERSON].rowCount() == 1
    spans = _spans(window)
    assert spans and all(span.suggested for span in spans)


def test_an_accepted_suggestion_is_drawn_as_curated(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_document(sample_document)
    window.workbench.suggest_in_document()
    person = next(span for span in _spans(window) if span.kind is RecordKind.PERSON)
    assert window.workbench.editor.set_status(person.record_id, ReviewStatus.DRAFT)
    assert editing.load_record(window.workbench.database, person.record_id).status is \
        ReviewStatus.DRAFT
    assert not any(span.suggested for span in _spans(window)
                   if span.record_id == person.record_id)
    assert any(span.suggested for span in _spans(window))
