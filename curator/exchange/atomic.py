"""Writing an export file so the target is either replaced whole or left exactly as it was."""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from curator.domain.translation import N_, _
from curator.errors import ExportFailed

_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EACCES: N_("permission was denied (is the file open in another program?)"),
    errno.EPERM: N_("permission was denied"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("a folder of that name is in the way"),
}


def _reason(target: Path, error: OSError) -> str:
    """Say in plain words why writing `target` failed."""
    if isinstance(error, FileNotFoundError) and not target.parent.is_dir():
        return _("the folder {folder} does not exist").format(folder=target.parent)
    if error.errno in _REASONS:
        return _(_REASONS[error.errno])
    return error.strerror or str(error)


TEMP_MARKER = ".curator-tmp-"
"""Part of the name of every export's scratch folder: `.report.xlsx.curator-tmp-<pid>-<hex>`."""
_SCRATCH_NAME = re.compile(r"\..+\.curator-tmp-(\d+)-[0-9a-f]{8}")


def _create_scratch(target: Path) -> Path:
    """Create the hidden scratch folder an export of `target` writes in, beside the target.

    Everything the export writes (the file itself, the workbook's sheet parts) goes in it, so
    a killed export leaves one recognizable folder naming its process, swept by the next
    export to the same folder.
    """
    for _attempt in range(100):
        scratch = target.with_name(f".{target.name}{TEMP_MARKER}{os.getpid()}-"
                                   f"{secrets.token_hex(4)}")
        try:
            scratch.mkdir()
        except FileExistsError:
            continue
        return scratch
    raise FileExistsError(errno.EEXIST, "no free temporary folder name", str(target.parent))


def _create_file(path: Path) -> None:
    # os.open with 0o666 lets the umask decide the final permissions, as for any new
    # file; tempfile.mkstemp would leave the export readable by its owner only.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))


def _process_is_gone(pid: int) -> bool:
    """Whether no process `pid` runs on this machine (a process we may not signal runs)."""
    if pid == os.getpid():
        return False
    if os.name != "posix":  # signal 0 would not probe but stop the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def sweep_abandoned_exports(folder: Path) -> list[Path]:
    """Delete the scratch folders of exports to `folder` whose process is gone; those removed.

    Only names made by `_create_scratch` are touched, and only when the process that made
    them no longer runs (killed, or the machine restarted).
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # a missing or unreadable folder holds nothing of ours to sweep
        return removed
    for entry in entries:
        match = _SCRATCH_NAME.fullmatch(entry.name)
        if match is None or not _process_is_gone(int(match[1])):
            continue
        path = Path(entry.path)
        _discard(path)
        if not path.exists():
            removed.append(path)
    return removed


def _flush_to_disk(path: Path) -> None:
    """Make sure the file's bytes reached the disk before it is renamed over the target."""
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _discard(path: Path) -> None:
    """Remove a scratch folder (or an old-style temporary file) if it is still there."""
    # Best effort: the error that made us give up matters more than a leftover temp file.
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(OSError):
            path.unlink()


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path for `target`; on success it replaces `target`, else vanishes.

    The temporary file lies in a hidden scratch folder beside the target; a writer may keep
    other scratch files next to it (`temp.parent`). Scratch folders that killed exports left
    in the target's folder are swept first.
    """
    target = Path(target)
    sweep_abandoned_exports(target.parent)
    try:
        scratch = _create_scratch(target)
    except OSError as error:
        raise ExportFailed(_("Could not write {target}: {reason}.").format(
                               target=target, reason=_reason(target, error))) from error
    try:
        temp = scratch / target.name
        _create_file(temp)
        yield temp
        _flush_to_disk(temp)
        os.replace(temp, target)
    except OSError as error:
        raise ExportFailed(_("Could not write {target}: {reason}.").format(
                               target=target, reason=_reason(target, error))) from error
    finally:
        _discard(scratch)
