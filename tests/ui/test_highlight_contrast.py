"""Every mark the source view draws is readable, on a light and on a dark theme: its text
colour is set with its background, at least 4.5:1 apart (WCAG AA)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.ui.palette import MINIMUM_CONTRAST, contrast_ratio, highlight_colours
from curator.ui.source_view import SourceView

TEXT = "Zheng Wenkai visited Brazil with IPRCC.\n\nA paragraph nobody has annotated.\n"


def _palette(dark: bool) -> QPalette:
    palette = QPalette(QColor("#2b2b2b") if dark else QColor("#efefef"))
    base, text = (QColor("#1e1e1e"), QColor("#f0f0f0")) if dark else (QColor("#ffffff"),
                                                                       QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    return palette


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The application under a light or a dark palette, restored afterwards."""
    before = QGuiApplication.palette()
    palette = _palette(request.param)
    QApplication.setPalette(palette)
    yield palette
    QApplication.setPalette(before)


def test_each_highlight_colour_pair_is_readable(theme: QPalette) -> None:
    for name, (background, text) in highlight_colours(theme).items():
        assert contrast_ratio(background, text) >= MINIMUM_CONTRAST, name


def _evidence(kind: RecordKind, record_id: int, start: int, end: int) -> Evidence:
    return Evidence(id=record_id, record_id=record_id, record_key=f"X-{record_id:04d}",
                    record_kind=kind, document_id=1, start=start, end=end,
                    exact=TEXT[start:end], prefix="", suffix="")


def test_every_mark_drawn_in_the_view_is_readable(theme: QPalette, qtbot: QtBot) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    view.suggested_ids = {3}
    view.show_document(1, TEXT, [_evidence(RecordKind.PERSON, 1, 0, 12),
                                 _evidence(RecordKind.EVENT, 2, 13, 27),
                                 _evidence(RecordKind.ORGANIZATION, 3, 33, 38)])
    view.mark_phrase("Brazil")
    view.show_focus(0, 5)
    view.set_mark_uncovered(True)
    default_text = theme.color(QPalette.ColorRole.Text)
    drawn = 0
    block = view.document().begin()
    while block.isValid():
        for layout_format in block.layout().formats():
            text_format = layout_format.format
            if text_format.background().style().value == 0:  # no background: plain text
                continue
            foreground = text_format.foreground()
            text = foreground.color() if foreground.style().value else default_text
            background = text_format.background().color()
            assert contrast_ratio(background, text) >= MINIMUM_CONTRAST, (
                background.name(), text.name())
            drawn += 1
        block = block.next()
    assert drawn >= 5  # three kinds, a find hit, the focus, the uncovered paragraph
