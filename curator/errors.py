"""Errors meant for the user, with messages the window shows in a dialog and the CLI on stderr."""


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
