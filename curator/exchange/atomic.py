"""Writing an export file so the target is either replaced whole or left exactly as it was."""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from curator.errors import ExportFailed

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: "permission was denied (is the file open in another program?)",
    errno.EPERM: "permission was denied",
    errno.EROFS: "the disk is read-only",
    errno.EISDIR: "a folder of that name is in the way",
}


def _reason(target: Path, error: OSError) -> str:
    """Say in plain words why writing `target` failed."""
    if isinstance(error, FileNotFoundError) and not target.parent.is_dir():
        return f"the folder {target.parent} does not exist"
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)


def _create_temp(target: Path) -> Path:
    """Create an empty, hidden temporary file next to `target` and return its path."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.tmp-{secrets.token_hex(4)}")
        try:
            # os.open with 0o666 lets the umask decide the final permissions, as for any new
            # file; tempfile.mkstemp would leave the export readable by its owner only.
            descriptor = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(descriptor)
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _flush_to_disk(path: Path) -> None:
    """Make sure the file's bytes reached the disk before it is renamed over the target."""
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _discard(temp: Path) -> None:
    """Remove a temporary file if it is still there."""
    # Best effort: the error that made us give up matters more than a leftover temp file.
    with suppress(OSError):
        temp.unlink()


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, else vanishes."""
    target = Path(target)
    try:
        temp = _create_temp(target)
    except OSError as error:
        raise ExportFailed(f"Could not write {target}: {_reason(target, error)}.") from error
    try:
        yield temp
        _flush_to_disk(temp)
        os.replace(temp, target)
    except OSError as error:
        _discard(temp)
        raise ExportFailed(f"Could not write {target}: {_reason(target, error)}.") from error
    except BaseException:
        _discard(temp)
        raise
