"""A database that cannot be written: a clear StorageError and nothing half-saved."""

import pytest
from sqlalchemy import text

from curator.domain.documents import SourceText
from curator.errors import StorageError
from curator.services.browsing import documents
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document

pytestmark = pytest.mark.sqlite_only  # a full disk under the project file


def test_full_disk_is_reported_and_rolls_back(database: ProjectDatabase) -> None:
    big = SourceText("Big", "x" * 2_000_000, "big.txt", "utf-8", "text/plain")
    with pytest.raises(StorageError, match="disk is full"), database.unit_of_work() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages + 2}"))
        add_document(session, big, user="u")
        session.flush()
    assert documents(database) == []
