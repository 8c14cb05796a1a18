"""Message boxes behind one small service, so tests can answer or record them."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from curator.errors import CuratorError
from curator.log_file import log_file_path

ErrorReporter = Callable[[QWidget | None, str, str], None]


def _show_error_box(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


report_error: ErrorReporter = _show_error_box
"""Show an error the user can act on; tests replace this to capture messages."""


def _ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


ask_user: Callable[[QWidget | None, str, str], bool] = _ask_yes_no
"""Ask a yes/no question; tests replace this to answer it."""


def _ask_to_proceed(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    proceed = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is proceed


ask_to_proceed: Callable[[QWidget | None, str, str, str], bool] = _ask_to_proceed
"""Ask whether to do what a button names ("Create") or cancel; tests replace this."""


def offer(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    """Whether the user takes up an offer to do `action` (Cancel is the default)."""
    return ask_to_proceed(parent, title, question, action)


def _ask_choice(
    parent: QWidget | None, title: str, question: str, options: Sequence[str]
) -> int | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
    if buttons:
        box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return next((index for index, button in enumerate(buttons) if button is clicked), None)


ask_choice: Callable[[QWidget | None, str, str, Sequence[str]], int | None] = _ask_choice
"""Ask which of several buttons to take, or Cancel; tests replace this to answer it."""


def choose(
    parent: QWidget | None, title: str, question: str, options: Sequence[str]
) -> int | None:
    """The index of the option the user takes (the first is the default), None on Cancel."""
    return ask_choice(parent, title, question, options)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Whether the user agrees to something that cannot be undone."""
    return ask_user(parent, title, question)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the user something went wrong and what to do."""
    report_error(parent, title, message)


def report_unexpected_error(
    error_type: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook for the window: a bug is printed in full and told to the user.

    Without it an exception in a Qt slot is printed on a terminal the curator never sees,
    and the window carries on as if the action had worked.
    """
    if isinstance(error, CuratorError):  # the environment's fault, said in a sentence
        logging.getLogger("curator.ui").warning("%s", error)
        show_error(None, "Curator", str(error))
        return
    traceback.print_exception(error_type, error, trace, file=sys.stderr)
    logging.getLogger("curator.ui").error("Unexpected error", exc_info=(error_type, error, trace))
    if issubclass(error_type, KeyboardInterrupt):
        return
    summary = "".join(traceback.format_exception_only(error_type, error)).strip()
    show_error(
        None,
        "Unexpected error",
        "Curator hit an error it did not expect, so the last action may not have been "
        f"completed. What was saved before is safe.\n\n{summary}\n\n"
        f"Please report this with the log file, which holds the details:\n{log_file_path()}",
    )
