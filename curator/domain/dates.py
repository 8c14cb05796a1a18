"""Dates known to the year, the month or the day, as sources give them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from curator.domain.translation import N_, _

# English month names, fixed: sources are in English whatever the desktop's locale, and
# calendar.month_name follows LC_TIME (under de_DE it says "Juni", and "June" was refused).
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {name[:3]: number for name, number in _MONTHS.items()}
_MONTHS["sept"] = 9

_DAY = r"(\d{1,2})(st|nd|rd|th)?"
_MONTH = r"([A-Za-z]+)\.?"
_NUMERIC = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_CHINESE = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
_DAY_MONTH_YEAR = re.compile(rf"^(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})$", re.I)
_MONTH_DAY_YEAR = re.compile(rf"^{_MONTH}\s+(?:the\s+)?{_DAY},?\s+(\d{{4}})$", re.I)
_MONTH_YEAR = re.compile(rf"^{_MONTH},?\s+(\d{{4}})$")

ACCEPTED_FORMS = N_(
    "2012, 2012-06, 2012-06-12, June 2012, 12 June 2012, June 12, 2012, June 12th, 2012 "
    "or 2012年6月12日"
)


@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """"year", "month" or "day"."""
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """ISO 8601 at its precision: 2012, 2012-06 or 2012-06-12."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        """The first day the date may mean (1 January for a year alone)."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last day the date may mean (31 December for a year alone)."""
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        if self.month is None or self.month == 12:
            return date(self.year, 12, 31)
        return date(self.year, self.month + 1, 1) - timedelta(days=1)


def _month_number(name: str) -> int:
    number = _MONTHS.get(name.lower())
    if number is None:
        raise ValueError(f"{name!r} is not a month name")
    return number


def _ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


class _Unreadable(ValueError):
    """Why a text that looks like a date is none, in the language in use."""


def _day_number(digits: str, suffix: str | None) -> int:
    """The day of "12", "12th", "1st" or "23rd"; a suffix that does not fit (12st) is refused."""
    day = int(digits)
    if suffix and suffix.lower() != _ordinal_suffix(day):
        raise _Unreadable(_("{ordinal} is not an ordinal").format(ordinal=f"{digits}{suffix}"))
    return day


def _fields(text: str) -> tuple[int, int | None, int | None]:
    for pattern in (_NUMERIC, _CHINESE):
        if match := pattern.match(text):
            year, month, day = match.groups()
            return int(year), int(month) if month else None, int(day) if day else None
    if match := _DAY_MONTH_YEAR.match(text):
        day, suffix, month, year = match.groups()
        return int(year), _month_number(month), _day_number(day, suffix)
    if match := _MONTH_DAY_YEAR.match(text):
        month, day, suffix, year = match.groups()
        return int(year), _month_number(month), _day_number(day, suffix)
    if match := _MONTH_YEAR.match(text):
        month, year = match.groups()
        return int(year), _month_number(month), None
    raise ValueError("not a date")


def parse_partial_date(text: str) -> PartialDate:
    """Read a date written to the year, month or day; ValueError says what is accepted."""
    cleaned = " ".join(text.split())
    try:
        year, month, day = _fields(cleaned)
    except _Unreadable as error:
        raise ValueError(_("“{text}” is not a date Curator understands: {reason}. Write it as "
                           "{forms}.").format(text=text.strip(), reason=error,
                                              forms=_(ACCEPTED_FORMS))) from error
    except ValueError as error:
        raise ValueError(_("“{text}” is not a date Curator understands. Write it as "
                           "{forms}.").format(text=text.strip(),
                                              forms=_(ACCEPTED_FORMS))) from error
    try:
        date(year, month or 1, 1 if day is None else day)  # the year, month and day exist
    except ValueError as error:
        raise ValueError(_("“{text}” is not a date: the calendar has no such month or day. "
                           "Write it as {forms}.").format(text=text.strip(),
                                                          forms=_(ACCEPTED_FORMS))) from error
    return PartialDate(year, month, day)
