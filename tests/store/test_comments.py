"""Comments: kept per record in order, counted, removed and put back under the same id."""

from __future__ import annotations

from curator.domain.records import RecordKind
from curator.store.comments import (
    add_comment,
    all_comments,
    comments_on,
    count_comments,
    put_back_comment,
    remove_comment,
)
from curator.store.database import ProjectDatabase
from curator.store.project_settings import get_setting, second_reviewer_required, set_setting
from curator.store.records import create_record
from curator.store.removal import delete_record, restore_record


def test_comments_come_back_in_order_with_their_author(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="alice", name_en="Visit")
        add_comment(session, record.id, "Check the dates.", user="bob")
        add_comment(session, record.id, "Dates fixed.", user="alice")
    with database.unit_of_work() as session:
        thread = comments_on(session, record.id)
        assert [(c.created_by, c.text) for c in thread] == [
            ("bob", "Check the dates."), ("alice", "Dates fixed.")]
        assert count_comments(session, record.id) == 2
        assert [key for _comment, key in all_comments(session)] == ["E-0001", "E-0001"]


def test_a_removed_comment_is_put_back_under_its_id(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="alice", name_en="Visit")
        comment = add_comment(session, record.id, "Wrong year.", user="bob")
    with database.unit_of_work() as session:
        removed = remove_comment(session, comment.id)
    with database.unit_of_work() as session:
        assert comments_on(session, record.id) == []
        put_back_comment(session, removed)
    with database.unit_of_work() as session:
        assert comments_on(session, record.id) == [comment]


def test_comments_wait_while_their_record_is_deleted(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="alice", name_en="Zheng")
        add_comment(session, record.id, "Is this the vice minister?", user="bob")
        deleted = delete_record(session, record.id, user="alice")
    with database.unit_of_work() as session:
        assert all_comments(session) == []
        restore_record(session, deleted, user="alice")
    with database.unit_of_work() as session:
        assert [c.text for c in comments_on(session, record.id)] == ["Is this the vice minister?"]


def test_project_settings_are_kept_and_replaced(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        assert get_setting(session, "x") is None
        assert not second_reviewer_required(session)
        set_setting(session, "review.second_reviewer", "1")
        set_setting(session, "review.second_reviewer", "1")
    with database.unit_of_work() as session:
        assert second_reviewer_required(session)
