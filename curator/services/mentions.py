"""Find mentions: every other place a record's names stand in the project's documents, and
linking the chosen ones as its evidence in one change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from curator.domain.documents import section_title_at
from curator.domain.evidence import Evidence
from curator.domain.mentions import find_names
from curator.domain.records import Record, RecordKind
from curator.services.identity import current_user
from curator.store import aliases as alias_store
from curator.store import evidence as evidence_store
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from curator.store.documents import document_sections, document_text, list_documents
from curator.store.revisions import add_revision

CONTEXT = 60
"""Characters of text shown on either side of a mention."""


@dataclass(frozen=True)
class Mention:
    """A place a record's name stands that is not yet its evidence, with the text around it."""

    document_id: int
    document_title: str
    section_title: str
    start: int
    end: int
    exact: str
    before: str
    after: str


@dataclass(frozen=True)
class MentionSpan:
    """Where a mention stands: the document and offsets to link."""

    document_id: int
    start: int
    end: int


def record_names(record: Record, aliases: Sequence[str]) -> list[str]:
    """Every name a record goes by: English and Chinese names, acronym, aliases."""
    names = [record.name_en, record.name_zh, *aliases]
    if record.kind is RecordKind.ORGANIZATION and record.details.get("acronym"):
        names.append(str(record.details["acronym"]))
    return [name for name in names if name and name.strip()]


def find_mentions(database: ProjectDatabase, record_id: int) -> list[Mention]:
    """Every place in every document where the record's names stand and that does not
    overlap its evidence yet, in document and text order."""
    found: list[Mention] = []
    with database.unit_of_work() as session:
        record = record_store.get_record(session, record_id)
        names = record_names(record, [alias.text for alias in
                                      alias_store.aliases_of(session, record_id)])
        linked: dict[int, list[tuple[int, int]]] = {}
        for span in evidence_store.evidence_for_record(session, record_id):
            linked.setdefault(span.document_id, []).append((span.start, span.end))
        for document in list_documents(session):
            text = document_text(session, document.id)
            occurrences = [o for o in find_names(text, names)
                           if not any(start < o.end and o.start < end
                                      for start, end in linked.get(document.id, ()))]
            if not occurrences:
                continue
            sections = document_sections(session, document.id)
            found += [Mention(document.id, document.title,
                              section_title_at(sections, o.start), o.start, o.end,
                              text[o.start:o.end], _context(text[:o.start], before=True),
                              _context(text[o.end:], before=False)) for o in occurrences]
    return found


def _context(text: str, *, before: bool) -> str:
    """The words next to a mention on one side, on one line."""
    piece = text[-CONTEXT:] if before else text[:CONTEXT]
    return " ".join(piece.split())


def link_mentions(database: ProjectDatabase, record_id: int, spans: Sequence[MentionSpan],
                  *, expected_version: int | None = None) -> list[int]:
    """Link the spans as evidence of the record, all in one new version; their ids."""
    user = current_user()
    ids: list[int] = []
    with database.unit_of_work() as session:
        version = record_store.touch_record(session, record_id,
                                            expected_version=expected_version, user=user)
        texts: dict[int, str] = {}
        for span in spans:
            if span.document_id not in texts:
                texts[span.document_id] = document_text(session, span.document_id)
            text = texts[span.document_id]
            ids.append(evidence_store.add_evidence(session, record_id, span.document_id,
                                                   span.start, span.end, user=user, text=text))
            add_revision(session, record_id, version=version, action="evidence", user=user,
                         field="evidence", new_value=text[span.start:span.end])
    return ids


def unlink_mentions(database: ProjectDatabase, record_id: int, evidence_ids: Sequence[int],
                    *, expected_version: int | None = None) -> list[Evidence]:
    """Remove evidence spans of one record, all in one new version (undoing a link); the
    spans as they were."""
    user = current_user()
    removed_spans: list[Evidence] = []
    with database.unit_of_work() as session:
        version = record_store.touch_record(session, record_id,
                                            expected_version=expected_version, user=user)
        for evidence_id in evidence_ids:
            removed = evidence_store.remove_evidence(session, evidence_id)
            add_revision(session, record_id, version=version, action="evidence", user=user,
                         field="evidence", old_value=removed.exact)
            removed_spans.append(removed)
    return removed_spans
