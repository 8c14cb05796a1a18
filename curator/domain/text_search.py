"""Finding a typed phrase in a document's text: every occurrence, as string offsets."""

from __future__ import annotations

import re

MAX_OCCURRENCES = 10_000
"""More hits than this are not all marked: the phrase is too common to be useful."""

_SPACE = re.compile(r"\s+")


def find_occurrences(text: str, phrase: str, *, limit: int = MAX_OCCURRENCES
                     ) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of `phrase` in `text`, in order.

    Case is ignored, and a space in the phrase matches any run of white space (sources
    break lines and use non-breaking spaces where the reader typed a plain space).
    """
    words = [re.escape(word) for word in _SPACE.split(phrase.strip()) if word]
    if not words:
        return []
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    found = []
    for match in pattern.finditer(text):
        found.append((match.start(), match.end()))
        if len(found) >= limit:
            break
    return found
