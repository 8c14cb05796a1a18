"""Comments on the current record: the thread (who, when, what) and a line to add one."""

from __future__ import annotations

from typing import ClassVar
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from curator.domain.comments import Comment
from curator.domain.local_formats import format_moment
from curator.errors import CuratorError
from curator.services import commenting
from curator.store.database import ProjectDatabase


class CommentBoard(QObject):
    """The one gateway for a project's comments in the window; says which record's changed."""

    comments_changed = Signal(int)
    """A record's comments changed: its id."""

    comment_failed = Signal(str)
    """A comment could not be saved: a message for the user."""

    _boards: ClassVar[WeakKeyDictionary[ProjectDatabase, CommentBoard]] = WeakKeyDictionary()

    def __init__(self, database: ProjectDatabase) -> None:
        super().__init__()
        self.database = database

    @classmethod
    def of(cls, database: ProjectDatabase) -> CommentBoard:
        """The board of a project (one per open project, shared by every view)."""
        if database not in cls._boards:
            cls._boards[database] = cls(database)
        return cls._boards[database]

    def comments(self, record_id: int) -> list[Comment]:
        """A record's comments, oldest first."""
        return commenting.comments(self.database, record_id)

    def add(self, record_id: int, text: str) -> Comment | None:
        """Comment on a record; None (and `comment_failed`) if refused."""
        try:
            comment = commenting.add_comment(self.database, record_id, text)
        except CuratorError as error:
            self.comment_failed.emit(str(error))
            return None
        self.comments_changed.emit(record_id)
        return comment

    def remove(self, comment_id: int) -> Comment | None:
        """Take a comment away; returns it for `restore`."""
        try:
            comment = commenting.remove_comment(self.database, comment_id)
        except CuratorError as error:
            self.comment_failed.emit(str(error))
            return None
        self.comments_changed.emit(comment.record_id)
        return comment

    def restore(self, comment: Comment) -> bool:
        """Put a removed comment back."""
        try:
            commenting.restore_comment(self.database, comment)
        except CuratorError as error:
            self.comment_failed.emit(str(error))
            return False
        self.comments_changed.emit(comment.record_id)
        return True


class AddCommentCommand(QUndoCommand):
    """Comment on a record; undo takes the comment away, redo puts the same one back."""

    def __init__(self, board: CommentBoard, record_id: int, record_key: str, text: str) -> None:
        super().__init__(f"Comment on {record_key}")
        self._board = board
        self._new = (record_id, text)
        self.comment: Comment | None = None
        self._removed = False

    def redo(self) -> None:
        """Add the comment the first time, restore it after an undo."""
        if not self._removed:
            self.comment = self._board.add(*self._new)
            if self.comment is None:
                self.setObsolete(True)
        elif self.comment is None or not self._board.restore(self.comment):
            self.setObsolete(True)

    def undo(self) -> None:
        """Take the comment away."""
        if self.comment is not None and self._board.remove(self.comment.id) is not None:
            self._removed = True
        else:
            self.setObsolete(True)


class CommentsView(QWidget):
    """The thread of the record shown, newest last, and a line to add to it (Enter)."""

    def __init__(
        self, database: ProjectDatabase, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.board = CommentBoard.of(database)
        self._undo_stack = undo_stack
        self._record: tuple[int, str] | None = None
        self.thread_list = QListWidget()
        self.thread_list.setWordWrap(True)
        self.thread_list.setMaximumHeight(110)
        self.thread_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.entry = QLineEdit(placeholderText=self.tr("Add a comment… (Enter)"))
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thread_list)
        layout.addWidget(self.entry)
        self.board.comments_changed.connect(self._on_board_comments_changed)

    def show_record(self, record_id: int | None, key: str = "") -> None:
        """Show the comments of a record (None: nothing)."""
        self._record = None if record_id is None else (record_id, key)
        self.thread_list.clear()
        self.setEnabled(record_id is not None)
        if record_id is None:
            return
        for comment in self.board.comments(record_id):
            when = format_moment(comment.created_at)
            item = QListWidgetItem(f"{comment.created_by} · {when}\n{comment.text}")
            item.setToolTip(comment.text)
            self.thread_list.addItem(item)
        self.thread_list.scrollToBottom()

    @property
    def texts(self) -> list[str]:
        """The thread as shown, one entry per comment."""
        return [self.thread_list.item(row).text() for row in range(self.thread_list.count())]

    def _on_entry_return_pressed(self) -> None:
        text = self.entry.text()
        if self._record is None or not text.strip():
            return
        record_id, key = self._record
        self._undo_stack.push(AddCommentCommand(self.board, record_id, key, text))
        self.entry.clear()

    def _on_board_comments_changed(self, record_id: int) -> None:
        if self._record is not None and self._record[0] == record_id:
            self.show_record(*self._record)
