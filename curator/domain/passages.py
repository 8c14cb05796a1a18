"""Passages of a document for search: its paragraphs, folded for matching, and a hit in one
found back in the original text as string offsets with a snippet around it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from curator.domain.scripts import to_simplified

_PARAGRAPH = re.compile(r"[^\n]+")
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 80


@dataclass(frozen=True)
class Passage:
    """A paragraph of a document: its span in the text and its folded form."""

    start: int
    end: int
    folded: str


def _fold_character(char: str) -> str:
    """One character folded: simplified, no case, no accents, white space a plain space."""
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", to_simplified(char).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict[int, str]):
    """`str.translate` table folding each character, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_character(chr(code))
        return folded


_FOLD = _FoldTable()


def fold_passage(text: str) -> str:
    """Text folded for matching: case, accents, simplified or traditional, and the kind of
    white space make no difference (國務院 and 国务院; Côte and cote)."""
    return text.translate(_FOLD)


def split_passages(text: str) -> list[Passage]:
    """The paragraphs (non-blank lines) of a document's text, in order."""
    passages = []
    for match in _PARAGRAPH.finditer(text):
        folded = fold_passage(match.group())
        if folded.strip():
            passages.append(Passage(match.start(), match.end(), folded))
    return passages


def locate(text: str, folded_query: str) -> tuple[int, int] | None:
    """Start and end offsets in `text` of the first place whose folded form is
    `folded_query`, or None."""
    folded: list[str] = []
    origin: list[int] = []  # the index in `text` each folded character comes from
    for index, char in enumerate(text):
        for folded_char in _FOLD[ord(char)]:
            folded.append(folded_char)
            origin.append(index)
    found = "".join(folded).find(folded_query)
    if found < 0 or not folded_query:
        return None
    return origin[found], origin[found + len(folded_query) - 1] + 1


@dataclass(frozen=True)
class Snippet:
    """A hit with some of the text around it, to show in a list of results."""

    before: str
    hit: str
    after: str

    @property
    def text(self) -> str:
        """The snippet as one line."""
        return self.before + self.hit + self.after


def snippet(text: str, start: int, end: int) -> Snippet:
    """The hit `text[start:end]` with up to a few dozen characters either side, on one line,
    cut at a space where there is one and marked … where cut."""
    before = text[max(0, start - SNIPPET_BEFORE):start]
    if start > SNIPPET_BEFORE:
        space = before.find(" ")
        before = "…" + (before[space + 1:] if 0 <= space < len(before) // 2 else before)
    after = text[end:end + SNIPPET_AFTER]
    if end + SNIPPET_AFTER < len(text):
        space = after.rfind(" ")
        after = (after[:space] if space > len(after) // 2 else after) + "…"
    return Snippet(before.replace("\n", " "), text[start:end], after.replace("\n", " "))
