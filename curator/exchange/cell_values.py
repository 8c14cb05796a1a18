"""A cell's XML as a Python value: shared and inline text, numbers, booleans, dates (by the
cell's style), and a formula as the text typed ("=1+1"), never what it computes."""

from __future__ import annotations

from datetime import datetime, timedelta

from curator.domain.translation import _
from curator.exchange.sheet_notation import unescape
from curator.exchange.sheet_rows import CellValue


class CellFault(Exception):
    """A cell that cannot be read; the message is for the user, the reader adds its place."""


class CellValues:
    """Converts cells given the workbook's shared strings, date styles and date system."""

    def __init__(self, strings: list[str], date_styles: set[int], date1904: bool) -> None:
        self._strings = strings
        self._date_styles = date_styles
        self._epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)

    def convert(self, kind: str, style: str, raw: str | None, formula: str | None,
                inline: str | None) -> CellValue:
        """The value of a cell of type `kind` (its `t`) and `style` (its `s`), from its `<v>`
        (`raw`), `<f>` and inline text; CellFault if it cannot be read."""
        if formula:  # what was typed, never what it computes
            return "=" + formula
        if kind == "inlineStr":
            return inline or ""
        if raw is None:
            return None
        if kind == "s":
            try:
                return self._strings[int(raw)]
            except (ValueError, IndexError) as error:
                raise CellFault(_("the cell points at a shared text that is not "
                                  "there.")) from error
        if kind in ("str", "e"):
            return unescape(raw)
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return _iso_value(raw)
        return self._number(raw, style)

    def _number(self, raw: str, style: str) -> CellValue:
        try:
            number = float(raw)
        except ValueError as error:
            raise CellFault(_("{raw!r} is not a number.").format(raw=raw)) from error
        if style != "0" and style.isdigit() and int(style) in self._date_styles:
            try:
                moment = self._epoch + timedelta(days=number)
            except OverflowError as error:
                raise CellFault(_("{raw} is not a date Excel can show.").format(
                    raw=raw)) from error
            # A double holds a day's fraction to about 10 µs: round to the millisecond.
            moment = moment.replace(microsecond=0) + timedelta(
                milliseconds=round(moment.microsecond / 1e3))
            return moment.date() if number == int(number) else moment
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _iso_value(raw: str) -> CellValue:
    try:
        moment = datetime.fromisoformat(raw.rstrip("Z"))
    except ValueError:
        return raw
    return moment.date() if moment.time() == datetime.min.time() else moment
