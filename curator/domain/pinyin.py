"""Chinese names and text in pinyin, and the folded forms a search matches them by."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from curator.domain.names import fold_name
from curator.domain.scripts import contains_han, to_simplified
from curator.domain.vocabulary_files import vocabulary_lines, vocabulary_rows

# Syllables that start with a vowel take an apostrophe inside a word (Xi'an, Jian'an).
_VOWEL_START = ("a", "o", "e")
_NAME_PARTS = re.compile(r"[\s·•・‧]+")
_U_UMLAUT = re.compile(r"[üǖǘǚǜ]")
# ü after l or n is written v, u or yu in English texts (吕: Lv, Lu, Lyu); a search key
# carries each spelling, and a query is folded to v, so any of them finds any other.
_U_AFTER_L_N = re.compile(r"(?<=[ln])v")
_LYU = re.compile(r"(?<=l)yu")
_U_SPELLINGS = ("v", "u", "yu")


@cache
def _compound_surnames() -> frozenset[str]:
    return frozenset(vocabulary_lines("compound_surnames.txt"))


@cache
def _surname_readings() -> dict[str, str]:
    return dict(vocabulary_rows("surname_readings.tsv"))


def _syllables(text: str) -> list[str]:
    """Toneless pinyin of Han characters (ü as v); other runs kept, stripped, as they are,
    but for runs of punctuation alone."""
    # Imported on first use: pypinyin loads its dictionaries on import (about half a second).
    from pypinyin import Style, lazy_pinyin

    found = (syllable.strip() for syllable in lazy_pinyin(text, style=Style.NORMAL))
    return [syllable for syllable in found if any(map(str.isalnum, syllable))]


def _surname_and_given(zh: str) -> tuple[list[str], list[str]]:
    """The syllables of a Chinese name's surname and of its given name."""
    length = 2 if len(zh) > 2 and zh[:2] in _compound_surnames() else 1
    surname, given = zh[:length], zh[length:]
    reading = _surname_readings().get(surname)
    return ([reading] if reading else _syllables(surname)), _syllables(given)


def _word(syllables: list[str]) -> str:
    """Syllables joined into one word, with an apostrophe where a syllable starts with a vowel."""
    word = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        word += ("'" if syllable.startswith(_VOWEL_START) else "") + syllable
    return word


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


def name_to_pinyin(zh: str) -> str:
    """A Chinese name as English texts write it: surname first, given name as one word,
    surnames read as surnames (范小建 → Fan Xiaojian, 曾培炎 → Zeng Peiyan, 吕 → Lv).

    A name of several parts (阿沛·阿旺晋美) gives one word per part; text without Han
    characters is returned as it is.
    """
    name = to_simplified(" ".join(zh.split()))
    if not contains_han(name):
        return name
    parts = [part for part in _NAME_PARTS.split(name) if part]
    if len(parts) > 1:
        return " ".join(_capitalized(_word(_syllables(part))) for part in parts)
    surname, given = _surname_and_given(name)
    return " ".join(_capitalized(_word(part)) for part in (surname, given) if part)


def text_to_pinyin(zh: str) -> str:
    """Chinese text (an organization, a place) as toneless syllables separated by spaces
    (国务院扶贫办 → guo wu yuan fu pin ban); other characters are kept."""
    return " ".join(_syllables(to_simplified(zh)))


def fold_query(query: str) -> str:
    """A typed query folded as search keys are: lowercase, simplified, no accents or
    punctuation, ü (and lyu) written v, single spaces."""
    text = unicodedata.normalize("NFKC", query).casefold()
    text = _LYU.sub("v", _U_UMLAUT.sub("v", text))
    return fold_name(text)


def _u_spellings(form: str) -> set[str]:
    """`form` with each ü after l or n written v, u and yu."""
    return {_U_AFTER_L_N.sub(spelling, form) for spelling in _U_SPELLINGS}


def _pinyin_forms(zh: str, *, person: bool) -> set[str]:
    """Pinyin forms of Han text: syllables spaced and run together, and for a person also
    as the name is written, either way round."""
    text = to_simplified(" ".join(zh.split()))
    if not person or _NAME_PARTS.search(text):
        syllables = fold_query(" ".join(_syllables(text)))
        return {syllables, syllables.replace(" ", "")}
    surname, given = (fold_query(" ".join(part)) for part in _surname_and_given(text))
    surname_word, given_word = surname.replace(" ", ""), given.replace(" ", "")
    syllables = f"{surname} {given}".strip()
    return {
        syllables,
        syllables.replace(" ", ""),
        f"{surname_word} {given_word}".strip(),
        f"{given_word} {surname_word}".strip(),
    }


def pinyin_search_forms(text: str, *, person: bool = False) -> set[str]:
    """Every folded form a search should find `text` by, to match a `fold_query` as a substring.

    The text itself folded (国務院 as 国务院, Lü as lv and lu), and for Han text its pinyin,
    spaced and run together, with ü as v, u and yu; `person` reads the first character as a
    surname (曾 zeng, not ceng) and adds the name written given-name first.
    """
    forms = {fold_query(text), fold_name(text)}
    if contains_han(text):
        forms |= _pinyin_forms(text, person=person)
    forms = {_LYU.sub("v", form) for form in forms}
    return {spelling for form in forms if form for spelling in _u_spellings(form)}
