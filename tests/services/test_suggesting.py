"""Suggestions stored: suggested records with evidence, nothing twice, existing records reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.errors import OperationCancelled
from curator.services import aliasing, annotating, editing, importing, relating, suggesting
from curator.store import records as record_store
from curator.store.database import ProjectDatabase

RELEASE = """Ministry News

On March 3, 2014, Vice Minister of Health Zhou Lin met with Dr. Maria Costa, Regional \
Director of the World Health Organization (WHO), in Beijing. Minister Zhou thanked Dr. Costa \
for the support of WHO.

From June 10 to 14, 2014, the Seminar on Rural Health Care, sponsored by the Ministry of \
Commerce and organized by the Rural Health Institute (RHI), was held in Chengdu. 30 officials \
from 8 countries, including Kenya, Laos and Nepal, attended the seminar.
"""


@pytest.fixture
def document(database: ProjectDatabase, tmp_path: Path) -> int:
    """A news release imported into the project."""
    source = tmp_path / "release.txt"
    source.write_text(RELEASE, encoding="utf-8")
    return importing.import_document(database, source).document_id


def _records(database: ProjectDatabase, kind: RecordKind) -> list:  # type: ignore[type-arg]
    with database.unit_of_work() as session:
        return record_store.all_records(session, kind)


def test_suggestions_are_stored_as_suggested_records_with_evidence(
        database: ProjectDatabase, document: int) -> None:
    report = suggesting.suggest(database, [document])
    people = {p.name_en: p for p in _records(database, RecordKind.PERSON)}
    assert set(people) == {"Zhou Lin", "Maria Costa"}
    assert people["Zhou Lin"].details["position"] == "Vice Minister of Health"
    assert all(p.status is ReviewStatus.SUGGESTED for p in people.values())
    organizations = {o.name_en: o for o in _records(database, RecordKind.ORGANIZATION)}
    assert organizations["World Health Organization"].details["acronym"] == "WHO"
    events = _records(database, RecordKind.EVENT)
    assert [(e.details["start_date"], e.details["end_date"]) for e in events] == [
        ("2014-03-03", None), ("2014-06-10", "2014-06-14")]
    assert events[1].details["participant_count"] == 30
    assert events[1].details["city"] == "Chengdu"
    assert report.created[RecordKind.EVENT] == 2
    assert annotating.record_evidence(database, people["Zhou Lin"].id)


def test_short_forms_become_aliases_of_the_person(database: ProjectDatabase,
                                                   document: int) -> None:
    suggesting.suggest(database, [document])
    zhou = next(p for p in _records(database, RecordKind.PERSON) if p.name_en == "Zhou Lin")
    assert [alias.text for alias in aliasing.record_aliases(database, zhou.id)] == [
        "Minister Zhou"]


def test_events_carry_relations_with_roles_from_the_wording(database: ProjectDatabase,
                                                             document: int) -> None:
    suggesting.suggest(database, [document])
    seminar = _records(database, RecordKind.EVENT)[1]
    views = relating.record_relations(database, seminar.id)
    roles = {(view.other.name_en if view.other else view.relation.country_code,
              view.relation.role) for view in views}
    assert ("Ministry of Commerce", "sponsor") in roles
    assert ("Rural Health Institute", "organizer") in roles
    assert {("KE", "participating"), ("LA", "participating"), ("NP", "participating")} <= roles


def test_running_twice_adds_nothing(database: ProjectDatabase, document: int) -> None:
    suggesting.suggest(database, [document])
    again = suggesting.suggest(database, [document])
    assert sum(again.created.values()) == 0
    assert again.evidence == again.relations == again.aliases == 0


def test_a_record_the_project_has_is_reused_and_left_as_the_curator_made_it(
        database: ProjectDatabase, document: int) -> None:
    made = relating.create_named_record(database, RecordKind.PERSON, "Zhou Lin (周林)")
    suggesting.suggest(database, [document])
    people = [p for p in _records(database, RecordKind.PERSON) if "Zhou" in p.name_en]
    assert [(p.id, p.status, p.details["position"]) for p in people] == [
        (made.id, ReviewStatus.DRAFT, None)]
    assert annotating.record_evidence(database, made.id)


def test_a_rejected_suggestion_is_not_proposed_again(database: ProjectDatabase,
                                                     document: int) -> None:
    suggesting.suggest(database, [document])
    first = _records(database, RecordKind.EVENT)[0]
    editing.change_status(database, first.id, ReviewStatus.REJECTED,
                          expected_version=first.version)
    suggesting.suggest(database, [document])
    assert len(_records(database, RecordKind.EVENT)) == 2


def test_accepting_a_suggestion_is_a_status_change_to_draft(database: ProjectDatabase,
                                                            document: int) -> None:
    suggesting.suggest(database, [document])
    person = _records(database, RecordKind.PERSON)[0]
    accepted = editing.change_status(database, person.id, ReviewStatus.DRAFT,
                                     expected_version=person.version)
    assert accepted.status is ReviewStatus.DRAFT
    assert person.id not in suggesting.suggested_record_ids(database, document)


def test_cancelling_keeps_nothing_of_the_document_under_way(database: ProjectDatabase,
                                                            document: int) -> None:
    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise OperationCancelled("stopped")

    with pytest.raises(OperationCancelled):
        suggesting.suggest(database, [document], progress=cancel)
    assert all(not _records(database, kind) for kind in RecordKind)
