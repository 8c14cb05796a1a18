"""Comparing people's and organizations' names: folding to one key, removing titles."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from curator.domain.language import is_cjk
from curator.domain.scripts import contains_han, to_simplified
from curator.domain.vocabulary_files import vocabulary_lines

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_SEPARATORS = re.compile(r"[^\w]+|_")


def strip_accents(text: str) -> str:
    """`text` without combining marks (Côte → Cote, Lǚ → Lu)."""
    bare = (char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", "".join(bare))


def fold_name(text: str) -> str:
    """The key two spellings of one name share: no case, accents, punctuation or traditional
    characters, single spaces between words and none between Han characters."""
    if text.isascii():  # most names: nothing to normalize, simplify or strip of accents
        return " ".join(_SEPARATORS.sub(" ", _APOSTROPHES.sub("", text.lower())).split())
    text = to_simplified(unicodedata.normalize("NFKC", text))
    text = _APOSTROPHES.sub("", strip_accents(text.casefold()))
    return _join_words(_SEPARATORS.sub(" ", text).split())


def _join_words(words: list[str]) -> str:
    """Words joined by single spaces, but none between two Han characters (范 小建)."""
    joined = words[:1]
    for word in words[1:]:
        joined.append(word if is_cjk(joined[-1][-1]) and is_cjk(word[0]) else " " + word)
    return "".join(joined)


def _title_pattern(title: str) -> str:
    """A title as a regular expression: periods optional, a hyphen or space any separator."""
    parts = []
    for char in title:
        if char == ".":
            parts.append(r"\.?")
        elif char in " -":
            parts.append(r"[\s-]*")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@cache
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Latin titles opening a name, and Chinese titles closing it, longest first."""
    titles = sorted(vocabulary_lines("honorifics.txt"), key=len, reverse=True)
    latin = "|".join(_title_pattern(title) for title in titles if not contains_han(title))
    chinese = "|".join(re.escape(title) for title in titles if contains_han(title))
    return (
        re.compile(rf"^(?:{latin})(?:\s+|(?<=\.)|,\s*)", re.IGNORECASE),
        re.compile(rf"\s*(?:{chinese})$"),
    )


def strip_honorifics(text: str) -> str:
    """`text` without the titles around the name ("H.E. Mr. Fan Xiaojian", "范小建先生").

    A text that is nothing but a title is returned as it is.
    """
    opening, closing = _title_patterns()
    name = " ".join(text.split())
    while True:
        stripped = opening.sub("", name, count=1)
        if stripped and is_cjk(stripped[-1]):
            stripped = closing.sub("", stripped, count=1)
        if not stripped or stripped == name:
            return name
        name = stripped
