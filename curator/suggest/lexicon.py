"""What the rules know of single words and names: titles, honorifics, organization heads,
countries, places, nationalities, pinyin — all read from the vocabularies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from curator.domain.countries import all_countries, resolve_country
from curator.domain.scripts import contains_han
from curator.domain.vocabulary_files import vocabulary_rows
from curator.suggest.vocabulary import lines, rows, words

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le",
                        "da", "do", "dos", "&", "van", "von", "der", "al", "bin"})
"""Lower-case words that may stand inside a capitalized name ("Ministry of Commerce")."""


def _bare(word: str) -> str:
    return word.rstrip(".").casefold()


@cache
def title_heads() -> frozenset[str]:
    """Folded words that head a title (minister, director-general)."""
    return words("titles.txt", folded=True)


@cache
def title_modifiers() -> frozenset[str]:
    """Folded words that stand in a title without heading it (vice, senior)."""
    return words("title_modifiers.txt", folded=True)


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(_bare(line).replace(".", "") for line in lines("honorifics.txt"))


def is_honorific(word: str) -> bool:
    """Mr., Ms, H.E., Dr. — but not "He", which is a pronoun (or a surname)."""
    if word == "He" or word == "HE":
        return False
    return word[:1].isupper() and _bare(word).replace(".", "") in _honorifics()


@cache
def organization_heads() -> dict[str, str]:
    """Capitalized words that make a phrase an organization, with the kind they suggest."""
    return {row[0]: row[1] for row in rows("organization_heads.tsv")}


@cache
def government_heads() -> frozenset[str]:
    """Organization heads after which "of <country>" names the country."""
    return words("government_heads.txt")


@cache
def event_nouns() -> frozenset[str]:
    """Capitalized nouns naming an event (Seminar, Forum)."""
    return words("event_nouns.txt")


@cache
def function_words() -> frozenset[str]:
    """Capitalized words that open sentences and are never part of a name."""
    return words("function_words.txt")


@cache
def not_names() -> frozenset[str]:
    """Capitalized words that are never part of a person's name."""
    return words("not_names.txt", folded=True)


@cache
def pinyin_syllables() -> frozenset[str]:
    """Toneless pinyin syllables."""
    return words("pinyin_syllables.txt")


@cache
def _pinyin_word() -> re.Pattern[str]:
    syllables = sorted(pinyin_syllables(), key=len, reverse=True)
    alternation = "|".join(syllables)
    return re.compile(rf"(?:{alternation})(?:'?(?:{alternation}))?")


def is_pinyin_word(word: str, *, syllables: tuple[int, int] = (1, 2)) -> bool:
    """Whether `word` (capitalized, the rest lower case) is one or two pinyin syllables."""
    if not (word[:1].isupper() and word[1:].islower() or len(word) == 1) or not word.isascii():
        return False
    lowered = word.casefold().replace("'", "").replace("’", "")
    if syllables == (1, 1):
        return lowered in pinyin_syllables()
    two = _pinyin_word().fullmatch(lowered) is not None
    if syllables == (2, 2):
        return two and lowered not in pinyin_syllables()
    return two


@cache
def pinyin_function_words() -> frozenset[str]:
    """Function words that are also pinyin surnames ("He"): a name may begin with them."""
    return frozenset(word for word in function_words()
                     if len(word) > 1 and is_pinyin_word(word, syllables=(1, 1)))


@cache
def is_pinyin_name(surname: str, given: str, *, strict: bool) -> bool:
    """Whether two words read as a Chinese name in pinyin ("Zheng Wenkai"): a one-syllable
    surname and a given name of one or two syllables (two when `strict`)."""
    if not is_pinyin_word(surname, syllables=(1, 1)) or place_country(f"{surname} {given}"):
        return False
    return is_pinyin_word(given, syllables=(2, 2) if strict else (1, 2))


@cache
def _demonyms() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("demonyms.tsv")}


def demonym_country(text: str) -> str | None:
    """The country a nationality adjective names ("Mozambican" → MZ)."""
    return _demonyms().get(text)


@cache
def demonym_words() -> frozenset[str]:
    """The first words of nationality adjectives ("Sierra" of "Sierra Leonean")."""
    return frozenset(name.split()[0] for name in _demonyms())


@cache
def _places() -> dict[str, tuple[str, bool]]:
    return {row[0].replace("-", " ").casefold(): (row[1], len(row) > 2 and row[2] == "region")
            for row in rows("places.tsv")}


def place_country(name: str) -> str | None:
    """The country of a known place (a capital, a province of China), or None."""
    found = _places().get(name.replace("-", " ").casefold())
    return found[0] if found else None


def is_region(name: str) -> bool:
    """Whether a known place is a province or region rather than a city."""
    found = _places().get(name.replace("-", " ").casefold())
    return bool(found and found[1])


@cache
def _country_names() -> tuple[str, ...]:
    names = {country.name_en for country in all_countries()}
    names |= {name for _code, name in vocabulary_rows("country_variants.tsv")
              if not contains_han(name)}
    names = {name for name in names if name[:1].isupper() and resolve_country(name)}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def country_pattern() -> re.Pattern[str]:
    """A case-sensitive expression matching any country's English name or common variant,
    longest first, optionally after "the"."""
    alternation = "|".join(re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
                           for name in _country_names())
    return re.compile(rf"(?<![\w-])(?:(?:the|The)\s+)?(?:{alternation})(?![\w-])")


@cache
def _country_first_words() -> frozenset[str]:
    """The first word of each country's name: where `country_pattern` may match."""
    return frozenset(re.split(r"\W", name, maxsplit=1)[0] for name in _country_names())


_COUNTRY_START = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?([A-Z\u00c0-\u00de]\w*)")
"""Where a country's name may begin: a capitalized word, perhaps after "the"."""


def find_country_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of `country_pattern` in `text`, tried only at words that begin a country's
    name (the long expression is slow to search through a whole sentence)."""
    pattern = country_pattern()
    first_words = _country_first_words()
    taken_to = 0
    for candidate in _COUNTRY_START.finditer(text):
        if candidate.start() < taken_to or candidate.group(1) not in first_words:
            continue
        match = pattern.match(text, candidate.start())
        if match is None and candidate.start(1) > candidate.start():
            match = pattern.match(text, candidate.start(1))  # "the" was not the name's
        if match is not None:
            taken_to = match.end()
            yield match


@cache
def country_code(text: str) -> str | None:
    """The code of a country named in English, or None."""
    return resolve_country(text)


@cache
def title_words() -> frozenset[str]:
    """Folded words that head or modify a title."""
    return title_heads() | title_modifiers()


def lines_international() -> tuple[str, ...]:
    """First words that make an organization international."""
    return lines("international_openers.txt")
