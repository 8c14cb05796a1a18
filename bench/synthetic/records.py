"""Planning the made-up project's records, relations and aliases from one random generator."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from curator.domain.records import ReviewStatus
from curator.domain.relations import RelationKind
from synthetic import names
from synthetic import vocabulary as words

STATUS_WEIGHTS = {
    ReviewStatus.SUGGESTED: 15, ReviewStatus.DRAFT: 30, ReviewStatus.NEEDS_REVIEW: 15,
    ReviewStatus.APPROVED: 30, ReviewStatus.REJECTED: 10,
}
RELATION_SHARES = {
    RelationKind.PARTICIPANT: 0.50, RelationKind.EVENT_ORGANIZATION: 0.19,
    RelationKind.EVENT_COUNTRY: 0.18, RelationKind.AFFILIATION: 0.09, RelationKind.PARENT: 0.04,
}


@dataclass(frozen=True)
class ProjectSize:
    """How many of each thing a project of a given size factor holds."""

    documents: int
    organizations: int
    people: int
    events: int
    relations: dict[RelationKind, int]
    evidence: int

    @classmethod
    def at(cls, scale: float) -> ProjectSize:
        """The counts at `scale` (1.0: 200 documents, 170,000 records, 300,000 relations)."""
        total = round(300_000 * scale)
        relations = {kind: round(total * share) for kind, share in RELATION_SHARES.items()}
        relations[RelationKind.PARTICIPANT] += total - sum(relations.values())
        return cls(documents=max(1, round(200 * scale)),
                   organizations=max(len(names.WELL_KNOWN), round(20_000 * scale)),
                   people=max(10, round(50_000 * scale)), events=max(10, round(100_000 * scale)),
                   relations=relations, evidence=round(200_000 * scale))


@dataclass(slots=True)
class Relation:
    """A relation row as planned (its id is final)."""

    id: int
    kind: RelationKind
    subject_id: int
    object_id: int | None = None
    country_code: str | None = None
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass(slots=True)
class Record:
    """A record as planned: what every kind shares, its detail fields, its alias if any."""

    id: int
    kind: str
    number: int
    name_en: str
    name_zh: str
    status: str
    detail: dict[str, str | int | None]
    alias: str | None = None
    alias_id: int | None = None
    title: str | None = None
    """A person's title without the organization ("Vice Minister"), for the text."""


@dataclass(slots=True)
class Event(Record):
    """An event with what a chapter tells about it."""

    document: int = 0
    start: date = date(2000, 1, 1)
    end: date | None = None
    month_only: bool = False
    told: bool = True
    """Whether its chapter tells of it (others come from sources not in the project)."""
    participants: list[Relation] = field(default_factory=list)
    organizations: list[Relation] = field(default_factory=list)
    countries: list[Relation] = field(default_factory=list)


@dataclass
class ProjectPlan:
    """Every record and relation of the project, by kind, in id order."""

    organizations: list[Record]
    people: list[Record]
    events: list[Event]
    relations: list[Relation]

    def record(self, record_id: int) -> Record:
        """The organization or person with this id (ids are dense, organizations first)."""
        if record_id <= len(self.organizations):
            return self.organizations[record_id - 1]
        return self.people[record_id - len(self.organizations) - 1]

    @property
    def records(self) -> list[Record]:
        """Every record in id order."""
        return [*self.organizations, *self.people, *self.events]


def _status(rng: random.Random) -> str:
    return rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0].value


def plan_organizations(rng: random.Random, count: int) -> list[Record]:
    """The well-known organizations, then made-up ones, ids from 1."""
    seen = {org[0] for org in names.WELL_KNOWN}
    made = list(names.WELL_KNOWN[:count])
    made += [names.organization(rng, seen) for _ in range(count - len(made))]
    return [
        Record(id=number, kind="organization", number=number, name_en=en, name_zh=zh,
               status=_status(rng),
               detail={"acronym": short, "org_kind": kind, "country": code,
                       "description": None})
        for number, (en, zh, short, kind, code) in enumerate(made, start=1)
    ]


def plan_people(rng: random.Random, count: int, first_id: int) -> list[Record]:
    """People, three in five of them Chinese; positions come with affiliations later."""
    people = []
    for number in range(1, count + 1):
        chinese = rng.random() < 0.6
        if chinese:
            name_en, name_zh = names.chinese_person(rng)
            nationality, title = "CN", rng.choice(words.CHINESE_TITLES)
        else:
            (name_en, nationality), name_zh = names.foreign_person(rng), ""
            title = rng.choice(words.FOREIGN_TITLES)
        people.append(Record(
            id=first_id + number - 1, kind="person", number=number, name_en=name_en,
            name_zh=name_zh, status=_status(rng), title=title,
            detail={"position": title if rng.random() < 0.5 else None,
                    "nationality": nationality, "description": None}))
    return people


def plan_events(rng: random.Random, count: int, first_id: int,
                document_years: list[int], document_weights: list[float]) -> list[Event]:
    """Events spread over the documents in proportion to their size, dated in their year."""
    types, weights = zip(*words.EVENT_TYPE_WEIGHTS.items(), strict=True)
    documents = rng.choices(range(len(document_years)), document_weights, k=count)
    events = []
    for number, document in enumerate(documents, start=1):
        event_type = rng.choices(types, weights)[0]
        year = document_years[document]
        start = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        days = {"visit abroad": 10, "overseas training": 20, "conference/forum": 3,
                "seminar/training": 14}.get(event_type, 1)
        end = start + timedelta(days=rng.randrange(days))
        events.append(Event(
            id=first_id + number - 1, kind="event", number=number, name_en="", name_zh="",
            status=_status(rng), detail={"event_type": event_type}, document=document,
            start=start, end=end if end.year == year and end != start else None,
            month_only=event_type == "project" or rng.random() < 0.05,
            told=rng.random() < 0.75))
    return events
