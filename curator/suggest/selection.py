"""A curator's selection read by the suggestion rules: the fields of the record it makes.

"Vice Minister of LGOP Zheng Wenkai" is the person Zheng Wenkai with that title; "From June
12 to 22, 2012" an event from the 12th to the 22nd; "Asian Development Bank (ADB)" a bank with
its acronym. Whatever the rules cannot place stays in the name, as typed in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from curator.domain.records import FieldValue, RecordKind
from curator.suggest import events as event_rules
from curator.suggest.date_mentions import find_dates
from curator.suggest.organizations import find_organizations
from curator.suggest.people import find_people
from curator.suggest.places import find_participant_count, find_venue
from curator.suggest.tokens import capitalized_runs, lowercase_vocabulary, tokenize

CONTEXT = 20_000
"""How much text on either side of a selection tells its year and the document's words."""
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass
class SelectionFields:
    """The name the selected words give a record, and what else they say of it."""

    name_en: str
    details: dict[str, FieldValue] = field(default_factory=dict)


def read_selection(kind: RecordKind, text: str, *, year: int | None = None,
                   lowercase: frozenset[str] = frozenset()) -> SelectionFields:
    """The fields of a record of `kind` made from the selected `text` (in one script: the
    caller puts Chinese characters in the Chinese name). A date without a year takes `year`;
    `lowercase` holds words the document writes in lower case (a name is not made of them)."""
    text = " ".join(text.split())
    if kind is RecordKind.PERSON:
        return _person(text, lowercase)
    if kind is RecordKind.ORGANIZATION:
        return _organization(text)
    return _event(text, year)


def _person(text: str, lowercase: frozenset[str]) -> SelectionFields:
    tokens = tokenize(text)
    people = find_people(tokens, text, lowercase, capitalized_runs(tokens))
    if not people:
        return SelectionFields(text)
    person = max(people, key=lambda mention: (bool(mention.title), len(mention.words)))
    details: dict[str, FieldValue] = {}
    if person.title:
        details["position"] = person.title
    if person.nationality:
        details["nationality"] = person.nationality
    return SelectionFields(person.name, details)


def _organization(text: str) -> SelectionFields:
    tokens = tokenize(text)
    found, _others = find_organizations(tokens, text, blocked=set(),
                                        runs=capitalized_runs(tokens))
    if not found:
        return SelectionFields(text)
    organization = max(found, key=lambda mention: (mention.end - mention.start,
                                                   bool(mention.acronym)))
    details: dict[str, FieldValue] = {}
    for key, value in (("acronym", organization.acronym), ("org_kind", organization.kind),
                       ("country", organization.country)):
        if value:
            details[key] = value
    return SelectionFields(organization.name, details)


def _event(text: str, year: int | None) -> SelectionFields:
    dates = find_dates(text, year=year)
    details: dict[str, FieldValue] = {}
    name = text
    if dates:
        date = dates[0]
        details["start_date"] = date.first.iso()
        if date.last is not None:
            details["end_date"] = date.last.iso()
        event_type = event_rules.wording_type(text)
        title = event_rules.event_title(text, event_type, date.end)
        name = title or text
        if event_type:
            details["event_type"] = event_type
    venue = find_venue(text)
    if venue is not None:
        details.update({key: value for key, value in (("city", venue.city),
                                                      ("country", venue.country)) if value})
    count = find_participant_count(text)
    if count is not None:
        details["participant_count"] = count
    return SelectionFields(name, details)



def year_before(text: str, at: int) -> int | None:
    """The year a date at `at` without one takes: the last date before it that gives one,
    else the first year the document names."""
    given = [date for date in find_dates(text[max(0, at - CONTEXT):at]) if date.year_given]
    if given:
        last = given[-1]
        return (last.last or last.first).year
    match = _YEAR.search(text)
    return int(match.group()) if match else None


def lowercase_around(text: str, start: int, end: int) -> frozenset[str]:
    """The words written in lower case around a selection (a name is not made of them)."""
    return lowercase_vocabulary(text[max(0, start - CONTEXT):end + CONTEXT])
