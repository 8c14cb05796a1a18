"""Record kinds, review statuses, stable keys and the fields each kind of record carries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

FieldValue = str | int | None
"""The value of one editable field: text, a whole number, or nothing."""


def same_value(a: FieldValue, b: FieldValue) -> bool:
    """Whether two field values say the same (blank text is nothing; 0 is a number)."""

    def normal(value: FieldValue) -> FieldValue:
        if isinstance(value, str):
            return value.strip() or None
        return value

    return normal(a) == normal(b)


class RecordKind(StrEnum):
    """The three kinds of record a curator builds from a source."""

    EVENT = "event"
    PERSON = "person"
    ORGANIZATION = "organization"

    @property
    def key_prefix(self) -> str:
        """Letter that starts this kind's keys (E-0001, P-0001, O-0001)."""
        return self.value[0].upper()

    @property
    def label(self) -> str:
        """Human-readable singular name."""
        return self.value.capitalize()

    @property
    def plural_label(self) -> str:
        """Human-readable plural name."""
        return {"event": "Events", "person": "People", "organization": "Organizations"}[self.value]


class ReviewStatus(StrEnum):
    """Where a record stands in review; suggested records were proposed by the machine."""

    SUGGESTED = "suggested"
    DRAFT = "draft"
    NEEDS_REVIEW = "needs review"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        """Human-readable name of the status."""
        return self.value.capitalize()


_KEY_PATTERN = re.compile(r"^([EPO])-(\d{4,})$")


def format_key(kind: RecordKind, number: int) -> str:
    """The stable, human-readable key of the `number`-th record of `kind`."""
    if number < 1:
        raise ValueError(f"record numbers start at 1, not {number}")
    return f"{kind.key_prefix}-{number:04d}"


def parse_key(key: str) -> tuple[RecordKind, int]:
    """Split a key such as ``P-0012`` into its kind and number."""
    match = _KEY_PATTERN.match(key.strip())
    if match is None:
        raise ValueError(f"not a record key: {key!r}")
    prefix, number = match.groups()
    kind = next(k for k in RecordKind if k.key_prefix == prefix)
    return kind, int(number)


class FieldWidget(StrEnum):
    """How a field is edited in the form."""

    LINE = "line"
    TEXT = "text"
    CHOICE = "choice"
    INTEGER = "integer"
    DATE = "date"


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a record kind beyond its bilingual name."""

    name: str
    label: str
    widget: FieldWidget = FieldWidget.LINE
    choices: tuple[str, ...] = ()


EVENT_TYPES: tuple[str, ...] = (
    "visit abroad",
    "reception",
    "overseas training",
    "conference/forum",
    "seminar/training",
    "research",
    "exchange",
    "project",
    "agreement signing",
)

ORGANIZATION_KINDS: tuple[str, ...] = (
    "government",
    "international organization",
    "NGO",
    "university",
    "enterprise",
    "research institute",
    "bank",
)

DETAIL_FIELDS: dict[RecordKind, tuple[FieldSpec, ...]] = {
    RecordKind.EVENT: (
        FieldSpec("event_type", "Type", FieldWidget.CHOICE, ("", *EVENT_TYPES)),
        FieldSpec("start_date", "Start date", FieldWidget.DATE),
        FieldSpec("end_date", "End date", FieldWidget.DATE),
        FieldSpec("city", "City"),
        FieldSpec("country", "Country"),
        FieldSpec("participant_count", "Participants", FieldWidget.INTEGER),
        FieldSpec("description", "Description", FieldWidget.TEXT),
    ),
    RecordKind.PERSON: (
        FieldSpec("position", "Title / position"),
        FieldSpec("nationality", "Nationality"),
        FieldSpec("description", "Notes", FieldWidget.TEXT),
    ),
    RecordKind.ORGANIZATION: (
        FieldSpec("acronym", "Acronym"),
        FieldSpec("org_kind", "Kind", FieldWidget.CHOICE, ("", *ORGANIZATION_KINDS)),
        FieldSpec("country", "Country"),
        FieldSpec("description", "Notes", FieldWidget.TEXT),
    ),
}

NAME_FIELDS: tuple[str, ...] = ("name_en", "name_zh")


def editable_fields(kind: RecordKind) -> tuple[str, ...]:
    """Names of every field a curator may edit on a record of `kind`."""
    return NAME_FIELDS + tuple(spec.name for spec in DETAIL_FIELDS[kind])


_COMMON_LABELS = {"name_en": "Name (EN)", "name_zh": "Name (ZH)", "status": "Status",
                  "evidence": "Evidence"}


def field_label(kind: RecordKind, name: str) -> str:
    """What a curator calls a field (``participant_count`` is "Participants")."""
    if name in _COMMON_LABELS:
        return _COMMON_LABELS[name]
    return next((spec.label for spec in DETAIL_FIELDS[kind] if spec.name == name), name)


VOCABULARY_CONTEXTS = {"event_type": "event type", "org_kind": "organization kind"}
"""The fields whose values come from a vocabulary, and the catalog context of their values
(a bare "project" or "research" means something else elsewhere)."""


def vocabulary_label(name: str, value: str) -> str:
    """A vocabulary value as the window shows it, in the language in use; what is stored (and
    exported) stays the English value. Values a project added are shown as they are."""
    from curator.domain.translation import pgettext

    context = VOCABULARY_CONTEXTS.get(name)
    return pgettext(context, value) if context and value else value


def field_spec(kind: RecordKind, name: str) -> FieldSpec:
    """The spec of one detail field of `kind`."""
    for spec in DETAIL_FIELDS[kind]:
        if spec.name == name:
            return spec
    raise KeyError(f"{kind.label} has no field {name!r}")


@dataclass(frozen=True)
class RecordSummary:
    """What a record list shows of a record."""

    id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str
    status: ReviewStatus


@dataclass
class Record:
    """A whole record: bilingual name, status, version, audit trail and kind-specific fields."""

    id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str
    status: ReviewStatus
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    details: dict[str, FieldValue] = field(default_factory=dict)

    def value(self, name: str) -> FieldValue:
        """The value of an editable field, name or detail."""
        if name in NAME_FIELDS:
            return str(getattr(self, name))
        return self.details.get(name)
