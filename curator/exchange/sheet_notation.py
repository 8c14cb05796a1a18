"""How SpreadsheetML writes what is not plain text: column letters (A, AA) and Excel's
_xHHHH_ character escapes."""

from __future__ import annotations

import re

COLUMNS: dict[str, int] = {}
"""Column letters -> zero-based index, for the letters met so far (a sheet repeats them)."""


def column_index(reference: str) -> int:
    """Zero-based column of a cell reference: A1 is 0, AA7 is 26."""
    letters = reference.rstrip("0123456789")
    known = COLUMNS.get(letters)
    if known is not None:
        return known
    COLUMNS[letters] = index = _letters_index(letters)
    return index


def _letters_index(reference: str) -> int:
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            index = index * 26 + ord(char) - 96
        else:
            break
    return index - 1


def column_letters(index: int) -> str:
    """The letters of a zero-based column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Excel's _xHHHH_ character escapes undone (_x005F_ is the underscore itself)."""
    return _ESCAPED.sub(lambda match: chr(int(match[1], 16)), text) if "_x" in text else text
