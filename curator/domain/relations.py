"""Relations between records (and countries), their roles, and the aliases records appear under."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from curator.domain.records import RecordKind


class RelationKind(StrEnum):
    """What a relation says: who took part in an event, who belongs to what, and so on."""

    PARTICIPANT = "participant"
    EVENT_ORGANIZATION = "event_organization"
    EVENT_COUNTRY = "event_country"
    AFFILIATION = "affiliation"
    PARENT = "parent"

    @property
    def spec(self) -> RelationSpec:
        """Which records it joins and which of role, title and dates it carries."""
        return RELATION_SPECS[self]


@dataclass(frozen=True)
class RelationSpec:
    """The shape of one kind of relation; `object_kind` None means the object is a country."""

    kind: RelationKind
    label: str
    subject_kind: RecordKind
    object_kind: RecordKind | None
    has_role: bool = False
    has_title: bool = False
    has_dates: bool = False

    @property
    def editable_fields(self) -> tuple[str, ...]:
        """Fields of a relation of this kind a curator may change after adding it."""
        other = "object_id" if self.object_kind is not None else "country_code"
        flags = (("role", self.has_role), ("title", self.has_title),
                 ("start_date", self.has_dates), ("end_date", self.has_dates))
        return (other, *(name for name, present in flags if present))


RELATION_SPECS: dict[RelationKind, RelationSpec] = {
    spec.kind: spec
    for spec in (
        RelationSpec(RelationKind.PARTICIPANT, "Participants", RecordKind.EVENT,
                     RecordKind.PERSON, has_role=True, has_title=True),
        RelationSpec(RelationKind.EVENT_ORGANIZATION, "Event organizations", RecordKind.EVENT,
                     RecordKind.ORGANIZATION, has_role=True),
        RelationSpec(RelationKind.EVENT_COUNTRY, "Event countries", RecordKind.EVENT, None,
                     has_role=True),
        RelationSpec(RelationKind.AFFILIATION, "Affiliations", RecordKind.PERSON,
                     RecordKind.ORGANIZATION, has_title=True, has_dates=True),
        RelationSpec(RelationKind.PARENT, "Parent organizations", RecordKind.ORGANIZATION,
                     RecordKind.ORGANIZATION),
    )
}
"""Every relation kind's shape. A relation is written on its subject: its history and version."""


@dataclass(frozen=True)
class Role:
    """One role of the vocabulary of a relation kind."""

    id: int
    relation_kind: RelationKind
    name: str
    name_zh: str = ""

    @property
    def label(self) -> str:
        """The role as the window shows it: its Chinese name when the language in use is
        Chinese and it has one, else its name (which is what is stored and exported)."""
        from curator.domain.translation import current_language

        return self.name_zh if self.name_zh and current_language().startswith("zh") else self.name


@dataclass(frozen=True)
class Relation:
    """A relation as stored: subject record, object record or country, role, title, dates."""

    id: int
    kind: RelationKind
    subject_id: int
    object_id: int | None
    country_code: str | None
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    version: int = 1

    def value(self, name: str) -> str | int | None:
        """One editable field by name (as `RelationSpec.editable_fields` names them)."""
        if name not in RELATION_FIELDS:
            raise KeyError(f"a relation has no field {name!r}")
        value: str | int | None = getattr(self, name)
        return value


RELATION_FIELDS = ("object_id", "country_code", "role", "title", "start_date", "end_date")
"""Every field of a relation that can be edited; which apply depends on its kind."""


@dataclass(frozen=True)
class RecordSide:
    """The record at one end of a relation, as a list shows it."""

    id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class RelationView:
    """A relation seen from one record: the relation and what stands at its other end.

    `other` is the record at the other end, or None for a country (then see
    `relation.country_code`). `as_subject` tells whether the record looked from is the
    subject (an event listing its participants) or the object (a person listing events).
    """

    relation: Relation
    as_subject: bool
    other: RecordSide | None
    country_name_en: str = ""
    country_name_zh: str = ""

    @property
    def subject_id(self) -> int:
        """The record the relation is written on (whose version and history it changes)."""
        return self.relation.subject_id


@dataclass(frozen=True)
class Alias:
    """Another form a record appears under in the sources ("Minister Fan", "LGOP")."""

    id: int
    record_id: int
    text: str


def describe_relation(
    relation: Relation, other: str, *, country_name: str = ""
) -> str:
    """A relation in a history line's words: "P-0001 Zheng Wenkai as head of delegation (…)".

    `other` names the object record (key and name); a country's code and name stand for it
    when the object is a country.
    """
    parts = [f"{relation.country_code} {country_name}".strip() if other == "" else other]
    if relation.role:
        parts.append(f"as {relation.role}")
    if relation.title:
        parts.append(f"({relation.title})")
    if relation.start_date or relation.end_date:
        parts.append(f"{relation.start_date or '…'} – {relation.end_date or '…'}")
    return " ".join(parts)
