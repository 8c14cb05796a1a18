"""Suggestions stored: run the rules over documents and keep what they propose as records
with status `suggested`, their evidence, aliases, relations and countries.

Each document is one unit of work. Running again adds nothing already there: a person or
organization the project has (by name, alias or acronym, in either script) is reused and
only given the new evidence; an event whose sentence is already the evidence of an event is
left alone (so a rejected suggestion is not proposed again); fields a curator may have
edited are never written on a record that existed. Accepting a suggestion is a status
change to draft (`services.editing.change_status`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from curator.domain.countries import resolve_country
from curator.domain.country_fields import is_country_field
from curator.domain.dates import parse_partial_date
from curator.domain.evidence import Evidence
from curator.domain.names import fold_name
from curator.domain.records import (
    FieldValue,
    FieldWidget,
    RecordKind,
    ReviewStatus,
    field_spec,
)
from curator.domain.relations import Relation, RelationKind
from curator.services.identity import current_user
from curator.store import aliases as alias_store
from curator.store import evidence as evidence_store
from curator.store import records as record_store
from curator.store import suggestions as suggestion_store
from curator.store.database import ProjectDatabase
from curator.store.documents import document_sections, document_text, list_documents
from curator.store.suggestions import NewEvidence, NewRecord
from curator.suggest import batch
from curator.suggest.pipeline import organization_key, suggest_document
from curator.suggest.suggestions import (
    DocumentSuggestions,
    Span,
    SuggestedEvent,
    SuggestedOrganization,
    SuggestedPerson,
)

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all); raising OperationCancelled stops the run, and the
document under way is left as it was."""

MINIMUM_CONFIDENCE = 0.5


@dataclass
class SuggestionReport:
    """What a run of suggestions added to the project."""

    documents: int = 0
    created: dict[RecordKind, int] = field(default_factory=lambda: dict.fromkeys(RecordKind, 0))
    reused: dict[RecordKind, int] = field(default_factory=lambda: dict.fromkeys(RecordKind, 0))
    evidence: int = 0
    relations: int = 0
    aliases: int = 0
    seconds: float = 0.0


class _Index:
    """The project's people and organizations by every name they go by: read once a run,
    and told of each record the run creates."""

    def __init__(self, session: Session) -> None:
        self.statuses: dict[int, ReviewStatus] = {}
        self.names: dict[tuple[RecordKind, str], int] = {}
        self.aliases: dict[tuple[RecordKind, str], int] = {}
        """A name any record has goes before another record's alias."""
        for record in suggestion_store.named_records(session):
            self.add(record.id, record.kind, record.names, record.status)
            self.add_aliases(record.id, record.kind, record.aliases)

    @staticmethod
    def fold(kind: RecordKind, name: str) -> str:
        return organization_key(name) if kind is RecordKind.ORGANIZATION else fold_name(name)

    def add(self, record_id: int, kind: RecordKind, names: Sequence[str],
            status: ReviewStatus = ReviewStatus.SUGGESTED) -> None:
        self.statuses[record_id] = status
        for name in names:
            if name and name.strip():
                self.names.setdefault((kind, self.fold(kind, name)), record_id)

    def add_aliases(self, record_id: int, kind: RecordKind, aliases: Sequence[str]) -> None:
        for alias in aliases:
            self.aliases.setdefault((kind, self.fold(kind, alias)), record_id)

    def find(self, kind: RecordKind, names: Sequence[str]) -> int | None:
        for name in names:
            if name:
                key = (kind, self.fold(kind, name))
                if found := self.names.get(key) or self.aliases.get(key):
                    return found
        return None


def acceptable_fields(kind: RecordKind, values: dict[str, FieldValue]
                      ) -> dict[str, FieldValue]:
    """The fields a new record may take, each checked as an edit would check it."""
    checked: dict[str, FieldValue] = {}
    for name, value in values.items():
        if value in (None, ""):
            continue
        spec = field_spec(kind, name)
        if spec.choices and value not in spec.choices:
            continue
        if spec.widget is FieldWidget.DATE:
            try:
                value = parse_partial_date(str(value)).iso()
            except ValueError:
                continue
        if is_country_field(kind, name) and resolve_country(str(value)) is None:
            continue
        checked[name] = value
    return checked


class _Writer:
    """Stores one document's suggestions in one session, in bulk."""

    def __init__(self, session: Session, document_id: int, text: str, index: _Index,
                 report: SuggestionReport) -> None:
        self.session = session
        self.document_id = document_id
        self.text = text
        self.index = index
        self.report = report
        self.user = current_user()
        spans = evidence_store.evidence_in_document(session, document_id)
        self.spans = {(span.record_id, span.start, span.end) for span in spans}
        self.event_spans = {(span.start, span.end) for span in spans
                            if span.record_kind is RecordKind.EVENT}
        self.record_ids: dict[str, int] = {}
        self.evidence: list[NewEvidence] = []
        self.same_as: dict[str, str] = {}
        """Suggestions the project would take for one record, to the one kept."""

    def _new(self, records: list[NewRecord]) -> list[int]:
        ids = suggestion_store.insert_records(self.session, records, user=self.user)
        for record in records:
            self.report.created[record.kind] += 1
        return ids

    def _span(self, record_id: int, span: Span, *, alias_id: int | None = None,
              relation_id: int | None = None) -> None:
        if alias_id is None and relation_id is None:
            if (record_id, span.start, span.end) in self.spans:
                return
            self.spans.add((record_id, span.start, span.end))
        self.evidence.append(NewEvidence(record_id, span.start, span.end, relation_id,
                                         alias_id))

    def named(self, organizations: list[SuggestedOrganization],
              people: list[SuggestedPerson]) -> None:
        """Match or create the organizations and people, and link their mentions."""
        pending: list[tuple[str, NewRecord, list[Span]]] = []
        waiting: dict[tuple[RecordKind, str], int] = {}
        for o in organizations:
            self._match(RecordKind.ORGANIZATION, o.key, [o.name, o.name_zh, o.acronym],
                        NewRecord(RecordKind.ORGANIZATION, o.name, o.name_zh, acceptable_fields(
                            RecordKind.ORGANIZATION, {"acronym": o.acronym,
                                                      "org_kind": o.kind,
                                                      "country": o.country}),
                                  o.confidence), o.mentions, pending, waiting)
        for p in people:
            self._match(RecordKind.PERSON, p.key, [p.name, p.name_zh],
                        NewRecord(RecordKind.PERSON, p.name, p.name_zh, acceptable_fields(
                            RecordKind.PERSON, {"position": p.title,
                                                "nationality": p.nationality}),
                                  p.confidence), p.mentions, pending, waiting)
        ids = self._new([record for _key, record, _spans in pending])
        created = set(ids)
        for (_key, record, _spans), record_id in zip(pending, ids, strict=True):
            self.index.add(record_id, record.kind, (record.name_en, record.name_zh,
                                                    str(record.details.get("acronym") or "")))
        for (key, _record, _spans), record_id in zip(pending, ids, strict=True):
            self.record_ids[key] = record_id
        for key, _record, spans in pending:
            for span in spans:
                self._span(self.record_ids[key], span)
        self._aliases(people, created)
        affiliations = [
            Relation(0, RelationKind.AFFILIATION, self.record_ids[p.key],
                     self.record_ids[p.affiliation], None, title=p.title or None)
            for p in people
            if p.key in self.record_ids and self.record_ids[p.key] in created
            and p.affiliation in self.record_ids]
        self.report.relations += len(affiliations)
        suggestion_store.insert_relations(self.session, affiliations, user=self.user)

    def _match(self, kind: RecordKind, key: str, names: list[str], record: NewRecord,
               mentions: list[Span], pending: list[tuple[str, NewRecord, list[Span]]],
               waiting: dict[tuple[RecordKind, str], int]) -> None:
        found = self.index.find(kind, names)
        if found is not None:
            if self.index.statuses[found] is not ReviewStatus.REJECTED:
                self.report.reused[kind] += 1
                self.record_ids[key] = found
                for span in mentions:
                    self._span(found, span)
            return
        folded = (kind, self.index.fold(kind, record.name_en))
        if folded in waiting:  # two suggestions the project would take for one record
            pending[waiting[folded]][2].extend(mentions)
            self.same_as[key] = pending[waiting[folded]][0]
            return
        waiting[folded] = len(pending)
        pending.append((key, record, list(mentions)))

    def _aliases(self, people: list[SuggestedPerson], created: set[int]) -> None:
        for key, other in self.same_as.items():
            self.record_ids[key] = self.record_ids[other]
        new: list[tuple[int, str, list[Span]]] = []
        for person in people:
            record_id = self.record_ids.get(person.key)
            if record_id is None:
                continue
            known = {alias.text.casefold(): alias.id
                     for alias in alias_store.aliases_of(self.session, record_id)} \
                if record_id not in created else {}
            for text, spans in person.aliases.items():
                if text.casefold() == person.name.casefold():
                    continue
                if text.casefold() in known:
                    for span in spans:
                        if (record_id, span.start, span.end) not in self.spans:
                            self.spans.add((record_id, span.start, span.end))
                            self._span(record_id, span, alias_id=known[text.casefold()])
                    continue
                if record_id not in created:
                    continue  # a curator's record: its aliases are theirs to add
                known[text.casefold()] = -1
                new.append((record_id, text, spans))
        ids = suggestion_store.insert_aliases(self.session, [(r, t) for r, t, _ in new],
                                              user=self.user)
        self.report.aliases += len(ids)
        for record_id, text, _spans in new:
            self.index.add_aliases(record_id, RecordKind.PERSON, (text,))
        for (record_id, _text, spans), alias_id in zip(new, ids, strict=True):
            for span in spans:
                self._span(record_id, span, alias_id=alias_id)

    def events(self, events: list[SuggestedEvent]) -> None:
        """Create the events not suggested before, with their relations."""
        fresh = [e for e in events if (e.span.start, e.span.end) not in self.event_spans]
        ids = self._new([NewRecord(RecordKind.EVENT, e.title, "", acceptable_fields(
            RecordKind.EVENT, {"event_type": e.event_type, "start_date": e.start_date,
                               "end_date": e.end_date, "city": e.city, "country": e.country,
                               "participant_count": e.participant_count}), e.confidence)
            for e in fresh])
        relations: list[tuple[Relation, Span]] = []
        for event, record_id in zip(fresh, ids, strict=True):
            self._span(record_id, event.span)
            seen: set[tuple[str, int | str]] = set()
            for link in event.participants:
                person = self.record_ids.get(link.key)
                if person is not None and ("p", person) not in seen:
                    seen.add(("p", person))
                    relations.append((Relation(0, RelationKind.PARTICIPANT, record_id, person,
                                               None, role=link.role,
                                               title=link.title or None), link.span))
            for link in event.organizations:
                organization = self.record_ids.get(link.key)
                if organization is not None and ("o", organization) not in seen:
                    seen.add(("o", organization))
                    relations.append((Relation(0, RelationKind.EVENT_ORGANIZATION, record_id,
                                               organization, None, role=link.role), link.span))
            for country in event.countries:
                relations.append((Relation(0, RelationKind.EVENT_COUNTRY, record_id, None,
                                           country.code, role=country.role), country.span))
        relation_ids = suggestion_store.insert_relations(
            self.session, [relation for relation, _span in relations], user=self.user)
        self.report.relations += len(relation_ids)
        for (relation, span), relation_id in zip(relations, relation_ids, strict=True):
            self._span(relation.subject_id, span, relation_id=relation_id)

    def finish(self) -> None:
        """Write every evidence span gathered."""
        suggestion_store.insert_evidence(self.session, self.document_id, self.text,
                                         self.evidence, user=self.user)
        self.report.evidence += len(self.evidence)


def _store(session: Session, document_id: int, text: str, suggestions: DocumentSuggestions,
           index: _Index, report: SuggestionReport, minimum: float,
           progress: Progress | None) -> None:
    writer = _Writer(session, document_id, text, index, report)
    writer.named([o for o in suggestions.organizations if o.confidence >= minimum],
                 [p for p in suggestions.people if p.confidence >= minimum])
    if progress is not None:
        progress(1, 2)
    writer.events([e for e in suggestions.events if e.confidence >= minimum])
    writer.finish()
    if progress is not None:
        progress(2, 2)


def suggest(
    database: ProjectDatabase,
    document_ids: Sequence[int] | None = None,
    *,
    progress: Progress | None = None,
    minimum_confidence: float = MINIMUM_CONFIDENCE,
    workers: int | None = None,
) -> SuggestionReport:
    """Suggest records for the given documents (all by default), one unit of work each.

    `progress` hears (thousandths done, thousandths in all) and may cancel by raising
    OperationCancelled: documents done before stay, the one under way is undone. Several
    long documents are read by `workers` processes side by side (by default one a core when
    `batch.worth_parallel` says it pays) while this one stores what they found, in order.
    """
    started = time.perf_counter()
    report = SuggestionReport()
    with database.unit_of_work() as session:
        lengths = {info.id: info.length for info in list_documents(session)}
        index = _Index(session)
    ids = list(document_ids) if document_ids is not None else list(lengths)
    parallel = batch.worth_parallel([lengths.get(i, 0) for i in ids]) if workers is None \
        else workers > 1
    texts: deque[str] = deque()
    documents = _readings(database, ids, texts)
    suggested = batch.suggest_documents(documents, workers=workers) if parallel else \
        _read_here(documents, progress, len(ids))
    try:
        for number, document_id in enumerate(ids):
            if progress is not None:
                progress(number * 1000, len(ids) * 1000)
            suggestions = next(suggested)
            text = texts.popleft()
            storing = None if progress is None else \
                _half(_within(progress, number, len(ids)), second=True)
            with database.unit_of_work() as session:
                _store(session, document_id, text, suggestions, index, report,
                       minimum_confidence, storing)
            report.documents += 1
    finally:
        suggested.close()  # documents not begun are not read
    if progress is not None:
        progress(len(ids) * 1000, len(ids) * 1000)
    report.seconds = time.perf_counter() - started
    return report


def _read_here(documents: Iterator[batch.Reading], progress: Progress | None, count: int
               ) -> Generator[DocumentSuggestions, None, None]:
    """Each document read in this process, its progress the first half of its share."""
    for number, (text, sections) in enumerate(documents):
        reading = None if progress is None else \
            _half(_within(progress, number, count), second=False)
        yield suggest_document(text, sections, progress=reading)


def _readings(database: ProjectDatabase, ids: Sequence[int], texts: deque[str]
              ) -> Iterator[batch.Reading]:
    """Each document's text and sections, read as they are asked for; each text is also
    kept in `texts` for storing its evidence."""
    for document_id in ids:
        with database.unit_of_work() as session:
            text = document_text(session, document_id)
            sections = document_sections(session, document_id)
        texts.append(text)
        yield text, sections


def _within(progress: Progress, number: int, documents: int) -> Progress:
    """Progress inside the `number`-th of `documents`, in thousandths of the whole run."""
    def report(done: int, total: int) -> None:
        progress(number * 1000 + 1000 * done // max(total, 1), documents * 1000)
    return report


def _half(progress: Progress, *, second: bool) -> Progress:
    """Progress of reading (the first half of a document's share) or storing (the second)."""
    def report(done: int, total: int) -> None:
        progress(done + (total if second else 0), 2 * max(total, 1))
    return report


def suggested_record_ids(database: ProjectDatabase, document_id: int) -> set[int]:
    """Ids of the records with evidence in a document whose status is still suggested."""
    with database.unit_of_work() as session:
        spans: list[Evidence] = evidence_store.evidence_in_document(session, document_id)
        ids = {span.record_id for span in spans}
        return {record_id for record_id in ids
                if record_store.get_record(session, record_id).status
                is ReviewStatus.SUGGESTED}
