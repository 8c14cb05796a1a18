"""Merging two records: everything moves to the kept one, and undo puts every row back."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text
from sqlmodel import Session

from curator.domain.documents import SourceText
from curator.domain.records import RecordKind
from curator.domain.relations import Relation, RelationKind
from curator.errors import EditConflict, InvalidValue, RecordNotFound
from curator.store.aliases import add_alias
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document
from curator.store.evidence import add_evidence
from curator.store.merging import MergedRecord, merge_records, unmerge_records
from curator.store.records import create_record, get_record, update_field
from curator.store.relations import add_relation
from curator.store.revisions import record_history

TEXT = ("Vice Minister Fan Xiaojian met the delegation. Mr. Fan, known as Minister Fan, "
        "spoke for LGOP. 范小建 closed the seminar.")


@dataclass(frozen=True)
class Project:
    """Ids of a small project with two records of one man."""

    visit: int
    seminar: int
    fan: int
    mr_fan: int
    lgop: int
    document: int


def _span(session: Session, record_id: int, document_id: int, quote: str, **owner: int) -> int:
    start = TEXT.index(quote)
    return add_evidence(session, record_id, document_id, start, start + len(quote),
                        user="setup", text=TEXT, **owner)


def _relate(session: Session, kind: RelationKind, subject: int, obj: int, **values: str) -> int:
    relation = Relation(id=0, kind=kind, subject_id=subject, object_id=obj, country_code=None,
                        **values)
    return add_relation(session, relation, user="setup", expected_version=None).id


@pytest.fixture
def project(database: ProjectDatabase) -> Project:
    """P-0001 Fan Xiaojian and P-0002 Mr. Fan (范小建, Vice Minister), each with evidence;
    Mr. Fan with an alias, an affiliation, and a part in two events (in one of which Fan
    Xiaojian has the same part)."""
    with database.unit_of_work() as session:
        document = add_document(session, SourceText(
            title="Report", text=TEXT, source_name="r.txt", encoding="utf-8",
            media_type="text/plain"), user="setup")
        new = {name: create_record(session, kind, user="setup", name_en=name).id
               for kind, name in ((RecordKind.EVENT, "Visit"), (RecordKind.EVENT, "Seminar"),
                                  (RecordKind.PERSON, "Fan Xiaojian"),
                                  (RecordKind.PERSON, "Mr. Fan"),
                                  (RecordKind.ORGANIZATION, "LGOP"))}
        fan, mr_fan = new["Fan Xiaojian"], new["Mr. Fan"]
        update_field(session, mr_fan, "name_zh", "范小建", expected_version=1, user="setup")
        update_field(session, mr_fan, "position", "Vice Minister", expected_version=2,
                     user="setup")
        _span(session, fan, document, "Vice Minister Fan Xiaojian")
        _span(session, mr_fan, document, "Mr. Fan")
        alias = add_alias(session, mr_fan, "Minister Fan", user="setup", expected_version=None)
        _span(session, mr_fan, document, "Minister Fan,", alias_id=alias.id)
        visit = _relate(session, RelationKind.PARTICIPANT, new["Visit"], mr_fan,
                        role="head of delegation")
        _span(session, new["Visit"], document, "met the delegation", relation_id=visit)
        _relate(session, RelationKind.PARTICIPANT, new["Seminar"], fan, role="member of delegation")
        twin = _relate(session, RelationKind.PARTICIPANT, new["Seminar"], mr_fan,
                       role="member of delegation")
        _span(session, new["Seminar"], document, "closed the seminar", relation_id=twin)
        affiliation = _relate(session, RelationKind.AFFILIATION, mr_fan, new["LGOP"],
                              title="Vice Minister")
        _span(session, mr_fan, document, "spoke for LGOP", relation_id=affiliation)
    return Project(new["Visit"], new["Seminar"], fan, mr_fan, new["LGOP"], document)


def _merge(database: ProjectDatabase, project: Project) -> MergedRecord:
    with database.unit_of_work() as session:
        return merge_records(session, project.fan, project.mr_fan, user="tester",
                             keep_version=None, other_version=None)


_TABLES = {
    "record": "SELECT id, kind, number, key, name_en, name_zh, status FROM record",
    "person_detail": "SELECT * FROM person_detail",
    "alias": "SELECT id, record_id, text FROM alias",
    "relation": "SELECT id, kind, subject_id, object_id, role, title FROM relation",
    "evidence": "SELECT id, record_id, document_id, start, \"end\", relation_id, alias_id "
                "FROM evidence",
}


def _rows(database: ProjectDatabase) -> dict[str, list[tuple[object, ...]]]:
    with database.engine.connect() as connection:
        return {name: sorted(tuple(row) for row in connection.execute(text(query)))
                for name, query in _TABLES.items()}


def test_merge_moves_evidence_aliases_and_relations_to_the_kept_record(
    database: ProjectDatabase, project: Project
) -> None:
    merged = _merge(database, project)
    rows = _rows(database)
    assert project.mr_fan not in {row[0] for row in rows["record"]}
    assert {row[1] for row in rows["evidence"]} <= {project.fan, project.visit, project.seminar}
    assert {(row[1], row[2]) for row in rows["alias"]} == {
        (project.fan, "Minister Fan"), (project.fan, "Mr. Fan")}
    assert sorted((row[2], row[3], row[4]) for row in rows["relation"]) == sorted([
        (project.visit, project.fan, "head of delegation"),
        (project.seminar, project.fan, "member of delegation"),
        (project.fan, project.lgop, None)])
    assert merged.kept.name_zh == "范小建"  # the empty Chinese name filled in
    assert merged.kept.details["position"] == "Vice Minister"
    assert merged.filled == ("name_zh", "position")


def test_a_relation_the_kept_record_has_already_is_dropped_keeping_its_evidence(
    database: ProjectDatabase, project: Project
) -> None:
    merged = _merge(database, project)
    [seminar_part] = [row for row in _rows(database)["relation"] if row[2] == project.seminar]
    [span] = [row for row in _rows(database)["evidence"]
              if TEXT[row[3]:row[4]] == "closed the seminar"]
    assert span[5] == seminar_part[0]
    assert len(merged.dropped_relation_ids) == 1


def test_merge_is_in_both_histories_naming_the_other_key(
    database: ProjectDatabase, project: Project
) -> None:
    _merge(database, project)
    with database.unit_of_work() as session:
        kept = [r for r in record_history(session, project.fan) if r.action == "merge"]
        other = record_history(session, project.mr_fan)[-1]
        visit = record_history(session, project.visit)[-1]
    assert kept[0].new_value == "P-0002 Mr. Fan"
    assert [(r.field, r.new_value) for r in kept[1:]] == [
        ("name_zh", "范小建"), ("position", "Vice Minister")]
    assert (other.action, other.old_value, other.new_value) == (
        "merge", "P-0002", "P-0001 Fan Xiaojian")
    assert (visit.old_value, visit.new_value) == (
        "P-0002 Mr. Fan as head of delegation", "P-0001 Fan Xiaojian as head of delegation")


def test_undoing_a_merge_puts_every_row_back_where_it_was(
    database: ProjectDatabase, project: Project
) -> None:
    before = _rows(database)
    merged = _merge(database, project)
    with database.unit_of_work() as session:
        restored = unmerge_records(session, merged, user="tester")
        kept = get_record(session, project.fan)
    assert _rows(database) == before
    assert (restored.key, restored.name_zh) == ("P-0002", "范小建")
    assert (kept.name_zh, kept.details["position"]) == ("", None)


def test_merge_refuses_a_record_changed_since_it_was_read(
    database: ProjectDatabase, project: Project
) -> None:
    with database.unit_of_work() as session, pytest.raises(EditConflict):
        merge_records(session, project.fan, project.mr_fan, user="tester",
                      keep_version=2, other_version=1)


def test_undo_refuses_when_the_kept_record_changed_since(
    database: ProjectDatabase, project: Project
) -> None:
    merged = _merge(database, project)
    with database.unit_of_work() as session:
        update_field(session, project.fan, "position", "Minister",
                     expected_version=merged.kept.version, user="someone")
    with database.unit_of_work() as session, pytest.raises(EditConflict):
        unmerge_records(session, merged, user="tester")


def test_records_of_two_kinds_or_one_record_cannot_be_merged(
    database: ProjectDatabase, project: Project
) -> None:
    with database.unit_of_work() as session:
        for keep, other in ((project.fan, project.lgop), (project.fan, project.fan)):
            with pytest.raises(InvalidValue):
                merge_records(session, keep, other, user="tester", keep_version=None,
                              other_version=None)
        with pytest.raises(RecordNotFound):
            merge_records(session, project.fan, 999, user="tester", keep_version=None,
                          other_version=None)


def test_an_organization_and_its_parent_merge_without_the_relation_between_them(
    database: ProjectDatabase,
) -> None:
    with database.unit_of_work() as session:
        office = create_record(session, RecordKind.ORGANIZATION, user="s", name_en="LGOP").id
        group = create_record(session, RecordKind.ORGANIZATION, user="s", name_en="Group").id
        _relate(session, RelationKind.PARENT, office, group)
        merged = merge_records(session, group, office, user="tester", keep_version=None,
                               other_version=None)
    assert _rows(database)["relation"] == []
    assert merged.dropped_relation_ids
