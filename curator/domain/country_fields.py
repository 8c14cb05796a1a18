"""Record fields that hold a country: an ISO code, or text kept from before codes to be fixed."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.countries import country_name, resolve_country
from curator.domain.records import RecordKind

COUNTRY_FIELDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.EVENT: ("country",),
    RecordKind.PERSON: ("nationality",),
    RecordKind.ORGANIZATION: ("country",),
}
"""The detail fields of each kind whose value is an ISO 3166-1 alpha-2 country code."""


def is_country_field(kind: RecordKind, name: str) -> bool:
    """Whether field `name` of a `kind` record holds a country code."""
    return name in COUNTRY_FIELDS[kind]


def is_country_code(value: object) -> bool:
    """Whether a stored value is a country code ("BR"), not unresolved text ("Brazil and Peru").

    Migration 0002 kept the text it could not resolve; the form flags it for a curator.
    """
    return isinstance(value, str) and len(value) == 2 and resolve_country(value) == value


@dataclass(frozen=True)
class CountryValue:
    """A country field's value as a form or an export shows it."""

    stored: str
    code: str | None
    name_en: str
    name_zh: str

    @property
    def unresolved(self) -> bool:
        """Whether the value is text no country was found for (a curator should fix it)."""
        return self.code is None


def country_value(stored: str) -> CountryValue:
    """Names of a stored code in both languages; unresolved text has no code and no names."""
    if not is_country_code(stored):
        return CountryValue(stored, None, "", "")
    return CountryValue(stored, stored, country_name(stored, "en"), country_name(stored, "zh"))

