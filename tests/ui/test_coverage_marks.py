"""The source view marks the span under review and the paragraphs no evidence touches."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.ui.source_view import SourceView

TEXT = "Title 🇨🇳\n\nFirst paragraph here.\nSecond paragraph.\n\nThird one."


def _evidence(quote: str, record_id: int = 1) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(record_id, record_id, RecordKind.PERSON, "P-0001", 7, start,
                    start + len(quote), quote, "", "")


def _view(qtbot: QtBot, evidence: list[Evidence]) -> SourceView:
    view = SourceView()
    qtbot.addWidget(view)
    view.show_document(7, TEXT, evidence)
    view.set_mark_uncovered(True)
    return view


def test_uncovered_paragraphs_are_marked_and_covered_ones_not(qtbot: QtBot) -> None:
    view = _view(qtbot, [_evidence("paragraph here")])
    assert view.is_marked_uncovered(TEXT.index("Title"))
    assert not view.is_marked_uncovered(TEXT.index("First"))
    assert view.is_marked_uncovered(TEXT.index("Second"))


def test_marks_go_as_evidence_is_linked_and_come_back_as_it_is_removed(qtbot: QtBot) -> None:
    view = _view(qtbot, [])
    second = TEXT.index("Second")
    assert view.is_marked_uncovered(second)
    view.set_evidence([_evidence("Second")])
    assert not view.is_marked_uncovered(second)
    view.set_evidence([])
    assert view.is_marked_uncovered(second)


def test_marks_are_off_until_asked_for(qtbot: QtBot) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    view.show_document(7, TEXT, [])
    assert not view.is_marked_uncovered(0)


def test_next_uncovered_paragraph_skips_covered_ones_and_wraps(qtbot: QtBot) -> None:
    view = _view(qtbot, [_evidence("Second")])
    view.select_span(TEXT.index("Title"), TEXT.index("Title") + 1)
    assert view.step_to_uncovered() == (TEXT.index("First"), TEXT.index("here.") + 5)
    assert view.step_to_uncovered() == (TEXT.index("Third"), len(TEXT))
    assert view.step_to_uncovered() == (0, TEXT.index("\n"))
    assert view.step_to_uncovered(backwards=True) == (TEXT.index("Third"), len(TEXT))
    assert view.textCursor().selectedText() == "Third one."


def test_the_span_under_review_is_marked_after_astral_characters(qtbot: QtBot) -> None:
    view = _view(qtbot, [_evidence("First paragraph")])
    start = TEXT.index("paragraph here")
    view.show_focus(start, start + 9)
    assert view.focus_span == (start, start + 9)
    assert not view.textCursor().hasSelection()
    view.clear_focus()
    assert view.focus_span is None
