"""Choosing a document's title: its headline, never a date line, menu or site name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from curator.domain.documents import Section
from curator.ingest.boilerplate import is_boilerplate
from curator.ingest.normalizing import normalize_text
from curator.ingest.sections import TITLE_LEVEL

MAX_TITLE_CHARS = 80
_MAX_HEADLINE_CHARS = 160  # a first line longer than this is a paragraph, not a headline
# What joins a headline and the site's name in a page's <title>: "Headline - Site", "标题_网站".
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|:]\s+|\s*[|｜_–—]\s*")
_SENTENCE_END = tuple(".。;；,，:：")


def choose_title(
    text: str,
    sections: Sequence[Section],
    *,
    page_title: str | None = None,
    page_heading: str | None = None,
) -> str:
    """The headline of a document, at most 80 characters ('' for a text without one).

    For a web page: the part of its <title> that stands as a line of the text (the site's
    name left off), else its first <h1>, else its <title>. Otherwise, and when those are
    boilerplate: the title heading, else the first line of content when it reads like a
    headline, else the first heading, else the first line of content shortened.
    """
    lines = [line.strip() for line in text.split("\n")]
    if page_title:
        page_title = normalize_text(" ".join(page_title.split()))
        standing = set(lines)
        for part in sorted(_TITLE_SEPARATORS.split(page_title), key=len, reverse=True):
            if part in standing and not is_boilerplate(part):
                return shortened(part)
    for candidate in (page_heading, page_title):
        if candidate and not is_boilerplate(candidate):
            return shortened(normalize_text(" ".join(candidate.split())))
    if sections and sections[0].level == TITLE_LEVEL:
        return sections[0].title
    first = next((line for line in lines if line and not is_boilerplate(line)), "")
    if sections and first and sections[0].start == text.find(first):
        return sections[0].title
    if first and len(first) <= _MAX_HEADLINE_CHARS and not first.endswith(_SENTENCE_END):
        return shortened(first)
    if sections:
        return sections[0].title
    return shortened(first)


def shortened(line: str) -> str:
    """A line cut to at most 80 characters, at a word boundary where there is one."""
    if len(line) <= MAX_TITLE_CHARS:
        return line
    cut = line[: MAX_TITLE_CHARS - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
