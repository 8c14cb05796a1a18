"""Countries: ISO 3166-1 alpha-2 codes, English and Chinese names, and the names sources use."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from babel import Locale

from curator.domain.scripts import contains_han, to_simplified
from curator.domain.vocabulary_files import vocabulary_rows

# CLDR names more territories than ISO 3166-1 assigns: these are regions and groupings
# (European Union, Eurozone, United Nations, Outlying Oceania), ISO's "exceptionally
# reserved" codes for parts of other countries (Ascension, Clipperton, Sark, Diego Garcia,
# Ceuta & Melilla, Canary Islands, Tristan da Cunha), CLDR's pseudo-locales and "unknown".
# Kosovo (XK) stays: it has no ISO code, but XK is what the EU and CLDR use and sources name it.
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)
_VARIANTS = "country_variants.tsv"
_LANGUAGES = ("en", "zh")

_DELETED = re.compile(r"[.'’‘`´ʼ]")
_SEPARATORS = re.compile(r"[^\w]+|_")


@dataclass(frozen=True)
class Country:
    """A country's ISO 3166-1 alpha-2 code and its English and Chinese (simplified) names."""

    code: str
    name_en: str
    name_zh: str


def _fold(text: str, *, mainland_phrases: bool = False) -> str:
    """A country name's matching key: no case, accents, spaces, punctuation or leading "the"."""
    text = unicodedata.normalize("NFKC", text)
    if contains_han(text):
        text = to_simplified(text, mainland_phrases=mainland_phrases)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    text = _DELETED.sub("", text.replace("&", " and "))
    words = ["st" if word == "saint" else word for word in _SEPARATORS.sub(" ", text).split()]
    if words[:1] == ["the"]:
        words = words[1:]
    # Joined without spaces, so "Viet Nam" is "Vietnam" and "COTE D IVOIRE" "Côte d’Ivoire".
    return "".join(words)


def _query_keys(text: str) -> tuple[str, ...]:
    """The keys `text` may match under: its characters first, then Taiwan's wording too."""
    keys = (_fold(text), _fold(text, mainland_phrases=True))
    return tuple(key for key in dict.fromkeys(keys) if key)


@cache
def all_countries() -> tuple[Country, ...]:
    """Every country, sorted by English name."""
    english = Locale.parse("en").territories
    chinese = Locale.parse("zh").territories
    countries = (
        Country(code, english[code], chinese[code])
        for code in english
        if isinstance(code, str) and len(code) == 2 and code.isalpha()
        and code not in _NOT_COUNTRIES
    )
    return tuple(sorted(countries, key=lambda country: _fold(country.name_en)))


@cache
def _by_code() -> dict[str, Country]:
    return {country.code: country for country in all_countries()}


@cache
def _names_by_code() -> dict[str, tuple[str, ...]]:
    """Every name of each country, CLDR's first, then the variants sources use."""
    names = {country.code: [country.name_en, country.name_zh] for country in all_countries()}
    for code, name in vocabulary_rows(_VARIANTS):
        if code not in names:
            raise ValueError(f"{_VARIANTS}: {code!r} ({name}) is not a country code")
        names[code].append(name)
    return {code: tuple(found) for code, found in names.items()}


@cache
def _index() -> dict[str, str]:
    """Code for each folded code and name; a name two countries share is a broken vocabulary."""
    index: dict[str, str] = {}
    for code, names in _names_by_code().items():
        for key in {code.casefold()} | {_fold(name) for name in names}:
            if index.setdefault(key, code) != code:
                raise ValueError(f"{_VARIANTS}: {key!r} names both {index[key]} and {code}")
    return index


@cache
def _key_starts() -> frozenset[str]:
    return frozenset(key[:3] for key in _index())


def _starts_no_key(text: str) -> bool:
    """A quick no for most words: a plain Latin first word of three letters or more folds to
    the start of the key, so a key must begin with its first three letters."""
    words = text.split(maxsplit=1)
    first = words[0].casefold() if words else ""
    return (len(first) >= 3 and first.isascii() and first.isalpha()
            and first not in ("the", "saint") and first[:3] not in _key_starts())


def resolve_country(text: str) -> str | None:
    """The code of the country `text` names (a code, or an English or Chinese name), or None."""
    if _starts_no_key(text):
        return None
    index = _index()
    for key in _query_keys(text):
        if key in index:
            return index[key]
    return None


def country_name(code: str, language: str = "en") -> str:
    """The country's name in "en" or "zh"; an unknown code is returned as it is."""
    if language not in _LANGUAGES:
        raise ValueError(f"country names are in {' or '.join(_LANGUAGES)}, not {language!r}")
    country = _by_code().get(code.upper())
    if country is None:
        return code
    return country.name_en if language == "en" else country.name_zh


@cache
def _search_keys() -> dict[str, tuple[str, ...]]:
    return {code: tuple(_fold(name) for name in names) for code, names in _names_by_code().items()}


def _match_rank(country: Country, queries: tuple[str, ...]) -> int | None:
    """0 for the code or a whole name, 1 for the start of a name, 2 for any part of one."""
    keys = _search_keys()[country.code]
    if country.code.casefold() in queries or any(key in queries for key in keys):
        return 0
    if any(key.startswith(query) for key in keys for query in queries):
        return 1
    if any(query in key for key in keys for query in queries):
        return 2
    return None


def match_countries(prefix: str) -> list[Country]:
    """Countries whose code, or English or Chinese name (either script), contains `prefix`.

    Whole matches come first, then names starting with it, then the rest, each by English
    name; a blank prefix offers every country.
    """
    queries = _query_keys(prefix)
    if not queries:
        return list(all_countries())
    ranked = ((_match_rank(country, queries), country) for country in all_countries())
    matches = [(rank, country) for rank, country in ranked if rank is not None]
    return [country for _, country in sorted(matches, key=lambda match: match[0])]
