"""Review decisions: a comment with a rejection, the second-pair-of-eyes rule, progress."""

from __future__ import annotations

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.errors import ApprovalRefused, InvalidValue
from curator.services import commenting, editing, identity, reviewing
from curator.services.annotating import create_record_from_selection
from curator.services.browsing import open_document
from curator.store.database import ProjectDatabase
from tests.services.conftest import Cast


def test_reject_with_a_comment_keeps_both_with_the_reviewer(
    database: ProjectDatabase, cast: Cast
) -> None:
    record = reviewing.decide(database, cast.visit, ReviewStatus.REJECTED, expected_version=1,
                              comment="Not in this chapter.")
    assert record.status is ReviewStatus.REJECTED
    [comment] = commenting.comments(database, cast.visit)
    assert (comment.text, comment.created_by) == ("Not in this chapter.", "tester")
    assert editing.history(database, cast.visit)[-1].changed_by == "tester"


def test_a_blank_comment_is_no_comment(database: ProjectDatabase, cast: Cast) -> None:
    reviewing.decide(database, cast.visit, ReviewStatus.APPROVED, expected_version=1,
                     comment="  ")
    assert commenting.comments(database, cast.visit) == []


def test_the_last_editor_cannot_approve_when_a_second_reviewer_is_required(
    database: ProjectDatabase, cast: Cast
) -> None:
    reviewing.require_second_reviewer(database, True)
    record = editing.edit_field(database, cast.zheng, "position", "Vice Minister",
                                expected_version=1)  # edited by "tester"
    with pytest.raises(ApprovalRefused, match="second pair of eyes"):
        editing.change_status(database, cast.zheng, ReviewStatus.APPROVED,
                              expected_version=record.version)
    assert editing.load_record(database, cast.zheng).status is ReviewStatus.DRAFT
    # Marking it for review is no edit: still refused; someone else may approve.
    record = editing.change_status(database, cast.zheng, ReviewStatus.NEEDS_REVIEW,
                                   expected_version=record.version)
    with pytest.raises(ApprovalRefused):
        reviewing.decide(database, cast.zheng, ReviewStatus.APPROVED,
                         expected_version=record.version)
    identity.set_preferred_name("Reviewer Two")
    approved = reviewing.decide(database, cast.zheng, ReviewStatus.APPROVED,
                                expected_version=record.version)
    assert (approved.status, approved.updated_by) == (ReviewStatus.APPROVED, "Reviewer Two")


def test_without_the_rule_the_editor_may_approve(database: ProjectDatabase, cast: Cast) -> None:
    assert not reviewing.second_reviewer_required(database)
    record = editing.edit_field(database, cast.zheng, "position", "Minister", expected_version=1)
    editing.change_status(database, cast.zheng, ReviewStatus.APPROVED,
                          expected_version=record.version)


def test_comments_are_added_and_removed_and_refused_when_blank(
    database: ProjectDatabase, cast: Cast
) -> None:
    comment = commenting.add_comment(database, cast.lgop, " Which office? ")
    assert comment.text == "Which office?"
    with pytest.raises(InvalidValue):
        commenting.add_comment(database, cast.lgop, "\n")
    removed = commenting.remove_comment(database, comment.id)
    assert commenting.comments(database, cast.lgop) == []
    commenting.restore_comment(database, removed)
    assert commenting.comments(database, cast.lgop) == [comment]


def test_ties_count_what_a_deletion_takes_along(database: ProjectDatabase, cast: Cast) -> None:
    commenting.add_comment(database, cast.bank, "Check the acronym.")
    ties = reviewing.ties(database, cast.bank)
    assert (ties.evidence, ties.relations, ties.comments, ties.any) == (0, 0, 1, True)


def test_sections_count_their_records(database: ProjectDatabase, sample_document: int) -> None:
    text = "Zheng Wenkai"
    start = open_document(database, sample_document).text.index(text)
    record = create_record_from_selection(database, RecordKind.PERSON, sample_document, start,
                                          start + len(text))
    editing.change_status(database, record.id, ReviewStatus.APPROVED,
                          expected_version=record.version)
    counts = {p.section.title: (p.records, p.approved)
              for p in reviewing.sections_progress(database, sample_document)}
    assert counts["Visits"] == (1, 1)
    assert counts["Trainings"] == (0, 0)
    assert reviewing.document_progress(database) == {
        sample_document: {ReviewStatus.APPROVED: 1}}

