"""Reviewing records: the queue a reviewer walks, decisions with a comment, the project's
second-pair-of-eyes rule, and how far review has got per document and section."""

from __future__ import annotations

from collections.abc import Iterable

from curator.domain.comments import clean_comment
from curator.domain.coverage import SectionProgress, section_progress
from curator.domain.records import Record, ReviewStatus
from curator.domain.review import QueueItem, RecordTies, ReviewFilter, approval_refusal
from curator.errors import ApprovalRefused, InvalidValue
from curator.services.identity import current_user
from curator.store import comments as comment_store
from curator.store import project_settings, review_queue
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from curator.store.documents import document_sections
from curator.store.record_ties import record_ties
from curator.store.review_queue import document_status_counts


def queue(database: ProjectDatabase, filters: ReviewFilter) -> list[QueueItem]:
    """The records a review walks, in the order their first evidence comes in the text."""
    with database.unit_of_work() as session:
        return review_queue.review_queue(session, filters)


def records_with_stale_evidence(database: ProjectDatabase, record_ids: Iterable[int]) -> set[int]:
    """Those of the records with evidence that no longer quotes its document."""
    with database.unit_of_work() as session:
        return review_queue.records_with_stale_evidence(session, record_ids)


def last_editors(database: ProjectDatabase) -> list[str]:
    """Everyone who made the last edit of some record (for a filter's choices)."""
    with database.unit_of_work() as session:
        return review_queue.last_editors(session)


def second_reviewer_required(database: ProjectDatabase) -> bool:
    """Whether the project asks for a second pair of eyes before a record is approved."""
    with database.unit_of_work() as session:
        return project_settings.second_reviewer_required(session)


def require_second_reviewer(database: ProjectDatabase, required: bool) -> None:
    """Turn the project's second-pair-of-eyes rule on or off."""
    with database.unit_of_work() as session:
        project_settings.set_setting(session, project_settings.SECOND_REVIEWER,
                                     "1" if required else "0")


def decide(
    database: ProjectDatabase, record_id: int, status: ReviewStatus, *,
    expected_version: int, comment: str = "",
) -> Record:
    """Move a record to a review status, with an optional comment, in one unit of work.

    Approving is refused (ApprovalRefused) when the project asks for a second pair of eyes
    and the reviewer made the record's last edit.
    """
    user = current_user()
    text = _cleaned(comment) if comment.strip() else ""
    with database.unit_of_work() as session:
        if status is ReviewStatus.APPROVED and project_settings.second_reviewer_required(session):
            refusal = approval_refusal(last_editor=review_queue.last_editor(session, record_id),
                                       reviewer=user)
            if refusal is not None:
                raise ApprovalRefused(refusal)
        record = record_store.set_status(session, record_id, status,
                                         expected_version=expected_version, user=user)
        if text:
            comment_store.add_comment(session, record_id, text, user=user)
        return record


def _cleaned(text: str) -> str:
    try:
        return clean_comment(text)
    except ValueError as error:
        raise InvalidValue(str(error)) from error


def ties(database: ProjectDatabase, record_id: int) -> RecordTies:
    """How many evidence spans, relations and comments a record has."""
    with database.unit_of_work() as session:
        return record_ties(session, record_id)


def document_progress(database: ProjectDatabase) -> dict[int, dict[ReviewStatus, int]]:
    """For each document, how many records with evidence in it stand at each status."""
    with database.unit_of_work() as session:
        return document_status_counts(session)


def sections_progress(database: ProjectDatabase, document_id: int) -> list[SectionProgress]:
    """For each section of a document, how many records it holds and how many are approved."""
    with database.unit_of_work() as session:
        sections = document_sections(session, document_id)
        places = review_queue.evidence_places(session, document_id)
    return section_progress(sections, places)
