"""A document cut into what the rules read: paragraphs, sentences and words with offsets.

Boilerplate (a web page's footer, navigation, date lines) and lines in another script than
the document's (the Chinese footer of an English page) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from curator.suggest.vocabulary import lines, words

_LEAD = re.compile(
    # a bracket heading, or one whose 【 was lost
    r"^(?:【[^】\n]{1,120}】|[^【】\n.!?]{1,120}】)?\s*"
    r"(?P<item>(?:\d{1,2}|[ivx]{1,4})[.)、]\s*(?=[A-Z\"“(])|\(\d{1,2}\)\s*)?"  # a list marker
)
_SENTENCE_END = re.compile(r"[.!?;](?:[\"”’)]*)\s+(?=[\"“‘(]?[A-Z0-9])")
WORD = re.compile(r"(?:[A-Z]\.){2,}(?:[A-Z]\b\.?)?|[^\W\d_](?:[\w&+]|['’\-](?=\w))*|\d+")
"""A word: letters and digits with inner apostrophes or hyphens, or a dotted acronym (P.R.C)."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph, by offsets into the document's text."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (a line of text) without its heading or list marker, and its sentences."""

    index: int
    start: int
    end: int
    heading: str
    sentences: tuple[Sentence, ...]
    listed: bool = False
    """Whether the paragraph is an item of a numbered list ("3. In June, …")."""


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_ASCII_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _letters(text: str) -> tuple[int, int]:
    """How many Han characters and how many other letters `text` holds."""
    han = len(_HAN.findall(text))
    return han, len(_NOT_LETTERS.sub("", text)) - han


def _han_and_ascii_letters(text: str) -> tuple[int, int]:
    """How many Han characters and how many ASCII letters `text` holds: quicker than
    `_letters`, and the ASCII letters most often decide."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    return len(_HAN.findall(text)), ascii_letters


def document_is_latin(text: str) -> bool:
    """Whether a text is written mostly in Latin letters (the rules read English)."""
    text = text[:200_000]
    han, ascii_letters = _han_and_ascii_letters(text)
    if ascii_letters > 2 * han:
        return True
    han, other = _letters(text)
    return other > 2 * han


MAX_FURNITURE = 300
"""Footers, navigation and date lines are short: a longer line is prose, even one that
says "copyright"."""


@cache
def _furniture() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """The boilerplate expressions that hold at a line's start, as one expression (they need
    not be searched for through the line), and the others each on its own: searched one by
    one they take a quarter less time than joined in one expression."""
    anchored = [line for line in lines("boilerplate.txt") if line.startswith("^")]
    floating = [line for line in lines("boilerplate.txt") if not line.startswith("^")]
    return _one_of(anchored), tuple(re.compile(line, re.IGNORECASE) for line in floating)


def _one_of(expressions: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{line})" for line in expressions) or "(?!)", re.IGNORECASE)


def _is_furniture(line: str) -> bool:
    anchored, floating = _furniture()
    return anchored.match(line) is not None or \
        any(expression.search(line) is not None for expression in floating)


def is_boilerplate(line: str, *, latin_document: bool) -> bool:
    """Whether a line is page furniture rather than text: footer, navigation, date line,
    or a line in Chinese in an English document."""
    if len(line) <= MAX_FURNITURE and _is_furniture(line):
        return True
    if latin_document and _HAN.search(line):
        han, ascii_letters = _han_and_ascii_letters(line)
        if ascii_letters >= han:
            return False
        han, other = _letters(line)
        return han > other
    return False


def _sentence_breaks(text: str) -> Iterator[int]:
    """Offsets just after each sentence's end within `text`."""
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == ".":
            before = WORD.findall(text[max(0, match.start() - 12): match.start() + 1])
            word = before[-1].rstrip(".").casefold() if before else ""
            if word in words("abbreviations.txt") or len(word) == 1:
                continue
        yield match.end()


def split_sentences(text: str, start: int, paragraph: int) -> tuple[Sentence, ...]:
    """The sentences of ``text`` (which stands at `start` in the document)."""
    sentences = []
    begin = 0
    for cut in (*_sentence_breaks(text), len(text)):
        piece = text[begin:cut]
        stripped = piece.strip()
        if stripped:
            offset = begin + piece.index(stripped[0])
            sentences.append(Sentence(start + offset, start + offset + len(stripped), stripped,
                                      paragraph))
        begin = cut
    return tuple(sentences)


def paragraphs(text: str) -> list[Paragraph]:
    """Every paragraph of the text that is not boilerplate, in order."""
    latin = document_is_latin(text)
    found: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip() or is_boilerplate(line, latin_document=latin):
            continue
        body = line.lstrip()
        body_start = line_start + len(line) - len(body)
        lead = _LEAD.match(body)
        heading = ""
        listed = bool(lead and lead.group("item"))
        if lead and lead.end():
            marker = lead.group(0)
            if "】" in marker:
                heading = marker[: marker.index("】")].lstrip("【").strip()
            body_start += lead.end()
            body = body[lead.end():]
        body = body.rstrip()
        if body:
            index = len(found)
            found.append(Paragraph(index, body_start, body_start + len(body), heading,
                                   split_sentences(body, body_start, index), listed))
    return found
