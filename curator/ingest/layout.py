"""Laying out paragraphs read from a structured file (Word, PDF) as one normalized text."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.documents import Section
from curator.ingest.normalizing import normalize_text
from curator.ingest.sections import Heading, detect_sections, nest_headings


@dataclass(frozen=True)
class LaidOutText:
    """A normalized text and its sections, offsets into that text."""

    text: str
    sections: tuple[Section, ...]


class TextLayout:
    """Paragraphs joined by an empty line, headings remembered where they start.

    Each paragraph is normalized on its own, so normalizing the whole again changes nothing
    and the heading offsets stay true.
    """

    def __init__(self) -> None:
        self._paragraphs: list[str] = []
        self._headings: list[Heading] = []
        self._length = 0

    def add_paragraph(self, text: str, *, heading_level: int | None = None) -> None:
        """Add a paragraph (skipped when blank); a heading at `heading_level` if given."""
        text = normalize_text(text)
        if not text:
            return
        if self._paragraphs:
            self._length += 2  # the empty line between paragraphs
        if heading_level is not None:
            self._headings.append(Heading(" ".join(text.split()), self._length, heading_level))
        self._paragraphs.append(text)
        self._length += len(text)

    def finished(self) -> LaidOutText:
        """The text and its sections; sections found in the text when no heading was marked."""
        text = "\n\n".join(self._paragraphs)
        if not self._headings:
            return LaidOutText(text, detect_sections(text))
        return LaidOutText(text, nest_headings(self._headings, len(text)))
