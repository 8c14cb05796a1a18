"""Records in the store: keys, fields, versions, conflicts, filtering and history."""

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.errors import EditConflict, InvalidValue
from curator.store.database import ProjectDatabase
from curator.store.records import (
    count_records,
    counts_by_kind_and_status,
    create_record,
    get_record,
    list_summaries,
    set_status,
    update_field,
)
from curator.store.revisions import record_history


def test_keys_are_numbered_per_kind(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        keys = [create_record(session, kind, user="u").key
                for kind in (RecordKind.EVENT, RecordKind.PERSON, RecordKind.EVENT)]
    assert keys == ["E-0001", "P-0001", "E-0002"]


def test_edited_fields_survive_a_fresh_session(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.ORGANIZATION, user="u", name_en="IPRCC")
        record = update_field(session, record.id, "name_zh", "中国国际扶贫中心",
                              expected_version=record.version, user="u")
        update_field(session, record.id, "acronym", "IPRCC",
                     expected_version=record.version, user="u")
    with database.unit_of_work() as session:
        reread = get_record(session, record.id)
    assert (reread.name_zh, reread.details["acronym"], reread.version) == (
        "中国国际扶贫中心", "IPRCC", 3)


def test_edit_from_a_stale_version_is_refused(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="alice")
        update_field(session, record.id, "name_en", "Fan Xiaojian",
                     expected_version=record.version, user="alice")
    with pytest.raises(EditConflict, match="alice"), database.unit_of_work() as session:
        update_field(session, record.id, "name_en", "Fan",
                     expected_version=record.version, user="bob")
    with database.unit_of_work() as session:
        assert get_record(session, record.id).name_en == "Fan Xiaojian"


def test_integer_field_rejects_text(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        with pytest.raises(InvalidValue, match="whole number"):
            update_field(session, record.id, "participant_count", "many",
                         expected_version=record.version, user="u")


def test_every_change_is_a_revision_with_old_and_new_value(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng")
        record = update_field(session, record.id, "name_en", "Zheng Wenkai",
                              expected_version=record.version, user="u")
        set_status(session, record.id, ReviewStatus.APPROVED,
                   expected_version=record.version, user="reviewer")
        history = record_history(session, record.id)
    assert [(r.action, r.field, r.old_value, r.new_value, r.changed_by) for r in history] == [
        ("create", None, None, "P-0001", "u"),
        ("edit", "name_en", "Zheng", "Zheng Wenkai", "u"),
        ("status", "status", "draft", "approved", "reviewer"),
    ]


def test_filter_matches_key_english_and_chinese_names(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai",
                      name_zh="郑文凯")
        create_record(session, RecordKind.PERSON, user="u", name_en="Fan Xiaojian")
        create_record(session, RecordKind.PERSON, user="u", name_en="100%_sure")
        assert [s.key for s in list_summaries(session, RecordKind.PERSON, text="文凯")] == [
            "P-0001"]
        assert count_records(session, RecordKind.PERSON, text="xiao") == 1
        assert count_records(session, RecordKind.PERSON, text="P-000") == 3
        assert count_records(session, RecordKind.PERSON, text="%_") == 1


def test_pages_do_not_overlap(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        for n in range(25):
            create_record(session, RecordKind.EVENT, user="u", name_en=f"Event {n}")
        first = list_summaries(session, RecordKind.EVENT, offset=0, limit=10)
        second = list_summaries(session, RecordKind.EVENT, offset=10, limit=10)
    assert {s.key for s in first}.isdisjoint({s.key for s in second})
    assert second[0].key == "E-0011"


def test_counts_cover_every_kind_and_status(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        create_record(session, RecordKind.EVENT, user="u")
        create_record(session, RecordKind.EVENT, user="u", status=ReviewStatus.APPROVED)
        counts = counts_by_kind_and_status(session)
    assert counts[RecordKind.EVENT][ReviewStatus.APPROVED] == 1
    assert counts[RecordKind.EVENT][ReviewStatus.DRAFT] == 1
    assert sum(counts[RecordKind.PERSON].values()) == 0


def test_dates_are_stored_as_iso_at_their_precision(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        record = update_field(session, record.id, "start_date", "June 12, 2012",
                              expected_version=record.version, user="u")
        record = update_field(session, record.id, "end_date", "2012年6月",
                              expected_version=record.version, user="u")
    assert (record.details["start_date"], record.details["end_date"]) == ("2012-06-12", "2012-06")


def test_impossible_date_and_negative_count_are_refused(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        with pytest.raises(InvalidValue, match="not a date"):
            update_field(session, record.id, "start_date", "2012-02-30",
                         expected_version=record.version, user="u")
        with pytest.raises(InvalidValue, match="negative"):
            update_field(session, record.id, "participant_count", -5,
                         expected_version=record.version, user="u")
        assert get_record(session, record.id).details["start_date"] is None


def test_an_end_date_before_the_start_date_is_refused(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        record = update_field(session, record.id, "start_date", "2012-06-12",
                              expected_version=record.version, user="u")
        with pytest.raises(InvalidValue, match="before the start date"):
            update_field(session, record.id, "end_date", "2012-05",
                         expected_version=record.version, user="u")
        same_month = update_field(session, record.id, "end_date", "2012-06",
                                  expected_version=record.version, user="u")
    assert same_month.details["end_date"] == "2012-06"
