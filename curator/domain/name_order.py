"""Sorting names of either script together: Chinese by pinyin (surnames read as surnames),
Latin without case or accents, so 郑文凯 files beside Zheng Wenkai and Émile beside Emile."""

from __future__ import annotations

import unicodedata

from curator.domain.pinyin import name_to_pinyin
from curator.domain.scripts import contains_han


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def name_sort_key(name: str) -> tuple[str, int, str]:
    """A key that sorts English, Chinese and mixed names in one alphabetical order.

    A name with Han characters sorts by its pinyin; at equal spelling the Latin name comes
    first, then the characters (so 郑文凯 follows Zheng Wenkai); empty names sort last.
    """
    if not name.strip():
        return ("\U0010ffff", 0, "")
    if contains_han(name):
        return (_folded(name_to_pinyin(name)), 1, name)
    return (_folded(name), 0, name)
