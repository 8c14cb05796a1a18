"""Suggestions written in bulk: every id comes back to its own record, relation and alias, on
SQLite and on PostgreSQL, whatever order the database returns inserted rows in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.services import aliasing, annotating, importing, relating, suggesting
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from tests.postgres_server import scratch_database

BULLETIN = """Cooperation Bulletin

On April 8, 2016, Minister of Agriculture Han Changfu met with Mr. Kanayo Nwanze, \
President of the International Fund for Agricultural Development (IFAD), in Beijing. \
Minister Han thanked Mr. Nwanze for the support of IFAD.

From May 16 to 27, 2016, the Workshop on Rural Finance, sponsored by the Ministry of \
Commerce and organized by the Asia-Pacific Rural Credit Association (APRACA), was held in \
Kunming. 24 officials from 9 countries, including Myanmar, Cambodia and Ghana, attended it.

On September 2, 2016, Vice Minister of Commerce Qian Keming and Ms. Ana Souza, Director of \
the Brazilian Cooperation Agency (ABC), signed a memorandum in Brasilia. Ms. Souza said the \
agency would send experts in 2017.
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectDatabase]:
    """An empty project in a file, and one on the team-mode server."""
    if request.param == "sqlite":
        database = ProjectDatabase.open(tmp_path / "bulk.curator")
        yield database
        database.close()
        return
    with scratch_database() as url:
        database = ProjectDatabase.open(url)
        yield database
        database.close()


@pytest.fixture
def suggested(project: ProjectDatabase, tmp_path: Path) -> ProjectDatabase:
    """The bulletin imported and suggested."""
    source = tmp_path / "bulletin.txt"
    source.write_text(BULLETIN, encoding="utf-8")
    document = importing.import_document(project, source).document_id
    suggesting.suggest(project, [document])
    return project


def _records(database: ProjectDatabase, kind: RecordKind) -> list:  # type: ignore[type-arg]
    with database.unit_of_work() as session:
        return record_store.all_records(session, kind)


def test_each_record_keeps_the_evidence_that_names_it(suggested: ProjectDatabase) -> None:
    named = _records(suggested, RecordKind.PERSON) + \
        _records(suggested, RecordKind.ORGANIZATION)
    assert {"Han Changfu", "Kanayo Nwanze", "Qian Keming", "Ana Souza"} <= {
        record.name_en for record in named}
    for record in named:
        quotes = {span.exact for span in annotating.record_evidence(suggested, record.id)
                  if span.relation_id is None and span.alias_id is None}
        acronym = str(record.details.get("acronym") or "")
        assert quotes <= {record.name_en, acronym}, record.name_en
        assert record.name_en in quotes


def test_each_relation_joins_the_event_its_sentence_tells(suggested: ProjectDatabase) -> None:
    events = {event.details["start_date"]: event for event in
              _records(suggested, RecordKind.EVENT)}
    workshop = relating.record_relations(suggested, events["2016-05-16"].id)
    assert {(view.other.name_en if view.other else view.relation.country_code,
             view.relation.role) for view in workshop} >= {
        ("Ministry of Commerce", "sponsor"),
        ("Asia-Pacific Rural Credit Association", "organizer"),
        ("MM", "participating"), ("KH", "participating"), ("GH", "participating")}
    meeting = relating.record_relations(suggested, events["2016-04-08"].id)
    assert {view.other.name_en for view in meeting if view.other} >= {
        "Han Changfu", "Kanayo Nwanze"}


def test_each_alias_belongs_to_its_person(suggested: ProjectDatabase) -> None:
    people = {p.name_en: p for p in _records(suggested, RecordKind.PERSON)}
    for name, surname in (("Han Changfu", "Han"), ("Kanayo Nwanze", "Nwanze"),
                          ("Ana Souza", "Souza")):
        texts = [a.text for a in aliasing.record_aliases(suggested, people[name].id)]
        assert texts and all(text.endswith(surname) for text in texts), name
