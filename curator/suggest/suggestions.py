"""What the rules propose for one document: records with their evidence and relations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Offsets of the words in the document that support a suggestion."""

    start: int
    end: int


@dataclass
class SuggestedOrganization:
    """An organization with every place the document names it."""

    key: str
    name: str
    acronym: str = ""
    kind: str | None = None
    country: str | None = None
    name_zh: str = ""
    confidence: float = 0.85
    mentions: list[Span] = field(default_factory=list)


@dataclass
class SuggestedPerson:
    """A person with their title, and the shorter forms the document calls them by."""

    key: str
    name: str
    title: str = ""
    nationality: str | None = None
    name_zh: str = ""
    affiliation: str | None = None
    """Key of the organization the title names ("Vice Minister of LGOP")."""
    confidence: float = 0.85
    mentions: list[Span] = field(default_factory=list)
    aliases: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(frozen=True)
class SuggestedLink:
    """An event's tie to a person or organization (by key) and the role the wording gives."""

    key: str
    role: str | None
    span: Span
    title: str = ""


@dataclass(frozen=True)
class SuggestedCountry:
    """A country an event involves, and how."""

    code: str
    role: str
    span: Span


@dataclass
class SuggestedEvent:
    """One dated activity."""

    title: str
    event_type: str | None
    start_date: str
    end_date: str | None
    span: Span
    city: str | None = None
    country: str | None = None
    participant_count: int | None = None
    confidence: float = 0.8
    participants: list[SuggestedLink] = field(default_factory=list)
    organizations: list[SuggestedLink] = field(default_factory=list)
    countries: list[SuggestedCountry] = field(default_factory=list)


@dataclass
class DocumentSuggestions:
    """Everything suggested for one document."""

    events: list[SuggestedEvent] = field(default_factory=list)
    people: list[SuggestedPerson] = field(default_factory=list)
    organizations: list[SuggestedOrganization] = field(default_factory=list)


# -- crossing between processes ------------------------------------------------------------
# Pickling these dataclasses one by one took a fifth of the rules' own time for the
# generated chapters (2 MB of pickle for 10 chapters); as nested tuples of plain values they
# cross in a fourth of the bytes and a tenth of the time. `tests/suggest/test_batch.py`
# checks that every field makes the trip.

PlainSuggestions = tuple[list[tuple], list[tuple], list[tuple]]


def _plain_link(link: SuggestedLink) -> tuple:
    return link.key, link.role, link.span.start, link.span.end, link.title


def _link(plain: tuple) -> SuggestedLink:
    return SuggestedLink(plain[0], plain[1], Span(plain[2], plain[3]), plain[4])


def to_plain(suggestions: DocumentSuggestions) -> PlainSuggestions:
    """The suggestions as tuples of strings and numbers, for `from_plain` to rebuild."""
    return (
        [(e.title, e.event_type, e.start_date, e.end_date, e.span.start, e.span.end, e.city,
          e.country, e.participant_count, e.confidence,
          [_plain_link(link) for link in e.participants],
          [_plain_link(link) for link in e.organizations],
          [(c.code, c.role, c.span.start, c.span.end) for c in e.countries])
         for e in suggestions.events],
        [(p.key, p.name, p.title, p.nationality, p.name_zh, p.affiliation, p.confidence,
          [(s.start, s.end) for s in p.mentions],
          {alias: [(s.start, s.end) for s in spans] for alias, spans in p.aliases.items()})
         for p in suggestions.people],
        [(o.key, o.name, o.acronym, o.kind, o.country, o.name_zh, o.confidence,
          [(s.start, s.end) for s in o.mentions])
         for o in suggestions.organizations],
    )


def from_plain(plain: PlainSuggestions) -> DocumentSuggestions:
    """The suggestions `to_plain` gave."""
    events, people, organizations = plain
    return DocumentSuggestions(
        events=[SuggestedEvent(e[0], e[1], e[2], e[3], Span(e[4], e[5]), e[6], e[7], e[8],
                               e[9], participants=[_link(link) for link in e[10]],
                               organizations=[_link(link) for link in e[11]],
                               countries=[SuggestedCountry(c[0], c[1], Span(c[2], c[3]))
                                          for c in e[12]])
                for e in events],
        people=[SuggestedPerson(p[0], p[1], p[2], p[3], p[4], p[5], p[6],
                                mentions=[Span(*s) for s in p[7]],
                                aliases={alias: [Span(*s) for s in spans]
                                         for alias, spans in p[8].items()})
                for p in people],
        organizations=[SuggestedOrganization(o[0], o[1], o[2], o[3], o[4], o[5], o[6],
                                             mentions=[Span(*s) for s in o[7]])
                       for o in organizations],
    )
