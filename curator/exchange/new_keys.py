"""Placeholder keys: how a row added to a workbook names a record that does not exist yet.

A new row of a record sheet may carry, instead of an empty key, a key of the user's making that
begins with NEW ("NEW-1", "NEW Li Wei"); rows of the relation sheets, Aliases and Comments of
the same workbook may then use it wherever a record's key goes. On import the record gets its
real key (P-0042) and those rows point at it. Placeholders are matched ignoring case and spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.records import RecordKind
from curator.domain.translation import _

PLACEHOLDER_PREFIX = "NEW"


def placeholder(text: str | None) -> str | None:
    """`text` as a placeholder key (upper case, spaces squeezed), or None if it is not one."""
    if text is None:
        return None
    squeezed = " ".join(text.split()).upper()
    return squeezed if squeezed.startswith(PLACEHOLDER_PREFIX) else None


def is_placeholder(key: str) -> bool:
    """Whether `key` (as read from a workbook) names a record the import adds."""
    return key.startswith(PLACEHOLDER_PREFIX)


@dataclass(frozen=True)
class NewKey:
    """Where a placeholder is defined: the new record's kind and its row."""

    kind: RecordKind
    sheet: str
    row: int


class NewKeys:
    """The placeholders a workbook's record sheets define, for the other sheets to use."""

    def __init__(self) -> None:
        self.defined: dict[str, NewKey] = {}

    def define(self, key: str, kind: RecordKind, sheet: str, row: int) -> str | None:
        """Take `key` for the new record on `row`; a message if another row has it already."""
        known = self.defined.get(key)
        if known is not None:
            return _("{key} is the key of the new record on row {row} of {sheet} already; "
                     "give each new record its own.").format(key=key, row=known.row,
                                                            sheet=known.sheet)
        self.defined[key] = NewKey(kind, sheet, row)
        return None

    def check(self, key: str, kind: RecordKind | None) -> str | None:
        """A message if no new row has `key`, or if it is not of `kind` (None: any kind)."""
        known = self.defined.get(key)
        if known is None:
            return _("no new row has the key {key}: type it in the Key column of the row you "
                     "add to People, Events or Organizations.").format(key=key)
        if kind is not None and known.kind is not kind:
            return _("{key} names a new {found} (row {row} of {sheet}), but this column takes "
                     "the keys of {wanted}.").format(
                key=key, found=_(known.kind.label).lower(), row=known.row, sheet=known.sheet,
                wanted=_(kind.plural_label).lower())
        return None
