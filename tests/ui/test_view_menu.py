"""View menu: zoom of the source text remembered across a restart, and the colour key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QKeySequence

from curator.ui.main_window import MainWindow


def test_zoom_is_remembered_across_a_restart(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    normal = window.workbench.source_view.font().pointSizeF()
    window.view_menu.zoom_in_action.trigger()
    window.view_menu.zoom_in_action.trigger()
    assert window.workbench.source_view.font().pointSizeF() > normal
    window.close()
    again = open_window(tmp_path / "test.curator")  # same settings file: a restart
    assert again.workbench is not None
    assert again.workbench.source_view.zoom_steps == 2
    assert again.workbench.source_view.font().pointSizeF() > normal
    again.view_menu.reset_zoom_action.trigger()
    assert again.workbench.source_view.font().pointSizeF() == normal


def test_zoom_has_the_usual_shortcuts(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    menu = open_window(tmp_path / "test.curator").view_menu
    assert QKeySequence("Ctrl+=") in menu.zoom_in_action.shortcuts()
    assert menu.zoom_out_action.shortcut() == QKeySequence("Ctrl+-")
    assert menu.reset_zoom_action.shortcut() == QKeySequence("Ctrl+0")


def test_colour_key_can_be_hidden_and_stays_hidden(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.view_menu.colour_key.isVisible()
    assert set(window.view_menu.colour_key.chips) >= {"event", "person", "organization"}
    window.view_menu.colour_key_action.trigger()
    assert not window.view_menu.colour_key.isVisible()
    window.close()
    again = open_window(tmp_path / "test.curator")
    assert not again.view_menu.colour_key_action.isChecked()
