"""Activities counted and then named one by one in a sentence: "In 2016, the institute held
three seminars, namely the seminar on X in Kenya, the workshop on Y in Peru and the Z in
Nepal." Each named one is an activity of its own.

The count guards the reading: the items are taken only when as many are named as the count
says, so a list of topics or of places is not taken for activities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from curator.suggest import lexicon
from curator.suggest.places import find_countries, number_value, number_words
from curator.suggest.vocabulary import words


@cache
def _count() -> re.Pattern[str]:
    """A count of two to twenty: digits, or a number's word (from the vocabulary)."""
    spelled = "|".join(sorted((re.escape(word) for word, value in number_words().items()
                               if 2 <= value <= _MOST_ITEMS), key=len, reverse=True))
    return re.compile(rf"\b(?:\d{{1,2}}|{spelled or '(?!)'})\b", re.IGNORECASE)


_WORDS_AFTER_COUNT = re.compile(r"\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?")
_CUE = re.compile(r"[^.;:]{0,80}?,?\s*(?:namely|including|i\.e\.,?|as\s+follows:?|:)\s*",
                  re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_ITEM_BREAK = re.compile(r";\s*(?:and\s+)?|,\s*(?:and\s+)?(?=the\b|an?\b)|\s+and\s+(?=the\b)")
_TITLE_IN_QUOTES = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_TRAILING_PLACE = re.compile(r"\s+(?:in|at)\s+[^,;]*$")
_MOST_ITEMS = 20
_LIST_OPENINGS = ("namely", "including", "i.e.", "as follows", ":")
"""What opens the items of a counted list: a sentence with none lists none."""
_LIST_OPENING = re.compile("|".join(map(re.escape, _LIST_OPENINGS)))
_COUNT_REACH = 200


@dataclass(frozen=True)
class NamedActivity:
    """One activity named in a counted list: where it is named, its title and country."""

    start: int
    end: int
    title: str
    country: str | None


@cache
def _activity_nouns() -> frozenset[str]:
    return words("event_nouns.txt", folded=True) | words("counted_activities.txt",
                                                         folded=True)


@cache
def _activity_plural() -> re.Pattern[str]:
    """Where `_event_noun` may hold: a word, an activity noun then s."""
    nouns = "|".join(sorted(map(re.escape, _activity_nouns()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{nouns})s(?![\w-])", re.IGNORECASE)


def _event_noun(plural: str) -> bool:
    """Whether a plural names activities ("trainings", "seminars", "visits", "study tours")."""
    return plural.endswith("s") and plural[:-1].casefold() in _activity_nouns()


def year_named(text: str, before: int) -> int | None:
    """The year a sentence names before offset `before` ("In 2016, ..."), if it names one."""
    match = _YEAR.search(text, 0, before)
    return int(match.group()) if match else None


def named_activities(text: str, offset: int = 0) -> tuple[int, list[NamedActivity]]:
    """(where the count stands, the activities named) for a sentence that counts activities
    and names as many as it counts; (-1, []) for any other sentence."""
    if not any(opening in text for opening in _LIST_OPENINGS):  # quicker than the search
        return -1, []
    cues = [cue.start() for cue in _LIST_OPENING.finditer(text)]
    # A count stands a few words and at most 80 characters before the list's opening, an
    # activity's plural between them.
    begin = max(0, cues[0] - _COUNT_REACH)
    if _activity_plural().search(text, begin, cues[-1]) is None:
        return -1, []
    for counted in _count().finditer(text, begin, cues[-1]):
        count = number_value(counted.group())
        if count is None or not 2 <= count <= _MOST_ITEMS:
            continue
        following = _WORDS_AFTER_COUNT.match(text, counted.end())
        noun = next((group for group in (1, 2, 3) if following and following.group(group)
                     and _event_noun(following.group(group))), None)
        if following is None or noun is None:
            continue
        cue = _CUE.match(text, following.end(noun))
        if cue is None:
            continue
        items = _items(text, cue.end())
        if len(items) != count:
            continue
        return counted.start(), [_activity(text, start, end, offset) for start, end in items]
    return -1, []


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the list's items from `start` to the sentence's end; the breaks are
    looked for outside quotes (a title may hold "and" or a comma)."""
    end = len(text.rstrip().rstrip("."))
    masked = _QUOTED.sub(lambda match: "x" * len(match.group()), text[:end])
    spans, begin = [], start
    for cut in _ITEM_BREAK.finditer(masked, start):
        if cut.start() > begin:
            spans.append((begin, cut.start()))
        begin = cut.end()
    if end > begin:
        spans.append((begin, end))
    return spans


def _activity(text: str, start: int, end: int, offset: int) -> NamedActivity:
    item = text[start:end]
    quoted = _TITLE_IN_QUOTES.search(item)
    title = quoted.group(1).strip() if quoted else \
        _TRAILING_PLACE.sub("", _LEADING_ARTICLE.sub("", item)).strip()
    countries = find_countries(item)
    country = countries[-1].code if countries else None
    if country is None:
        place = _TRAILING_PLACE.search(item)
        if place:
            country = lexicon.place_country(place.group().split(None, 1)[1].strip())
    return NamedActivity(offset + start, offset + end, title, country)
