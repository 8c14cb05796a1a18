"""Reading a PDF's text layer: lines by page, headings from its bookmarks or its type sizes."""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from curator.domain.translation import N_, _
from curator.errors import ImportRefused
from curator.ingest.layout import LaidOutText, TextLayout
from curator.ingest.sections import TITLE_LEVEL

if TYPE_CHECKING:
    from pypdf import PdfReader

_HEADING_SCALE = 1.15  # a line set this much larger than the body text is a heading
_MAX_HEADING_CHARS = 120
_PARAGRAPH_GAP = 1.4  # a gap this much wider than the page's usual line spacing ends a paragraph
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:page|第)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*页?"
                          r"[-–—\s]*", re.IGNORECASE)
NO_TEXT_LAYER = N_(
    "This PDF has no text layer: its pages are images (a scan), and Curator reads text, not "
    "pictures. Run it through OCR first (for example ocrmypdf, or “Recognize text” in a PDF "
    "editor) and import the result."
)


@dataclass
class _Line:
    """One line of a page: its text, the type size of most of it, and where it stands."""

    parts: list[str] = field(default_factory=list)
    sizes: Counter[float] = field(default_factory=Counter)
    height: float | None = None

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    @property
    def size(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 0.0


def read_pdf(data: bytes) -> LaidOutText:
    """The normalized text of a PDF's text layer, with its headings as sections.

    Headings are the PDF's bookmarks where they name lines of the text, else lines set in
    type larger than the body's. Raises ImportRefused for a damaged or password-protected
    file, and for a scan without a text layer.
    """
    reader = _open(data)
    pages = [_page_lines(page) for page in _pages(reader)]
    if not any(line.text for lines in pages for line in lines):
        raise ImportRefused(_(NO_TEXT_LAYER))
    bookmarks = _bookmark_levels(reader)
    level_of: Callable[[_Line], int | None] = (
        (lambda line: bookmarks.get(line.text)) if bookmarks else _size_levels(pages))
    layout = TextLayout()
    for lines in pages:
        for paragraph, level in _paragraphs(lines, level_of):
            layout.add_paragraph(paragraph, heading_level=level)
    return layout.finished()


def _open(data: bytes) -> PdfReader:
    from pypdf import PdfReader  # imported when a PDF is read
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs on its own; a damaged file is reported as a refusal instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportRefused(_("The PDF is protected by a password. Open it, save a copy "
                                  "without the password, and import that."))
        return reader
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ImportRefused(_("The PDF cannot be read; it may be damaged ({error}).").format(
                                error=error)) from error


def _pages(reader: PdfReader) -> Iterator[Any]:
    from pypdf.errors import PdfReadError

    try:
        yield from reader.pages
    except (PdfReadError, ValueError, KeyError) as error:
        raise ImportRefused(_("The PDF cannot be read; it may be damaged ({error}).").format(
                                error=error)) from error


def _page_lines(page: Any) -> list[_Line]:
    """The lines of a page's text layer, each with the type size most of it is set in."""
    lines = [_Line()]

    def visit(text: str, matrix: Sequence[float], text_matrix: Sequence[float],
              _font: object, font_size: float) -> None:
        size = round(abs(font_size) * _scale(text_matrix) * _scale(matrix), 1)
        for index, piece in enumerate(text.split("\n")):
            if index:
                lines.append(_Line())
            if piece.strip():
                line = lines[-1]
                line.parts.append(piece)
                line.sizes[size] += len(piece.strip())
                if line.height is None:
                    line.height = matrix[5] + text_matrix[5] * matrix[3]

    page.extract_text(visitor_text=visit)
    return [line for line in lines if line.text and not _PAGE_NUMBER.fullmatch(line.text)]


def _scale(matrix: Sequence[float]) -> float:
    """How much a transformation matrix enlarges type (the root of its determinant)."""
    return math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2])) or 1.0


def _size_levels(pages: list[list[_Line]]) -> Callable[[_Line], int | None]:
    """Heading level of a line by its type size: sizes larger than the body's, largest
    first (a document that opens with its one largest line has that as its title)."""
    characters: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            characters[line.size] += len(line.text)
    body = characters.most_common(1)[0][0]
    headings = [line for lines in pages for line in lines
                if line.size >= body * _HEADING_SCALE and _may_be_heading(line.text)]
    sizes = sorted({line.size for line in headings}, reverse=True)
    first = next(line for lines in pages for line in lines)
    largest = [line for line in headings if line.size == sizes[0]] if sizes else []
    title = largest[0] if len(largest) == 1 and largest[0] is first else None
    first_level = 0 if title is not None else 1

    def level_of(line: _Line) -> int | None:
        if line is title:
            return TITLE_LEVEL
        if line.size not in sizes or not _may_be_heading(line.text):
            return None
        return sizes.index(line.size) + first_level

    return level_of


def _may_be_heading(text: str) -> bool:
    return len(text) <= _MAX_HEADING_CHARS and any(char.isalpha() for char in text)


def _bookmark_levels(reader: PdfReader) -> dict[str, int]:
    """Heading level by title of the PDF's bookmarks (its outline), top level 1."""
    levels: dict[str, int] = {}

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            elif (title := " ".join(str(getattr(item, "title", "") or "").split())):
                levels.setdefault(title, level)

    try:
        walk(reader.outline, 1)
    except (ValueError, KeyError, TypeError):  # a damaged outline: type sizes will do
        return {}
    return levels


def _paragraphs(
    lines: list[_Line], level_of: Callable[[_Line], int | None]
) -> Iterator[tuple[str, int | None]]:
    """A page's paragraphs: headings alone, body lines together until a wider gap."""
    gaps = [above.height - below.height for above, below in zip(lines, lines[1:], strict=False)
            if above.height is not None and below.height is not None
            and above.height > below.height]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    paragraph: list[str] = []
    previous: _Line | None = None
    for line in lines:
        level = level_of(line)
        wide_gap = (previous is not None and previous.height is not None
                    and line.height is not None and usual_gap
                    and not 0 < previous.height - line.height <= usual_gap * _PARAGRAPH_GAP)
        if paragraph and (level is not None or wide_gap):
            yield "\n".join(paragraph), None
            paragraph = []
        if level is not None:
            yield line.text, level
        else:
            paragraph.append(line.text)
        previous = line
    if paragraph:
        yield "\n".join(paragraph), None
