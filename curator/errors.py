"""Errors meant for the user, with messages the window shows in a dialog and the CLI on stderr."""

from curator.domain.translation import _, pgettext


class CuratorError(Exception):
    """Base of every error a user can act on."""


class ImportRefused(CuratorError):
    """A file cannot be imported (binary, empty, unreadable, unsupported); nothing was stored."""


class InvalidValue(CuratorError):
    """A value a curator entered cannot be taken (an impossible date, a blank selection…)."""


class EditConflict(CuratorError):
    """A record changed since it was read; the edit was not applied."""


class RecordNotFound(CuratorError):
    """A record, document or evidence span no longer exists."""


class ProjectError(CuratorError):
    """A project file cannot be opened or created."""


class ProjectMissing(ProjectError):
    """No project exists where one was named; nothing was created."""


class StorageError(CuratorError):
    """The project's database could not be written or read (disk full, locked, gone)."""


class OperationCancelled(CuratorError):
    """The user stopped a long operation; nothing of it was kept."""


class ExportFailed(CuratorError):
    """An export could not be written; the target path was left as it was."""


class ApprovalRefused(CuratorError):
    """A record cannot be approved by this person (the project asks for a second reviewer)."""


class AlreadyImported(CuratorError):
    """This very workbook was imported into the project before; importing it again would add
    its new rows a second time. Nothing was changed."""


class WorkbookInvalid(CuratorError):
    """An edited workbook cannot be imported (missing sheet or column, bad value, unsafe file);
    the message names sheet, row and column where it can. Nothing was changed."""

    def __init__(self, message: str, *, sheet: str = "", row: int | None = None,
                 column: str = "") -> None:
        # The sheet's and the column's names stay as the workbook has them (English); the
        # words around them are translated: "工作表 Events，第 5 行，F 列（Start date）".
        where = pgettext("between the parts of a place in a workbook", ", ").join(
            part for part in (
                _("sheet {sheet}").format(sheet=sheet) if sheet else "",
                _("row {row}").format(row=row) if row is not None else "",
                _column(column) if column else "") if part)
        super().__init__(_("{where}: {message}").format(
            where=f"{where[0].upper()}{where[1:]}", message=message) if where else message)
        self.sheet, self.row, self.column = sheet, row, column


def _column(column: str) -> str:
    """A column named for a message: "column F (Start date)" for "F (Start date)" (its letters
    and its header as the workbook has them), "column C" for letters alone."""
    letters, opened, header = column.partition(" (")
    if opened and header.endswith(")") and letters.isalpha():
        return _("column {letters} ({header})").format(letters=letters, header=header[:-1])
    return _("column {column}").format(column=column)
