"""Planning relations: affiliations (which give people their positions), parents,
participants with roles and titles, event organizations and event countries."""

from __future__ import annotations

import random
from collections.abc import Callable

from curator.domain.relations import RelationKind
from synthetic import names
from synthetic.records import Event, ProjectPlan, Record, Relation

_LEAD_ROLES = {
    "visit abroad": "head of delegation", "overseas training": "head of delegation",
    "reception": "host", "conference/forum": "speaker", "seminar/training": "speaker",
    "agreement signing": "signatory",
}
_OTHER_ROLES = {
    "visit abroad": ("member of delegation",), "overseas training": ("member of delegation",),
    "reception": ("met with",), "conference/forum": ("attendee", "speaker"),
    "seminar/training": ("attendee", "speaker"), "agreement signing": ("signatory", "attendee"),
}
_ORGANIZATION_ROLES = {
    "project": ("funder", "partner"), "conference/forum": ("organizer", "co-organizer", "sponsor"),
    "seminar/training": ("organizer", "co-organizer", "sponsor"),
    "visit abroad": ("host", "partner"), "reception": ("participant",),
}

_ABROAD = ("visit abroad", "reception", "overseas training")


class _Ids:
    """Relation ids handed out in order."""

    def __init__(self) -> None:
        self.last = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


def plan_relations(rng: random.Random, counts: dict[RelationKind, int],
                   plan: ProjectPlan) -> None:
    """Add `counts` relations of each kind to `plan` (and to its events' lists)."""
    next_id = _Ids()
    plan.relations += _affiliations(rng, counts[RelationKind.AFFILIATION], plan, next_id)
    plan.relations += _parents(rng, counts[RelationKind.PARENT], plan.organizations, next_id)
    plan.relations += _participants(rng, counts[RelationKind.PARTICIPANT], plan, next_id)
    plan.relations += _event_organizations(
        rng, counts[RelationKind.EVENT_ORGANIZATION], plan, next_id)
    plan.relations += _event_countries(rng, counts[RelationKind.EVENT_COUNTRY], plan, next_id)


def _distinct_pairs(rng: random.Random, count: int,
                    pick: Callable[[], tuple[int, int]]) -> list[tuple[int, int]]:
    """`count` different (subject index, object) pairs drawn with `pick`."""
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int]] = []
    while len(pairs) < count:
        pair = pick()
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    return pairs


def _affiliations(rng: random.Random, count: int, plan: ProjectPlan,
                  next_id: _Ids) -> list[Relation]:
    """People's affiliations; a person's first one names their position."""
    by_country: dict[str, list[Record]] = {}
    for organization in plan.organizations:
        by_country.setdefault(str(organization.detail["country"]), []).append(organization)

    def pick() -> tuple[int, int]:
        person_index = rng.randrange(len(plan.people))
        home = by_country.get(str(plan.people[person_index].detail["nationality"]))
        organization = rng.choice(home if home and rng.random() < 0.9 else plan.organizations)
        return person_index, organization.id

    relations = []
    for person_index, organization_id in _distinct_pairs(
            rng, min(count, len(plan.people) * len(plan.organizations)), pick):
        person = plan.people[person_index]
        organization = plan.record(organization_id)
        start_year = rng.randrange(1995, 2020)
        relations.append(Relation(
            id=next_id(), kind=RelationKind.AFFILIATION, subject_id=person.id,
            object_id=organization_id, title=person.title,
            start_date=str(start_year) if rng.random() < 0.7 else None,
            end_date=str(start_year + rng.randrange(1, 8)) if rng.random() < 0.3 else None))
        if person.detail["position"] is None and person.title:
            short = organization.detail["acronym"] or organization.name_en
            person.detail["position"] = f"{person.title} of {short}"
    return relations


def _parents(rng: random.Random, count: int, organizations: list[Record],
             next_id: _Ids) -> list[Relation]:
    """One parent for some organizations, always an earlier one, so there are no cycles."""
    children = sorted(rng.sample(range(1, len(organizations)), min(count, len(organizations) - 1)))
    return [
        Relation(id=next_id(), kind=RelationKind.PARENT, subject_id=organizations[child].id,
                 object_id=organizations[rng.randrange(min(child, 14) if rng.random() < 0.3
                                                       else child)].id)
        for child in children
    ]


def _participants(rng: random.Random, count: int, plan: ProjectPlan,
                  next_id: _Ids) -> list[Relation]:
    """People taking part in events: the first one leads, each with a role and often a title."""
    chinese = [person for person in plan.people if person.detail["nationality"] == "CN"]
    foreign = [person for person in plan.people if person.detail["nationality"] != "CN"]

    def pick() -> tuple[int, int]:
        event_index = rng.randrange(len(plan.events))
        pool = chinese if rng.random() < 0.6 or not foreign else foreign
        return event_index, rng.choice(pool or plan.people).id

    relations = []
    for event_index, person_id in _distinct_pairs(rng, count, pick):
        event = plan.events[event_index]
        event_type = str(event.detail["event_type"])
        role = (_LEAD_ROLES.get(event_type, "attendee") if not event.participants
                else rng.choice(_OTHER_ROLES.get(event_type, ("attendee",))))
        position = plan.record(person_id).detail["position"]
        relation = Relation(
            id=next_id(), kind=RelationKind.PARTICIPANT, subject_id=event.id,
            object_id=person_id, role=role,
            title=str(position) if position and rng.random() < 0.7 else None)
        event.participants.append(relation)
        relations.append(relation)
    return relations


def _event_organizations(rng: random.Random, count: int, plan: ProjectPlan,
                         next_id: _Ids) -> list[Relation]:
    """Organizations organizing, funding or hosting events; the well-known ones often."""
    well_known = plan.organizations[:len(names.WELL_KNOWN)]

    def pick() -> tuple[int, int]:
        pool = well_known if rng.random() < 0.25 else plan.organizations
        return rng.randrange(len(plan.events)), rng.choice(pool).id

    relations = []
    for event_index, organization_id in _distinct_pairs(rng, count, pick):
        event = plan.events[event_index]
        roles = _ORGANIZATION_ROLES.get(str(event.detail["event_type"]), ("participant",
                                                                          "partner"))
        relation = Relation(id=next_id(), kind=RelationKind.EVENT_ORGANIZATION,
                            subject_id=event.id, object_id=organization_id,
                            role=rng.choice(roles))
        event.organizations.append(relation)
        relations.append(relation)
    return relations


def _event_countries(rng: random.Random, count: int, plan: ProjectPlan,
                     next_id: _Ids) -> list[Relation]:
    """Countries events visit, are hosted by or take part from (ISO codes): one for each
    visit, reception and training abroad first, then more for any event."""
    abroad = [index for index, event in enumerate(plan.events)
              if event.detail["event_type"] in _ABROAD]
    rng.shuffle(abroad)
    first_countries = iter(abroad)  # every event abroad gets one country before any a second

    def pick() -> tuple[int, int]:
        event_index = next(first_countries, None)
        if event_index is None:
            event_index = rng.randrange(len(plan.events))
        return event_index, _code_number(names.partner_country(rng))

    relations = []
    for event_index, code_number in _distinct_pairs(rng, count, pick):
        event: Event = plan.events[event_index]
        event_type = str(event.detail["event_type"])
        role = ("visited" if event_type in ("visit abroad", "overseas training")
                else "host" if event_type == "conference/forum" and not event.countries
                else "participating")
        relation = Relation(id=next_id(), kind=RelationKind.EVENT_COUNTRY, subject_id=event.id,
                            country_code=_code(code_number), role=role)
        event.countries.append(relation)
        relations.append(relation)
    return relations


def _code_number(code: str) -> int:
    return ord(code[0]) * 256 + ord(code[1])


def _code(number: int) -> str:
    return chr(number // 256) + chr(number % 256)
