"""The demo project opens with a few example records quoting its chapter, made once."""

from __future__ import annotations

from pathlib import Path

from curator.domain.records import RecordKind, ReviewStatus
from curator.services import annotating, browsing, relating
from curator.services.demo import open_demo_project
from curator.services.statistics import project_statistics


def test_the_demo_project_holds_example_records_with_evidence(tmp_path: Path) -> None:
    database = open_demo_project(tmp_path / "demo.curator")
    counts = project_statistics(database).records
    assert {kind: sum(by_status.values()) for kind, by_status in counts.items()} == {
        RecordKind.EVENT: 2, RecordKind.PERSON: 1, RecordKind.ORGANIZATION: 2}
    assert counts[RecordKind.PERSON][ReviewStatus.APPROVED] == 1
    [document] = browsing.documents(database)
    evidence = annotating.document_evidence(database, document.id)
    assert len({span.record_id for span in evidence}) == 5
    [person] = browsing.record_page(database, RecordKind.PERSON)
    assert (person.name_en, person.name_zh) == ("Zheng Wenkai", "郑文凯")
    assert len(relating.record_relations(database, person.id)) == 3
    database.close()


def test_reopening_the_demo_project_adds_no_more_examples(tmp_path: Path) -> None:
    open_demo_project(tmp_path / "demo.curator").close()
    database = open_demo_project(tmp_path / "demo.curator")
    assert project_statistics(database).evidence == 5
    database.close()
