"""Where an event took place, the countries a sentence lists, and how many took part."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from curator.suggest import lexicon
from curator.suggest.vocabulary import lines, rows

_PLACE = r"[A-Z][\w'’\-]*(?:\s+(?:de\s+|es\s+)?[A-Z][\w'’\-]*){0,3}"
_VENUE = re.compile(
    rf"\b(?:held|convened|opened|took\s+place|launched|organi[sz]ed|hosted|met|signed|"
    rf"inaugurated|kicked\s+off|started|began|was|were)\b[^.;]{{0,60}}?\bin\s+(?:the\s+)?"
    rf"(?P<place>{_PLACE})"
    rf"(?:(?:,\s*(?:the\s+capital\s+of\s+)?|\s+of\s+)(?P<wider>{_PLACE}))?"
)
_LATE_VENUE = re.compile(
    rf"\bin\s+(?P<place>{_PLACE})(?:(?:,\s*(?:the\s+capital\s+of\s+)?|\s+of\s+)"
    rf"(?P<wider>{_PLACE}))?\s*[.;]?\s*$"
)
_OPENING_THE = re.compile(r"^(?:the|The)\s+")
_CLOSING_THE = re.compile(r"\s*(?:the\s+)?$", re.IGNORECASE)
_CITY_WORDS = re.compile(r"\s+(?:City|Municipality|Town)$")
_REGION_WORDS = re.compile(r"\s+(?:Province|Region|Autonomous Region|State|County|District)$")


@dataclass(frozen=True)
class CountryMention:
    """A country named in the text."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class Venue:
    """Where an event took place, as far as the text says."""

    city: str | None
    country: str | None
    start: int
    end: int


def find_countries(text: str, offset: int = 0) -> list[CountryMention]:
    """Every country the text names, with its code."""
    found = []
    for match in lexicon.find_country_names(text):
        name = _OPENING_THE.sub("", match.group())
        code = lexicon.country_code(name)
        if code:
            found.append(CountryMention(offset + match.start(), offset + match.end(), code))
    return found


def _place(name: str) -> tuple[str | None, str | None]:
    """(city, country code) of a place name, each None where it is not known."""
    name = name.strip()
    code = lexicon.country_code(name)
    if code:
        return None, code
    bare = _CITY_WORDS.sub("", name)
    if bare != name:
        return bare, lexicon.place_country(bare)
    region = _REGION_WORDS.sub("", name)
    if region != name or lexicon.is_region(name):
        return None, lexicon.place_country(region)
    known = lexicon.place_country(name)
    return (name, known) if known else (None, None)


def find_venue(text: str, offset: int = 0) -> Venue | None:
    """The city and country an event sentence says it took place in, if it says."""
    for pattern in (_VENUE, _LATE_VENUE):
        for match in pattern.finditer(text):
            city, country = _place(match["place"])
            wider = match["wider"]
            if wider:
                wider_city, wider_country = _place(wider)
                if city is None and country is None and wider_country:
                    city = _CITY_WORDS.sub("", match["place"])  # "Rio, Brazil"
                country = country or wider_country
            if city or country:
                return Venue(city, country, offset + match.start("place"),
                             offset + match.end("place"))
    return None


@cache
def number_words() -> dict[str, int]:
    """Numbers written in words ("twelve": 12), as the vocabulary lists them."""
    return {row[0]: int(row[1]) for row in rows("number_words.tsv")}


def number_value(text: str) -> int | None:
    """The number a count is written as ("26", "1,200", "twenty-six"), or None."""
    text = text.casefold().replace(",", "")
    if text.isdigit():
        return int(text)
    numbers = number_words()
    total = 0
    for part in text.split("-"):
        if part not in numbers:
            return None
        total += numbers[part]
    return total


def _count_pattern() -> re.Pattern[str]:
    """The expression of a count, for text in lower case (matching without case is slow)."""
    nouns = "|".join(re.escape(noun.casefold()) for noun in lines("participant_nouns.txt"))
    words = "|".join(sorted(number_words(), key=len, reverse=True)).casefold()
    return re.compile(
        rf"(?<![\w.-])(?P<number>\d[\d,]*|(?:{words})(?:-(?:{words}))?)\s+"
        rf"(?:[a-z][\w-]*\s+){{0,3}}?(?:{nouns})\b"
    )


_COUNT = _count_pattern()


_COUNT_NOUN = re.compile("|".join(re.escape(noun.casefold())
                                   for noun in lines("participant_nouns.txt")) or "(?!)")
"""What every count holds: a sentence without one of these needs no search for a count."""


def find_participant_count(text: str) -> int | None:
    """The number of people who took part, as the text gives it ("26 representatives")."""
    lowered = text.lower()
    if _COUNT_NOUN.search(lowered) is None:
        return None
    for match in _COUNT.finditer(lowered):
        number = number_value(match["number"])
        if number and number < 1_000_000:
            return number
    return None


_LIST_CUE = re.compile(
    r"(?:\bcountries|\bnations|\bstates)\s*(?:,\s*)?(?:including|namely|such\s+as|:)\s*$"
    r"|\b(?:including|namely|from)\s*$", re.IGNORECASE)
_VISIT_CUE = re.compile(
    r"\b(?:visit(?:ed|s)?|visit\s+to|trip\s+to|tour\s+(?:of|to)|delegation\s+to(?:\s+visit)?"
    r"|to\s+visit)\s*$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s*(?:,|and|&|as\s+well\s+as)?\s*(?:the\s+)?)$", re.IGNORECASE)


def listed_countries(text: str, countries: list[CountryMention], offset: int
                     ) -> list[tuple[CountryMention, str]]:
    """Countries named in a list after "countries including", "from" (participating) or
    after "visited", "a visit to" (visited), with that role."""
    found: list[tuple[CountryMention, str]] = []
    index = 0
    while index < len(countries):
        mention = countries[index]
        before = text[max(0, mention.start - offset - 60): mention.start - offset]
        before = _CLOSING_THE.sub("", before) + " "
        role = "participating" if _LIST_CUE.search(before.rstrip()) else \
            "visited" if _VISIT_CUE.search(before.rstrip()) else None
        if role is None:
            index += 1
            continue
        found.append((mention, role))
        index += 1
        while index < len(countries):
            gap = text[countries[index - 1].end - offset: countries[index].start - offset]
            if not _LIST_GAP.match(gap):
                break
            found.append((countries[index], role))
            index += 1
    return found
