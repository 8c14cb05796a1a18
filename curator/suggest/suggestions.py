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
