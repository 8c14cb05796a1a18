"""Which script a text is written in, and simplified/traditional Chinese conversion."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import cache

import opencc

from curator.domain.language import contains_cjk, is_cjk


class Script(StrEnum):
    """The script a short text such as a typed query is written in."""

    HAN = "han"
    LATIN = "latin"
    MIXED = "mixed"
    OTHER = "other"
    """No letters at all (digits, punctuation), or letters of neither script."""


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str, *, mainland_phrases: bool = False) -> str:
    """`text` in simplified characters (國務院 → 国务院).

    With `mainland_phrases`, Taiwan's wording is also replaced by the mainland's
    (坦尚尼亞 → 坦桑尼亚, 寮國 → 老挝): right for place names, wrong for people's names.
    """
    return _converter("tw2sp" if mainland_phrases else "t2s").convert(text)


def to_traditional(text: str) -> str:
    """`text` in traditional characters (国务院 → 國務院), character by character."""
    return _converter("s2t").convert(text)


def contains_han(text: str) -> bool:
    """Whether any character of `text` is a Han ideograph."""
    return contains_cjk(text)


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")


def detect_script(text: str) -> Script:
    """The script of `text`: Han, Latin, both (mixed), or neither (other)."""
    han = any(map(is_cjk, text))
    latin = any(map(_is_latin_letter, text))
    if han and latin:
        return Script.MIXED
    if han:
        return Script.HAN
    return Script.LATIN if latin else Script.OTHER
