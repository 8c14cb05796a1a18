"""A small bilingual project snapshot, built in code, for the exchange writers' tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from curator.domain.documents import DocumentInfo
from curator.domain.records import Record, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.exchange.snapshot import AliasLine, EvidenceLine, ProjectSnapshot, RelationLine
from curator.exchange.xlsx_writer import write_workbook

EXPORTED_AT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
CREATED_AT = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
UPDATED_AT = datetime(2024, 2, 3, 4, 5, 6)  # naive, as SQLite hands timestamps back (UTC)
FORMULA_NAME = '=HYPERLINK("http://x")'


def make_record(
    kind: RecordKind,
    number: int,
    name_en: str,
    name_zh: str,
    status: ReviewStatus = ReviewStatus.DRAFT,
    **details: str | int | None,
) -> Record:
    """A record of `kind` with fixed audit fields and the given names and details."""
    return Record(
        id=number,
        kind=kind,
        key=f"{kind.key_prefix}-{number:04d}",
        name_en=name_en,
        name_zh=name_zh,
        status=status,
        version=number + 1,
        created_at=CREATED_AT,
        created_by="alice",
        updated_at=UPDATED_AT,
        updated_by="李明",
        details=dict(details),
    )


def build_snapshot() -> ProjectSnapshot:
    """Two documents, two or three records of each kind, four evidence lines, a relation of
    each kind and three aliases."""
    events = [
        make_record(
            RecordKind.EVENT,
            1,
            "Poverty reduction forum",
            "扶贫论坛",
            ReviewStatus.APPROVED,
            event_type="conference/forum",
            start_date="2019-05-06",
            end_date="2019-05",
            city="Beijing",
            country="CN",
            participant_count=120,
            description=None,
        ),
        make_record(
            RecordKind.EVENT,
            2,
            FORMULA_NAME,
            "+1",
            ReviewStatus.SUGGESTED,
            city="@home",
            country="#N/A",
            description="-5 people\x07 met",
        ),
    ]
    people = [
        make_record(
            RecordKind.PERSON, 1, "Zheng Wenkai", "郑文凯", position="Director", nationality="CN"
        ),
        make_record(RecordKind.PERSON, 2, "Jane Doe", "", ReviewStatus.NEEDS_REVIEW),
    ]
    organizations = [
        make_record(
            RecordKind.ORGANIZATION,
            1,
            "State Council Leading Group Office of Poverty Alleviation and Development",
            "国务院扶贫开发领导小组办公室",
            ReviewStatus.APPROVED,
            acronym="LGOP",
            org_kind="government",
            country="CN",
        ),
        make_record(RecordKind.ORGANIZATION, 2, "World Bank", "世界银行", ReviewStatus.REJECTED),
        make_record(RecordKind.ORGANIZATION, 3, "UNDP", "联合国开发计划署"),
    ]
    documents = [
        DocumentInfo(
            1,
            "扶贫工作报告",
            "report.txt",
            "a" * 64,
            "utf-8",
            "text/plain",
            "zh",
            datetime(2023, 12, 1, 9, 30, tzinfo=UTC),
            "alice",
            5000,
        ),
        DocumentInfo(
            2,
            "Forum minutes",
            "minutes.html",
            "b" * 64,
            "gb18030",
            "text/html",
            "en",
            datetime(2023, 12, 2, 10, 0),
            "bob",
            1200,
        ),
    ]
    evidence = [
        EvidenceLine(
            "E-0001", RecordKind.EVENT, 1, "扶贫工作报告", "一、概况", 10, 19, "扶贫论坛在北京举行"
        ),
        EvidenceLine(
            "P-0001",
            RecordKind.PERSON,
            1,
            "扶贫工作报告",
            "一、概况",
            30,
            35,
            "郑文凯主任",
            "name_zh",
        ),
        EvidenceLine(
            "P-0001", RecordKind.PERSON, 2, "Forum minutes", "", 0, 12, "=Zheng Wenkai", "name_en"
        ),
        EvidenceLine(
            "O-0001",
            RecordKind.ORGANIZATION,
            1,
            "扶贫工作报告",
            "二、机构",
            50,
            64,
            "国务院扶贫开发领导小组办公室",
        ),
    ]
    relations = [
        RelationLine(RelationKind.PARTICIPANT, "E-0001", "P-0001", "Poverty reduction forum",
                     "扶贫论坛", "Zheng Wenkai", "郑文凯", role="head of delegation",
                     title="=Vice Minister of LGOP"),
        RelationLine(RelationKind.EVENT_ORGANIZATION, "E-0001", "O-0001",
                     "Poverty reduction forum", "扶贫论坛", "LGOP", "国务院扶贫开发领导小组办公室",
                     role="organizer"),
        RelationLine(RelationKind.EVENT_COUNTRY, "E-0001", "BR", "Poverty reduction forum",
                     "扶贫论坛", "Brazil", "巴西", role="visited"),
        RelationLine(RelationKind.AFFILIATION, "P-0001", "O-0001", "Zheng Wenkai", "郑文凯",
                     "LGOP", "国务院扶贫开发领导小组办公室", title="Vice Minister",
                     start_date="2010-03-01", end_date="2014"),
        RelationLine(RelationKind.PARENT, "O-0003", "O-0002", "UNDP", "联合国开发计划署",
                     "World Bank", "世界银行"),
    ]
    aliases = [
        AliasLine("P-0001", RecordKind.PERSON, "Mr. Zheng"),
        AliasLine("O-0001", RecordKind.ORGANIZATION, "LGOP"),
        AliasLine("O-0001", RecordKind.ORGANIZATION, "=扶贫办"),
    ]
    return ProjectSnapshot(
        project_name="扶贫 project",
        exported_at=EXPORTED_AT,
        documents=documents,
        records={
            RecordKind.EVENT: events,
            RecordKind.PERSON: people,
            RecordKind.ORGANIZATION: organizations,
        },
        evidence=evidence,
        relations=relations,
        aliases=aliases,
    )


@pytest.fixture
def snapshot() -> ProjectSnapshot:
    """The small bilingual snapshot of `build_snapshot`."""
    return build_snapshot()


@pytest.fixture
def empty_snapshot() -> ProjectSnapshot:
    """A project with no documents, records or evidence."""
    return ProjectSnapshot("empty", EXPORTED_AT, [], {kind: [] for kind in RecordKind}, [])


@pytest.fixture
def xlsx_path(snapshot: ProjectSnapshot, tmp_path: Path) -> Path:
    """The snapshot written to a workbook."""
    target = tmp_path / "export.xlsx"
    write_workbook(snapshot, target)
    return target


@pytest.fixture
def book(xlsx_path: Path) -> Workbook:
    """The written workbook, loaded in normal mode so views, filters and validations show."""
    return load_workbook(xlsx_path)
