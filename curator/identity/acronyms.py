"""Acronyms and their expansions: "IPRCC" and "International Poverty Reduction Center in China"."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from curator.domain.names import strip_accents

MIN_ACRONYM = 2
MAX_ACRONYM = 12
MIN_PARTIAL = 4
"""An acronym found inside a longer expansion's initials ("LGOP" in the State Council
Leading Group Office of Poverty Alleviation…) must be this long: shorter runs of initials
match too many names by chance."""

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ACRONYM = re.compile(rf"^[A-Z][A-Za-z&]{{{MIN_ACRONYM - 1},{MAX_ACRONYM - 1}}}$")


@cache
def _stopwords() -> frozenset[str]:
    path = resources.files("curator.identity").joinpath("vocabularies", "acronym_stopwords.txt")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def acronym_key(text: str) -> str | None:
    """`text` as an acronym to look up ("IPRCC", "U.N.D.P." → UNDP), or None if it does not
    look like one (a single word of at least two capitals, mostly capitals)."""
    compact = re.sub(r"[.\s]", "", strip_accents(text.strip()))
    if not _ACRONYM.match(compact) or " " in text.strip().replace(". ", "."):
        return None
    capitals = sum(char.isupper() for char in compact)
    if capitals < MIN_ACRONYM or capitals * 3 < len(compact) * 2:
        return None
    return compact.replace("&", "").upper()


def initials(text: str) -> tuple[str, ...]:
    """The initials an acronym of `text` would have: with the small words skipped and with
    every word counted (only the first if both are the same); empty for fewer than two words."""
    words = _WORDS.findall(strip_accents(text))
    if len(words) < 2:
        return ()
    every = "".join(word[0] for word in words).upper()
    significant = "".join(word[0] for word in words if word.casefold() not in _stopwords())
    found = [significant.upper(), every]
    return tuple(dict.fromkeys(initial for initial in found if len(initial) >= MIN_ACRONYM))


def partial_initials(text: str) -> set[str]:
    """Runs of the significant initials of `text`, shorter than all of them but at least
    `MIN_PARTIAL` long: what a shortened acronym of a long name can be."""
    found = initials(text)
    if not found:
        return set()
    letters = found[0]
    return {
        letters[start:end]
        for start in range(len(letters))
        for end in range(start + MIN_PARTIAL, len(letters) + 1)
        if end - start < len(letters)
    }
