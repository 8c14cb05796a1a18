"""Comments on records: a short thread of who said what, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from curator.domain.text_safety import describe_character, first_control_character
from curator.domain.translation import _

MAX_COMMENT = 2000
"""Characters a comment may hold: a note to a colleague, not a document."""


@dataclass(frozen=True)
class Comment:
    """One comment on a record."""

    id: int
    record_id: int
    text: str
    created_at: datetime
    created_by: str


def clean_comment(text: str) -> str:
    """The comment as it is kept (trimmed); ValueError saying why it cannot be."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(_("A comment needs some text."))
    if len(cleaned) > MAX_COMMENT:
        raise ValueError(_("A comment holds at most {limit:,} characters, not "
                           "{count:,}.").format(limit=MAX_COMMENT, count=len(cleaned)))
    found = first_control_character(cleaned, allow_line_breaks=True)
    if found is not None:
        raise ValueError(_("A comment cannot hold {character}; remove it.").format(
            character=describe_character(found)))
    return cleaned
