"""The forms a record's names are compared by: folded, titles removed, in either script and
in pinyin, so "Mr. FAN Xiaojian", "Fan Xiao-jian", 范小建先生 and 範小建 meet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from curator.domain.language import is_cjk
from curator.domain.names import strip_accents, strip_honorifics
from curator.domain.pinyin import fold_query, name_to_pinyin, text_to_pinyin
from curator.domain.records import RecordKind
from curator.domain.scripts import contains_han, to_traditional
from curator.domain.vocabulary_files import vocabulary_lines


class FormScript(StrEnum):
    """Where a name form comes from: Latin letters as written, Han characters, or the pinyin
    of Han characters."""

    LATIN = "latin"
    HAN = "han"
    PINYIN = "pinyin"


@dataclass(frozen=True)
class NameForm:
    """One key a name is matched by exactly, and the text it was made from."""

    key: str
    written: str
    script: FormScript
    alias: bool = False


def _latin_keys(folded: str, *, person: bool) -> set[str]:
    """Words run together ("fan xiao jian" and "fan xiaojian" meet), and a person's two-word
    name either way round ("Xiaojian Fan")."""
    words = folded.split()
    keys = {"".join(words)}
    if person and len(words) == 2:
        keys.add(words[1] + words[0])
    return keys - {""}


_CACHED = 1 << 18
"""Names remembered per function: a large project's names are folded and read once per
session, not once per rule and run (pinyin is ~0.1 ms a name)."""


_FIRST_PIECE = re.compile(r"[\s.,\-]+")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")
_ASCII_LYU = re.compile(r"(?<=l)yu")


@cache
def _title_starts() -> tuple[frozenset[str], frozenset[str]]:
    """The first word of each Latin title and the last character of each Chinese one: a
    name that has neither cannot hold a title, and is not run through the titles' pattern."""
    titles = vocabulary_lines("honorifics.txt")
    latin = {_FIRST_PIECE.split(title.casefold())[0] for title in titles
             if not contains_han(title)}
    return frozenset(latin), frozenset(title[-1] for title in titles if contains_han(title))


@lru_cache(maxsize=_CACHED)
def bare_name(text: str) -> str:
    """A name without its titles, spaces made single ("H.E. Mr. Fan" → "Fan")."""
    name = " ".join(text.split())
    latin, chinese = _title_starts()
    if _FIRST_PIECE.split(name.casefold(), maxsplit=1)[0] in latin or name[-1:] in chinese:
        return strip_honorifics(name)
    return name


@lru_cache(maxsize=_CACHED)
def folded(text: str) -> str:
    """`text` folded as names are compared (`fold_query`), remembered; plain ASCII text is
    folded without the Unicode steps it cannot need."""
    if text.isascii():
        text = _ASCII_LYU.sub("v", text.lower()).replace("'", "").replace("`", "")
        return " ".join(_ASCII_SEPARATORS.sub(" ", text).split())
    return fold_query(text)


@lru_cache(maxsize=_CACHED)
def reading(chinese: str, *, person: bool) -> str:
    """The pinyin of a Chinese name: as a person's name is written, else syllable by syllable."""
    return name_to_pinyin(chinese) if person else text_to_pinyin(chinese)


def _lone_surname(name: str) -> bool:
    """Whether what is left of a titled name is one word, or one or two Han characters."""
    return (len(name) <= 2 and all(map(is_cjk, name))) or (
        not contains_han(name) and len(folded(name).split()) == 1)


@lru_cache(maxsize=_CACHED)
def name_forms(text: str, *, kind: RecordKind, alias: bool = False) -> frozenset[NameForm]:
    """Every exact-match form of one name (or alias) of a record of `kind`."""
    name = bare_name(text)
    if not name or (name != " ".join(text.split()) and _lone_surname(name)):
        return frozenset()  # "Minister Zheng", 郑部长: a short form, not a name to match
    person = kind is RecordKind.PERSON
    key = folded(name)
    if not contains_han(name):
        return frozenset(NameForm(form, text, FormScript.LATIN, alias)
                         for form in _latin_keys(key, person=person))
    forms = {NameForm(key.replace(" ", ""), text, FormScript.HAN, alias)}
    if all(map(is_cjk, key.replace(" ", ""))):
        forms |= {NameForm(form, text, FormScript.PINYIN, alias)
                  for form in _latin_keys(folded(reading(name, person=person)), person=person)}
    return frozenset(forms)


def record_forms(
    kind: RecordKind, name_en: str, name_zh: str, aliases: Iterable[str] = ()
) -> set[NameForm]:
    """The forms of a record's two names and its aliases."""
    forms = set(name_forms(name_en, kind=kind) | name_forms(name_zh, kind=kind))
    for alias in aliases:
        forms |= name_forms(alias, kind=kind, alias=True)
    return forms


def han_name(name_zh: str) -> str:
    """A Chinese name's Han form without titles (simplified), to tell two Chinese names apart."""
    return folded(bare_name(name_zh)).replace(" ", "")


def spelling(kind: RecordKind, name_en: str, name_zh: str) -> str:
    """The Latin text a record's name is compared by for near-identical spellings: the English
    name without titles, else the Chinese name's pinyin; words sorted (token order ignored)."""
    name = bare_name(name_en)
    if not name or contains_han(name):
        chinese = bare_name(name_zh) or name
        if not chinese:
            return ""
        name = reading(chinese, person=kind is RecordKind.PERSON)
    return " ".join(sorted(folded(name).split()))


def names_meet(first: set[NameForm], second: set[NameForm]) -> bool:
    """Whether two records' forms say one name: a key both have as written, or one's pinyin
    that is the other's Latin name, unless both have Chinese names and they differ."""
    def keys(forms: set[NameForm], *scripts: FormScript) -> set[str]:
        return {form.key for form in forms if form.script in scripts}

    written = (FormScript.LATIN, FormScript.HAN)
    if keys(first, *written) & keys(second, *written):
        return True
    crossed = (keys(first, FormScript.PINYIN) & keys(second, FormScript.LATIN)
               or keys(first, FormScript.LATIN) & keys(second, FormScript.PINYIN))
    both_chinese = keys(first, FormScript.HAN) and keys(second, FormScript.HAN)
    return bool(crossed) and not both_chinese


@cache
def _characters_by_reading() -> dict[str, frozenset[str]]:
    """Han characters by toneless pinyin reading (every reading of each), from pypinyin."""
    from pypinyin.pinyin_dict import pinyin_dict

    found: dict[str, set[str]] = {}
    for code, readings in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FFF:
            for reading in readings.split(","):
                found.setdefault(fold_query(strip_accents(reading)), set()).add(chr(code))
    return {reading: frozenset(chars) for reading, chars in found.items()}


def is_pinyin(word: str) -> bool:
    """Whether a folded word is nothing but pinyin syllables ("xiaojian" is, "xiaojain" and
    "mellsop" are not): two such words a letter apart are two Chinese names, not a typo."""
    syllables = _characters_by_reading()
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in syllables
                             for start in range(max(0, end - 6), end))
    return bool(word) and reachable[-1]


def search_words(text: str, *, kind: RecordKind) -> set[str]:
    """Pieces a record of this name must contain somewhere in its names, for a database to
    narrow the records a name check compares: Latin words of two letters or more (a Chinese
    name's pinyin words too), and a Chinese name in simplified and traditional characters."""
    name = bare_name(text)
    words: set[str] = set()
    if contains_han(name):
        chinese = folded(name).replace(" ", "")
        words |= {chinese, to_traditional(chinese)}
        if all(map(is_cjk, chinese)):
            name = reading(name, person=kind is RecordKind.PERSON)
    return words | {word for word in folded(name).split() if len(word) >= 2}
