"""The source view: offsets across characters outside the BMP, and what highlights cover."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.ui.source_view import SourceView

TEXT = "Intro line\nMinister Fan 🇨🇳 met 𠀀 the Bank in 2012.\n国务院𠀀扶贫办。"


def _evidence(text: str, quote: str, record_id: int = 1) -> Evidence:
    start = text.index(quote)
    return Evidence(record_id, record_id, RecordKind.EVENT, "E-0001", 7, start,
                    start + len(quote), quote, "", "")


def _highlighted_text(view: SourceView) -> str:
    """Every character drawn with a highlight format, in document order."""
    covered = []
    block = view.document().begin()
    while block.isValid():
        for text_format in block.layout().formats():
            cursor = QTextCursor(view.document())
            cursor.setPosition(block.position() + text_format.start)
            cursor.setPosition(block.position() + text_format.start + text_format.length,
                               QTextCursor.MoveMode.KeepAnchor)
            covered.append(cursor.selectedText())
        block = block.next()
    return "|".join(covered)


@pytest.mark.parametrize("quote", ["2012.", "。", "𠀀", "Fan 🇨🇳 met"])
def test_highlight_covers_exactly_the_quote_after_astral_characters(
    qtbot: QtBot, quote: str
) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    view.show_document(7, TEXT, [_evidence(TEXT, quote)])
    assert _highlighted_text(view) == quote


def test_selection_after_astral_characters_maps_back_to_string_offsets(qtbot: QtBot) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    view.show_document(7, TEXT, [])
    start = TEXT.index("扶贫办")
    view.select_span(start, start + 3)
    assert view.selected_span() == (start, start + 3)
    assert view.textCursor().selectedText() == "扶贫办"


def test_spans_of_other_documents_are_not_drawn(qtbot: QtBot) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    other = _evidence(TEXT, "Bank")
    view.show_document(8, TEXT, [other])
    assert _highlighted_text(view) == ""
