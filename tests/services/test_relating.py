"""Relations: adding, editing, removing and restoring them, with history, conflicts, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.domain.relations import RelationKind
from curator.errors import EditConflict, InvalidValue
from curator.services.annotating import link_selection_as_evidence, record_evidence
from curator.services.editing import history, load_record
from curator.services.relating import (
    add_relation,
    add_role,
    create_named_record,
    edit_relation,
    record_relations,
    relation_roles,
    remove_relation,
    restore_relation,
)
from curator.store.database import ProjectDatabase

from .conftest import Cast

PARTICIPANT = RelationKind.PARTICIPANT


def _head(database: ProjectDatabase, cast: Cast) -> int:
    return add_relation(database, PARTICIPANT, cast.visit, object_id=cast.zheng,
                        role="head of delegation", title="Vice Minister of LGOP")


def test_participant_survives_reopening_and_shows_from_both_sides(
    database: ProjectDatabase, cast: Cast, tmp_path: Path
) -> None:
    relation_id = _head(database, cast)
    database.close()
    reopened = ProjectDatabase.open(database.location)
    [from_event] = record_relations(reopened, cast.visit)
    [from_person] = record_relations(reopened, cast.zheng)
    reopened.close()
    assert from_event.relation.id == from_person.relation.id == relation_id
    assert (from_event.as_subject, from_event.other and from_event.other.key) == (True, "P-0001")
    assert (from_person.as_subject, from_person.other and from_person.other.key,
            from_person.relation.role, from_person.relation.title) == (
        False, "E-0001", "head of delegation", "Vice Minister of LGOP")


def test_adding_a_participant_is_a_revision_of_the_event_naming_the_person(
    database: ProjectDatabase, cast: Cast
) -> None:
    _head(database, cast)
    last = history(database, cast.visit)[-1]
    assert (last.action, last.field, last.old_value, last.version) == (
        "relation", "participant", None, 2)
    assert last.new_value == (
        "P-0001 Zheng Wenkai as head of delegation (Vice Minister of LGOP)")
    assert load_record(database, cast.visit).version == 2
    assert load_record(database, cast.zheng).version == 1


def test_a_relation_edit_on_a_stale_version_is_a_conflict(
    database: ProjectDatabase, cast: Cast
) -> None:
    relation_id = _head(database, cast)
    with pytest.raises(EditConflict):
        edit_relation(database, relation_id, "role", "speaker", expected_version=1)
    with pytest.raises(EditConflict):
        add_relation(database, RelationKind.EVENT_ORGANIZATION, cast.visit,
                     object_id=cast.lgop, role="organizer", expected_version=1)
    [view] = record_relations(database, cast.visit)
    assert view.relation.role == "head of delegation"


def test_editing_a_role_records_old_and_new(database: ProjectDatabase, cast: Cast) -> None:
    relation_id = _head(database, cast)
    saved = edit_relation(database, relation_id, "role", "speaker", expected_version=2)
    last = history(database, cast.visit)[-1]
    assert (saved.role, saved.version, last.version) == ("speaker", 2, 3)
    assert "head of delegation" in (last.old_value or "")
    assert "as speaker" in (last.new_value or "")


def test_removed_relation_comes_back_with_its_id_and_evidence(
    database: ProjectDatabase, cast: Cast, sample_document: int
) -> None:
    relation_id = _head(database, cast)
    evidence_id = link_selection_as_evidence(database, cast.visit, sample_document, 60, 75,
                                             relation_id=relation_id)
    removed = remove_relation(database, relation_id)
    assert (record_relations(database, cast.visit), record_evidence(database, cast.visit)) == (
        [], [])
    restored = restore_relation(database, removed)
    [span] = record_evidence(database, cast.visit)
    assert (restored.id, span.id, span.relation_id) == (relation_id, evidence_id, relation_id)
    assert [r.action for r in history(database, cast.visit)][-3:] == [
        "evidence", "relation", "relation"]


def test_restoring_a_relation_twice_is_refused(database: ProjectDatabase, cast: Cast) -> None:
    removed = remove_relation(database, _head(database, cast))
    restore_relation(database, removed)
    with pytest.raises(EditConflict):
        restore_relation(database, removed)


def test_a_role_outside_the_vocabulary_is_refused_until_added(
    database: ProjectDatabase, cast: Cast
) -> None:
    with pytest.raises(InvalidValue, match="interpreter"):
        add_relation(database, PARTICIPANT, cast.visit, object_id=cast.zheng, role="interpreter")
    add_role(database, PARTICIPANT, "interpreter", name_zh="翻译")
    add_relation(database, PARTICIPANT, cast.visit, object_id=cast.zheng, role="interpreter")
    assert relation_roles(database, PARTICIPANT)[-1].name_zh == "翻译"
    with pytest.raises(InvalidValue, match="already"):
        add_role(database, PARTICIPANT, "Interpreter")


def test_the_seeded_roles_are_there(database: ProjectDatabase) -> None:
    names = {kind: [role.name for role in relation_roles(database, kind)]
             for kind in RelationKind}
    assert names[PARTICIPANT][:2] == ["head of delegation", "member of delegation"]
    assert "funder" in names[RelationKind.EVENT_ORGANIZATION]
    assert names[RelationKind.EVENT_COUNTRY] == ["visited", "host", "participating"]
    assert names[RelationKind.AFFILIATION] == []


def test_a_country_is_taken_by_name_in_either_language_and_kept_as_a_code(
    database: ProjectDatabase, cast: Cast
) -> None:
    add_relation(database, RelationKind.EVENT_COUNTRY, cast.visit, country="巴西", role="visited")
    [view] = record_relations(database, cast.visit)
    assert (view.relation.country_code, view.country_name_en, view.country_name_zh) == (
        "BR", "Brazil", "巴西")


def test_an_unknown_country_is_refused_by_name(database: ProjectDatabase, cast: Cast) -> None:
    with pytest.raises(InvalidValue, match="Atlantis"):
        add_relation(database, RelationKind.EVENT_COUNTRY, cast.visit, country="Atlantis")


def test_the_wrong_kind_of_record_is_refused(database: ProjectDatabase, cast: Cast) -> None:
    with pytest.raises(InvalidValue, match="O-0001 is not a person"):
        add_relation(database, PARTICIPANT, cast.visit, object_id=cast.lgop)
    with pytest.raises(InvalidValue, match="belong to an event, not to P-0001"):
        add_relation(database, PARTICIPANT, cast.zheng, object_id=cast.zheng)


def test_the_same_relation_twice_is_refused(database: ProjectDatabase, cast: Cast) -> None:
    _head(database, cast)
    with pytest.raises(InvalidValue, match="already"):
        add_relation(database, PARTICIPANT, cast.visit, object_id=cast.zheng,
                     role="head of delegation")


def test_affiliation_dates_are_partial_dates_in_order(
    database: ProjectDatabase, cast: Cast
) -> None:
    relation_id = add_relation(database, RelationKind.AFFILIATION, cast.zheng,
                               object_id=cast.lgop, title="Vice Minister",
                               start_date="June 2008", end_date="2014")
    [view] = record_relations(database, cast.zheng)
    assert (view.relation.start_date, view.relation.end_date) == ("2008-06", "2014")
    with pytest.raises(InvalidValue, match="before the start date"):
        edit_relation(database, relation_id, "end_date", "2007")


def test_an_organization_has_one_parent_and_never_inside_itself(
    database: ProjectDatabase, cast: Cast
) -> None:
    add_relation(database, RelationKind.PARENT, cast.lgop, object_id=cast.bank)
    with pytest.raises(InvalidValue, match="one parent"):
        add_relation(database, RelationKind.PARENT, cast.lgop, object_id=cast.bank)
    with pytest.raises(InvalidValue, match="inside itself"):
        add_relation(database, RelationKind.PARENT, cast.bank, object_id=cast.lgop)


def test_a_persons_form_lists_the_events_and_organizations_with_roles(
    database: ProjectDatabase, cast: Cast
) -> None:
    _head(database, cast)
    add_relation(database, RelationKind.AFFILIATION, cast.zheng, object_id=cast.lgop)
    views = record_relations(database, cast.zheng)
    assert [(v.relation.kind, v.as_subject, v.other and v.other.key) for v in views] == [
        (PARTICIPANT, False, "E-0001"), (RelationKind.AFFILIATION, True, "O-0001")]


def test_a_record_to_relate_is_created_from_a_typed_name_in_either_script(
    database: ProjectDatabase,
) -> None:
    both = create_named_record(database, RecordKind.PERSON, "Fan Xiaojian (范小建)")
    chinese = create_named_record(database, RecordKind.ORGANIZATION, "国务院扶贫办")
    assert (both.key, both.name_en, both.name_zh) == ("P-0001", "Fan Xiaojian", "范小建")
    assert (chinese.name_en, chinese.name_zh) == ("", "国务院扶贫办")
    assert [revision.action for revision in history(database, chinese.id)] == ["create"]
    with pytest.raises(InvalidValue):
        create_named_record(database, RecordKind.PERSON, "   ")
