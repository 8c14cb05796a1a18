"""Turning a selection in a source text into records and evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from curator.domain.documents import section_title_at
from curator.domain.evidence import Evidence, trim_span
from curator.domain.language import contains_cjk, han_runs, without_han
from curator.domain.records import Record, RecordKind, ReviewStatus
from curator.domain.text_safety import without_control_characters
from curator.domain.translation import _
from curator.errors import InvalidValue
from curator.services.identity import current_user
from curator.services.suggesting import acceptable_fields
from curator.store import evidence as evidence_store
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from curator.store.documents import document_sections, document_text, document_title
from curator.store.revisions import add_revision
from curator.suggest.selection import (
    SelectionFields,
    lowercase_around,
    read_selection,
    year_before,
)

MAX_NAME_GUESS = 200
_EMPTY_BRACKETS = re.compile(r"[(（【\[]\s*[)）】\]]")


def _guess_names(quote: str) -> tuple[str, str]:
    """First guess of a record's (English, Chinese) names from its quote.

    "Fan Xiaojian (范小建)" gives both: the Chinese characters go to the Chinese name, what is
    left (less empty brackets) to the English one.
    """
    guess = without_control_characters(" ".join(quote.split()))[:MAX_NAME_GUESS]
    if not contains_cjk(guess):
        return guess, ""
    chinese = "".join(han_runs(guess))
    rest = _EMPTY_BRACKETS.sub("", without_han(guess))
    english = " ".join(rest.split()).strip(" ,;:、，")
    has_latin = any(ch.isascii() and ch.isalpha() for ch in english)
    return (english if has_latin else ""), (chinese if has_latin else guess)


def selected_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection clipped to the text and trimmed of white space; refuses a blank one."""
    start, end = trim_span(text, max(0, start), min(len(text), end))
    if start >= end:
        raise InvalidValue(_("Select some text in the document first."))
    return start, end


def create_record_from_selection(
    database: ProjectDatabase, kind: RecordKind, document_id: int, start: int, end: int
) -> Record:
    """Create a draft record from the selected text, with the selection as evidence; the
    suggestion rules split it into fields ("Vice Minister of LGOP Zheng Wenkai": the name
    Zheng Wenkai, the title Vice Minister of LGOP; "From June 12 to 22, 2012": the dates)."""
    user = current_user()
    with database.unit_of_work() as session:
        text = document_text(session, document_id)
        start, end = selected_span(text, start, end)
        name_en, name_zh = _guess_names(text[start:end])
        fields = read_selection(kind, name_en, year=year_before(text, start),
                                lowercase=lowercase_around(text, start, end)) \
            if name_en else SelectionFields("")
        record = record_store.create_record(
            session, kind, user=user, name_en=fields.name_en or name_en, name_zh=name_zh,
            status=ReviewStatus.DRAFT,
        )
        for name, value in acceptable_fields(kind, fields.details).items():
            record = record_store.update_field(session, record.id, name, value,
                                               expected_version=record.version, user=user)
        evidence_store.add_evidence(
            session, record.id, document_id, start, end, user=user, text=text
        )
    return record


def link_selection_as_evidence(
    database: ProjectDatabase,
    record_id: int,
    document_id: int,
    start: int,
    end: int,
    *,
    expected_version: int | None = None,
    relation_id: int | None = None,
    alias_id: int | None = None,
) -> int:
    """Add the selected text as further evidence of a record (a new version); returns its id.

    With `relation_id` (a relation written on this record, e.g. an event's participant) or
    `alias_id` the span supports that relation or alias rather than the record as a whole.
    """
    user = current_user()
    with database.unit_of_work() as session:
        text = document_text(session, document_id)
        start, end = selected_span(text, start, end)
        version = record_store.touch_record(
            session, record_id, expected_version=expected_version, user=user
        )
        evidence_id = evidence_store.add_evidence(
            session, record_id, document_id, start, end, user=user, text=text,
            relation_id=relation_id, alias_id=alias_id,
        )
        add_revision(
            session, record_id, version=version, action="evidence", user=user,
            field="evidence", new_value=text[start:end],
        )
    return evidence_id


def remove_evidence(
    database: ProjectDatabase, evidence_id: int, *, expected_version: int | None = None
) -> Evidence:
    """Unlink one evidence span from its record (a new version); returns the span as it was."""
    user = current_user()
    with database.unit_of_work() as session:
        removed = evidence_store.remove_evidence(session, evidence_id)
        version = record_store.touch_record(
            session, removed.record_id, expected_version=expected_version, user=user
        )
        add_revision(
            session, removed.record_id, version=version, action="evidence", user=user,
            field="evidence", old_value=removed.exact,
        )
    return removed


def evidence_record_id(database: ProjectDatabase, evidence_id: int) -> int:
    """The id of the record an evidence span belongs to."""
    with database.unit_of_work() as session:
        return evidence_store.evidence_record_id(session, evidence_id)


@dataclass(frozen=True)
class EvidenceInContext:
    """An evidence span with the document and section it stands in."""

    evidence: Evidence
    document_title: str
    section_title: str


def record_evidence(database: ProjectDatabase, record_id: int) -> list[Evidence]:
    """A record's evidence spans in document order."""
    with database.unit_of_work() as session:
        return evidence_store.evidence_for_record(session, record_id)


def record_evidence_in_context(
    database: ProjectDatabase, record_id: int
) -> list[EvidenceInContext]:
    """A record's evidence with the title of the document and section of each span."""
    with database.unit_of_work() as session:
        spans = evidence_store.evidence_for_record(session, record_id)
        document_ids = {span.document_id for span in spans}
        # Only the documents quoted: listing all of them measures every text (slow on 200).
        titles = {document_id: document_title(session, document_id)
                  for document_id in document_ids}
        sections = {document_id: document_sections(session, document_id)
                    for document_id in document_ids}
    return [
        EvidenceInContext(
            span, titles.get(span.document_id, ""),
            section_title_at(sections[span.document_id], span.start),
        )
        for span in spans
    ]


def document_evidence(database: ProjectDatabase, document_id: int) -> list[Evidence]:
    """Every evidence span in a document, for highlighting."""
    with database.unit_of_work() as session:
        return evidence_store.evidence_in_document(session, document_id)
