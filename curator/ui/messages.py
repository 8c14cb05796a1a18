"""Message boxes behind one small service, so tests can answer or record them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

ErrorReporter = Callable[[QWidget | None, str, str], None]


def _show_error_box(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


report_error: ErrorReporter = _show_error_box
"""Show an error the user can act on; tests replace this to capture messages."""


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the user something went wrong and what to do."""
    report_error(parent, title, message)
