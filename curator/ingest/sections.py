"""Detecting the headings of a normalized text and the spans of text they cover."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from curator.domain.documents import Section
from curator.domain.language import is_cjk
from curator.ingest.boilerplate import is_boilerplate

if TYPE_CHECKING:
    from markdown_it.token import Token

TITLE_LEVEL = 0
"""Level of the document's title: a title line that is the first line of the text."""
TITLE_LINE_LEVEL = 1
BRACKET_LEVEL = 2

_MAX_BRACKET_TITLE = 120  # how far into a line a closing 】 may stand and still end a heading
_MAX_TITLE_WIDTH = 80  # in columns: a Chinese character counts as two
_MAX_TITLE_WORDS = 8
_SENTENCE_PUNCTUATION = frozenset(".。!！?？:：;；,，、…")
_CLOSING_QUOTES = "\"'”’」』»"
_MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?")
_LIST_MARKER = re.compile(r"(?:[A-Za-z]|[IVXLCDM]+)[.)](?:\s|$)")
_CODE_FENCE = ("```", "~~~")


@dataclass(frozen=True)
class Heading:
    """A heading found in a text, before the end of its span is known."""

    title: str
    start: int
    level: int


def detect_sections(text: str, *, markdown: bool = False) -> tuple[Section, ...]:
    """The sections of a normalized text, in document order.

    With `markdown` the headings are those a Markdown parser finds (``#`` and underlined
    headings alike, none in code or quotes); otherwise they are found line by line:

    A heading is a bracket heading ``【Title】`` (or one whose opening 【 was lost) at level 2,
    a Markdown heading at the level of its ``#`` count, or a short title line standing alone
    as its own paragraph, with text after it, at level 1 -- at level 0 when it is the first
    line of the text, the document's title. A section starts where its heading starts (after
    indentation) and ends where the next heading of the same or a higher (lower-numbered)
    level starts, or at the end of the text. Lines in Markdown code fences are no headings,
    nor are a web page's date lines, navigation and footers (`ingest.boilerplate`), nor a
    line followed by nothing but those.
    """
    headings = _markdown_headings(text) if markdown else _find_headings(text)
    return nest_headings(headings, len(text))


def nest_headings(headings: Iterable[Heading], length: int) -> tuple[Section, ...]:
    """Sections from headings in text order: each ends where the next heading of its level
    or a higher one starts, or at `length`, the end of the text."""
    sections: list[Section] = []
    open_sections: list[Heading] = []
    for heading in headings:
        while open_sections and open_sections[-1].level >= heading.level:
            sections.append(_closed(open_sections.pop(), heading.start))
        open_sections.append(heading)
    sections.extend(_closed(heading, length) for heading in open_sections)
    return tuple(sorted(sections, key=lambda section: section.start))


def _closed(heading: Heading, end: int) -> Section:
    return Section(title=heading.title, start=heading.start, end=end, level=heading.level)


def _find_headings(text: str) -> Iterator[Heading]:
    """Every heading of the text, line by line."""
    lines = text.split("\n")
    boilerplate = [is_boilerplate(line) for line in lines]
    # A heading needs content under it: a last line, or one above a footer, is no heading.
    last_content_line = max(
        (i for i, line in enumerate(lines) if line.strip() and not boilerplate[i]), default=-1
    )
    offset = 0
    in_code = False
    seen_content = False
    for index, line in enumerate(lines):
        body = line.lstrip()
        start = offset + len(line) - len(body)
        offset += len(line) + 1
        if body.startswith(_CODE_FENCE):
            in_code = not in_code
        elif body and not in_code and boilerplate[index]:
            continue
        elif body and not in_code:
            heading = _markdown_heading(body, start)
            if heading is None and index <= last_content_line:
                heading = _bracket_heading(body, start)
            if (
                heading is None
                and index < last_content_line
                and _stands_alone(lines, index)
                and _is_title_line(body)
            ):
                level = TITLE_LINE_LEVEL if seen_content else TITLE_LEVEL
                heading = Heading(body, start, level)
            if heading is not None:
                yield heading
        seen_content = seen_content or bool(body)


def _bracket_heading(body: str, start: int) -> Heading | None:
    """``【Title】`` at the start of a line, or ``Title】`` whose opening bracket is missing."""
    close = body.find("】", 0, _MAX_BRACKET_TITLE)
    if close < 0:
        return None
    if body.startswith("【"):
        title = body[1:close].strip()
        plausible = _has_letter(title)
    else:
        title = body[:close].strip()
        plausible = "【" not in title and _starts_like_title(title) and not _ends_sentence(title)
    return Heading(title, start, BRACKET_LEVEL) if plausible else None


def _markdown_heading(body: str, start: int) -> Heading | None:
    """``# Title`` to ``###### Title``, at the level of the number of ``#``."""
    match = _MARKDOWN_HEADING.fullmatch(body)
    if match is None or not match[2].strip():
        return None
    return Heading(match[2].strip(), start, len(match[1]))


def _markdown_headings(text: str) -> Iterator[Heading]:
    """The headings a Markdown parser finds, at the level of their ``#`` count (or 1, 2 for
    text underlined with ``=``, ``-``), starting at their first line after indentation."""
    from markdown_it import MarkdownIt  # imported when a Markdown file is read

    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    tokens = MarkdownIt("commonmark").parse(text)
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type != "heading_open" or opening.level != 0 or opening.map is None:
            continue
        title = " ".join(_plain_text(inline).split())
        if not title:
            continue
        first_line = opening.map[0]
        line = text[line_starts[first_line] : line_starts[first_line + 1] - 1]
        start = line_starts[first_line] + len(line) - len(line.lstrip())
        yield Heading(title, start, int(opening.tag[1:]))


def _plain_text(inline: Token) -> str:
    """The words of a heading without their markup (emphasis, links, code)."""
    parts = [child.content for child in inline.children or ()
             if child.type in ("text", "code_inline")]
    return "".join(parts) or inline.content


def _stands_alone(lines: list[str], index: int) -> bool:
    """Whether a line is a paragraph of its own: no text on the lines just before and after."""
    before = lines[index - 1] if index > 0 else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return not before.strip() and not after.strip()


def _is_title_line(body: str) -> bool:
    """A short line, starting like a title, that is neither a sentence nor a list item."""
    return (
        len(body) <= _MAX_TITLE_WIDTH  # cheap first: long lines are most of a text
        and _width(body) <= _MAX_TITLE_WIDTH
        and len(body.split()) <= _MAX_TITLE_WORDS
        and _starts_like_title(body)
        and _LIST_MARKER.match(body) is None
        and not _ends_sentence(body)
    )


def _starts_like_title(text: str) -> bool:
    return bool(text) and (text[0].isupper() or is_cjk(text[0]))


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSING_QUOTES)
    return bool(stripped) and stripped[-1] in _SENTENCE_PUNCTUATION


def _width(text: str) -> int:
    """Display width in columns: wide (Chinese) characters count as two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
