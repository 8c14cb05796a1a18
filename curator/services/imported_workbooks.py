"""Which edited workbooks a project has taken in, so the same file is never imported twice.

Importing a workbook twice would create its new rows (those without a key) a second time and
report the first import's own changes as conflicts. Each applied import leaves the file's
SHA-256 in the project's settings (`workbook.imported.<digest>`: who, when, which file), in
the same transaction; undoing the import takes it away again, so a file can be imported anew
after its import was undone. A workbook edited further after an import is another file and
may be imported; its preview lists what it would add.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from curator.store.project_settings import delete_setting, get_setting, set_setting

_PREFIX = "workbook.imported."


@dataclass(frozen=True)
class ImportedWorkbook:
    """An earlier import of the same file."""

    file_name: str
    user: str
    at: datetime


def fingerprint(path: Path) -> str:
    """The SHA-256 of a workbook file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def earlier_import(session: Session, digest: str) -> ImportedWorkbook | None:
    """The import of the file with this digest that the project holds, if any."""
    value = get_setting(session, _PREFIX + digest)
    if value is None:
        return None
    user, moment, file_name = value.split("\t", 2)
    return ImportedWorkbook(file_name, user, datetime.fromisoformat(moment))


def remember_import(session: Session, digest: str, file_name: str, user: str) -> None:
    """Note that the file with this digest was imported now by `user`."""
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    set_setting(session, _PREFIX + digest, f"{user}\t{moment}\t{file_name}")


def forget_import(session: Session, digest: str) -> None:
    """The import was undone: the file may be imported again."""
    delete_setting(session, _PREFIX + digest)
