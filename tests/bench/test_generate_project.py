"""The large-project generator: a project Curator opens, with counts that add up, the same
for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from generate_project import GeneratedProject, GenerationRefused, generate_project, main
from sqlalchemy import func, select, text
from synthetic.records import ProjectSize

from curator.domain.records import RecordKind, ReviewStatus
from curator.ingest.sections import detect_sections
from curator.services.browsing import documents
from curator.services.statistics import project_statistics
from curator.store.database import ProjectDatabase
from curator.store.evidence import evidence_in_document
from curator.store.records import create_record
from curator.store.tables import AliasRow, RelationRow, RevisionRow, SearchKeyRow

SCALE = 0.005
"""One document, 100 organizations, 250 people, 500 events."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GeneratedProject]:
    file = tmp_path_factory.mktemp("large") / "large.curator"
    return file, generate_project(file, seed=7, scale=SCALE, progress=lambda _line: None)


def _count(database: ProjectDatabase, row_class: type) -> int:
    with database.engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(row_class.__table__)).scalar_one()


def test_the_project_opens_with_the_counts_of_its_size(
    generated: tuple[Path, GeneratedProject],
) -> None:
    file, made = generated
    size = ProjectSize.at(SCALE)
    database = ProjectDatabase.open(file, create=False, read_only=True)
    try:
        statistics = project_statistics(database)
        assert statistics.documents == size.documents == made.documents
        assert statistics.evidence == size.evidence == made.evidence
        totals = {kind: sum(by_status.values()) for kind, by_status in statistics.records.items()}
        assert totals == {RecordKind.EVENT: size.events, RecordKind.PERSON: size.people,
                          RecordKind.ORGANIZATION: size.organizations}
        assert all(statistics.records[RecordKind.EVENT][status] for status in ReviewStatus)
        assert _count(database, RelationRow) == sum(size.relations.values()) == made.relations
        assert _count(database, AliasRow) == made.aliases > 0
        assert _count(database, RevisionRow) == made.revisions > 0
        assert _count(database, SearchKeyRow) > 0
    finally:
        database.close()


def test_evidence_quotes_the_text_and_sections_are_the_importers(
    generated: tuple[Path, GeneratedProject],
) -> None:
    database = ProjectDatabase.open(generated[0], create=False, read_only=True)
    try:
        (document,) = documents(database)
        with database.unit_of_work() as session:
            spans = evidence_in_document(session, document.id)
            text_of = session.execute(text("SELECT text FROM document")).scalar_one()
            sections = session.execute(
                text("SELECT title, start, \"end\", level FROM section ORDER BY ordinal")).all()
        assert 20_000 <= len(text_of.encode()) <= 260_000
        for span in spans:
            assert text_of[span.start:span.end] == span.exact
            assert text_of[:span.start].endswith(span.prefix)
            assert text_of[span.end:].startswith(span.suffix)
        assert [tuple(row) for row in sections] == [
            (s.title, s.start, s.end, s.level) for s in detect_sections(text_of)]
        assert any(title == "Visits" for title, *_rest in sections)
    finally:
        database.close()


def test_new_records_take_the_next_keys(generated: tuple[Path, GeneratedProject],
                                        tmp_path: Path) -> None:
    copy = tmp_path / "copy.curator"
    copy.write_bytes(generated[0].read_bytes())
    database = ProjectDatabase.open(copy)
    try:
        with database.unit_of_work() as session:
            person = create_record(session, RecordKind.PERSON, user="tester", name_en="New")
        assert person.key == f"P-{ProjectSize.at(SCALE).people + 1:04d}"
    finally:
        database.close()


def _contents(file: Path) -> list[tuple[object, ...]]:
    """Every row of the tables the generator writes, without the search index."""
    database = ProjectDatabase.open(file, create=False, read_only=True)
    try:
        with database.engine.connect() as connection:
            return [
                tuple(row)
                for table in ("document", "section", "record", "event_detail", "person_detail",
                              "organization_detail", "relation", "alias", "evidence",
                              "revision", "key_sequence")
                for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
    finally:
        database.close()


def test_the_same_seed_makes_the_same_project(generated: tuple[Path, GeneratedProject],
                                               tmp_path: Path) -> None:
    again = tmp_path / "again.curator"
    generate_project(again, seed=7, scale=SCALE, progress=lambda _line: None)
    assert _contents(again) == _contents(generated[0])


def test_an_existing_file_is_refused_and_left_alone(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "mine.curator"
    existing.write_text("precious")
    with pytest.raises(GenerationRefused, match="exists already"):
        generate_project(existing, scale=SCALE, progress=lambda _line: None)
    assert main([str(existing), "--scale", str(SCALE)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert existing.read_text() == "precious"


def test_a_failed_generation_takes_its_new_file_away(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import generate_project as module

    def fail(*_arguments: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(module, "_write", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        generate_project(tmp_path / "half.curator", scale=SCALE, progress=lambda _line: None)
    assert list(tmp_path.iterdir()) == []
