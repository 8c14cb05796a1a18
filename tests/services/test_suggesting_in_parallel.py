"""Several documents read by several processes and stored here in order: the project ends up
as if they had been read one by one, and cancelling keeps the documents stored before."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.errors import OperationCancelled
from curator.services import importing, suggesting
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from tests.suggest.test_batch import AGREEMENT, SEMINAR, VISIT


def _import_all(database: ProjectDatabase, folder: Path) -> list[int]:
    ids = []
    for number, text in enumerate((VISIT, SEMINAR, AGREEMENT)):
        source = folder / f"news-{number}.txt"
        source.write_text(text, encoding="utf-8")
        ids.append(importing.import_document(database, source).document_id)
    return ids


def _contents(database: ProjectDatabase) -> list[tuple[object, ...]]:
    with database.unit_of_work() as session:
        return [(record.kind, record.key, record.name_en, record.name_zh, record.status,
                 sorted(record.details.items()))
                for kind in RecordKind for record in record_store.all_records(session, kind)]


def test_documents_read_in_parallel_are_stored_as_read_one_by_one(
        database: ProjectDatabase, tmp_path: Path) -> None:
    (tmp_path / "parallel").mkdir()
    ids = _import_all(database, tmp_path / "parallel")
    serial = ProjectDatabase.open(tmp_path / "serial.curator", create=True)
    (tmp_path / "serial").mkdir()
    serial_ids = _import_all(serial, tmp_path / "serial")

    together = suggesting.suggest(database, ids, workers=2)
    alone = suggesting.suggest(serial, serial_ids, workers=1)

    assert together.documents == alone.documents == 3
    assert (together.created, together.evidence, together.relations, together.aliases) == \
        (alone.created, alone.evidence, alone.relations, alone.aliases)
    assert together.created[RecordKind.EVENT] == 3
    assert _contents(database) == _contents(serial)
    serial.close()


def test_cancelling_keeps_the_documents_stored_before(database: ProjectDatabase,
                                                      tmp_path: Path) -> None:
    ids = _import_all(database, tmp_path)

    def cancel_at_the_second(done: int, total: int) -> None:
        if done > 1000:  # inside the second document
            raise OperationCancelled("stopped")

    with pytest.raises(OperationCancelled):
        suggesting.suggest(database, ids, workers=2, progress=cancel_at_the_second)
    with database.unit_of_work() as session:
        events = record_store.all_records(session, RecordKind.EVENT)
    assert [event.details.get("start_date") for event in events] == ["2018-05-14"]
