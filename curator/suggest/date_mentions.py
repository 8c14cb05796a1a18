"""Dates as sources write them: days, months, ranges, and the year taken from context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from curator.domain.dates import PartialDate

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUMBERS |= {name[:3]: number for name, number in _MONTH_NUMBERS.items()}
_MONTH_NUMBERS["sept"] = 9

_M = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
     r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]|20)\d{2}"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


def _named(pattern: str) -> re.Pattern[str]:
    """A date pattern written with M1 D1 M2 D2 Y placeholders for named groups."""
    for name, part in (("M1", _M), ("M2", _M), ("D1", _D), ("D2", _D), ("Y", _Y)):
        pattern = pattern.replace(name, f"(?P<{name.lower()}>{part})")
    return re.compile(rf"(?<![\w.]){pattern}(?![\w])")


# Longest forms first: a position taken by one form is not read again by a shorter one.
_FORM_TEXTS = (
    rf"M1\s+D1{_TO}M2\s+D2,?\s+Y",        # August 27 to September 1, 2012
    rf"D1\s+M1{_TO}D2\s+M2,?\s+Y",        # 27 August to 1 September 2012
    rf"M1\s+D1{_TO}D2,?\s+Y",             # June 12 to 22, 2012 / Nov. 20-22, 2012
    rf"D1{_TO}D2\s+M1,?\s+Y",             # 12-14 June 2013
    r"M1\s+D1,?\s+Y",                    # May 30, 2012
    r"D1\s+(?:of\s+)?M1,?\s+Y",          # 30 May 2012
    rf"M1{_TO}M2,?\s+Y",                  # July to September 2012
    r"M1,?\s+Y",                         # September 2012
    r"(?P<iso>(?P<y>(?:19|20)\d{2})-(?P<m1>[01]\d)-(?P<d1>[0-3]\d))",
    rf"M1\s+D1{_TO}M2\s+D2",              # August 27 to September 1 (year from context)
    rf"M1\s+D1{_TO}D2",                   # June 12 to 22
    rf"D1{_TO}D2\s+M1",                   # 12-14 June
    r"M1\s+D1",                          # June 26
    r"D1\s+(?:of\s+)?M1",                # 26 June
    rf"(?<=[Ii]n\s)(?:early\s+|mid-?\s*|late\s+)?M1{_TO}M2",   # in July to September
    r"(?<=[Ii]n\s)(?:early\s+|mid-?\s*|late\s+)?M1",          # In February
)
_FORMS = tuple(_named(form) for form in _FORM_TEXTS)
_MONTH, _DAY, _AFTER_IN, _ISO = range(4)
_STARTS = tuple(_MONTH if form.startswith("M1") else _AFTER_IN if form.startswith("(?<=")
                else _DAY if form.startswith("D1") else _ISO for form in _FORM_TEXTS)
"""Where a match of each form can begin: at a month's name, at a number of one or two digits
(a day: what follows a day is never a digit), after "in", or at four digits and a hyphen."""

_IN = re.compile(r"[Ii]n\s")
_NUMBER_START = re.compile(r"(?<![\w.])\d+")
_MONTH_START = re.compile(rf"(?<![\w.]){_M}")

_BEFORE_MONTH = 30
_AFTER_MONTH = 40
"""How far a date reaches before its first month's name ("27th through 31st August") and
after its last ("August 27th through 31st, 2012"), with room to spare."""
_NOT_DIGITS = re.compile(r"\D")
_ANY_DATE = re.compile(rf"(?<![\w.]){_M}(?!\w)|\d{{4}}-\d\d-\d\d")
MAYBE_DATE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d-\d\d-")
"""What every date holds (the first letters of a month's name, or an ISO date's digits),
looked for without lookarounds: text without it holds no date, and one search says so."""


@dataclass(frozen=True)
class DateMention:
    """A date or range written in the text, its year read from the context if not given."""

    start: int
    end: int
    first: PartialDate
    last: PartialDate | None
    year_given: bool

    @property
    def precision(self) -> str:
        """Precision of the start: "year", "month" or "day"."""
        return self.first.precision


def _month(text: str | None) -> int | None:
    if not text:
        return None
    key = text.rstrip(".").casefold()
    return _MONTH_NUMBERS.get(key if key in _MONTH_NUMBERS else key[:3])


def _day(text: str | None) -> int | None:
    return int(_NOT_DIGITS.sub("", text)) if text else None


def _valid(year: int, month: int | None, day: int | None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _mention(match: re.Match[str], offset: int, year: int | None) -> DateMention | None:
    groups = match.groupdict()
    given = groups.get("y")
    year = int(given) if given else year
    if year is None:
        return None
    m1, m2 = _month(groups.get("m1")), _month(groups.get("m2"))
    d1, d2 = _day(groups.get("d1")), _day(groups.get("d2"))
    if m1 is None:
        return None
    if d2 is not None or m2 is not None:
        end_month = m2 or m1
        wraps = end_month < m1  # December 28 to January 3: the year given is the end's
        first_year = year - 1 if given and wraps else year
        end_year = year + 1 if wraps and not given else year
        if not (_valid(first_year, m1, d1) and _valid(end_year, end_month, d2)):
            return None
        last = PartialDate(end_year, end_month, d2 if d1 is not None else None)
        first = PartialDate(first_year, m1, d1)
        if (last.year, last.month or 0, last.day or 0) < (first.year, first.month or 0,
                                                           first.day or 0):
            return None
        return DateMention(offset + match.start(), offset + match.end(), first, last,
                           bool(given))
    if not _valid(year, m1, d1):
        return None
    return DateMention(offset + match.start(), offset + match.end(), PartialDate(year, m1, d1),
                       None, bool(given))


def _free_until(places: list[int], starts: list[int], ends: list[int]) -> int:
    """How many of `places` to look at: all up to the last one outside the taken spans."""
    for index in range(len(places) - 1, -1, -1):
        at = bisect_right(starts, places[index])
        if not (at and ends[at - 1] > places[index]):
            return index + 1
    return 0


def find_dates(text: str, *, offset: int = 0, year: int | None = None) -> list[DateMention]:
    """Every date in `text` (which stands at `offset`), in order; a date without a year
    takes `year`, or the year of the last date before it that gave one."""
    if MAYBE_DATE.search(text) is None:
        return []
    months = [match.span() for match in _ANY_DATE.finditer(text)]
    if not months:
        return []
    # Every form holds a month: the forms are read only around the months (the lookbehinds
    # still see the text before `begin`; `stop` is a space, as the lookaheads want).
    begin = max(0, months[0][0] - _BEFORE_MONTH)
    stop = text.find(" ", months[-1][1] + _AFTER_MONTH)
    stop = len(text) if stop < 0 else stop
    # Taken spans never overlap, so sorted by start their ends are sorted too: a new match
    # overlaps one only if the last taken span starting before its end reaches past its start.
    # Each form is tried only where a match of it can begin (searching the text with each
    # was most of the time): the same matches as `form.finditer(text, begin, stop)`.
    days: list[int] = []
    isos: list[int] = []
    for number in _NUMBER_START.finditer(text, begin, stop):
        digits = number.end() - number.start()
        if digits <= 2:
            days.append(number.start())
        elif digits == 4 and text[number.end():number.end() + 1] == "-":
            isos.append(number.start())
    places = ([match.start() for match in _MONTH_START.finditer(text, begin, stop)], days,
              [match.end() for match in _IN.finditer(text, max(0, begin - 3), stop)], isos)
    starts: list[int] = []
    ends: list[int] = []
    taken: list[re.Match[str]] = []
    # A match beginning inside a taken span overlaps it: the places from the first of those
    # after which every place is inside one need no look (`read_to` only skips such places).
    looked = [len(where) for where in places]
    spans_seen = [0] * len(places)
    for form, where in zip(_FORMS, _STARTS, strict=True):
        if spans_seen[where] != len(starts):
            spans_seen[where] = len(starts)
            looked[where] = _free_until(places[where], starts, ends)
        read_to = 0
        for place in places[where][:looked[where]]:
            if place < read_to:
                continue
            match = form.match(text, place, stop)
            if match is None:
                continue
            start, end = match.span()
            read_to = end
            at = bisect_left(starts, end)
            if at and ends[at - 1] > start:
                continue
            starts.insert(at, start)
            ends.insert(at, end)
            taken.insert(at, match)
    mentions = []
    for match in taken:
        mention = _mention(match, offset, year)
        if mention is not None:
            mentions.append(mention)
            if mention.year_given:
                year = mention.first.year if mention.last is None else mention.last.year
    return mentions

