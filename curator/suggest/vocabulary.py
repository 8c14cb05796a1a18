"""Reading the suggestion rules' vocabularies (curator/suggest/vocabularies/)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The lines of `vocabularies/<name>`, stripped, without blank lines and # comments."""
    path = resources.files("curator.suggest").joinpath("vocabularies", name)
    found = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in found if line and not line.startswith("#"))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated columns of each line of a vocabulary."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))


@cache
def words(name: str, *, folded: bool = False) -> frozenset[str]:
    """The lines of a one-column vocabulary as a set (case-folded with `folded`)."""
    return frozenset(line.casefold() if folded else line for line in lines(name))


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Each line of a vocabulary of regular expressions, compiled case-insensitively."""
    return tuple(re.compile(line, re.IGNORECASE) for line in lines(name))


@cache
def any_pattern(name: str) -> re.Pattern[str]:
    """One case-insensitive expression matching any line of a vocabulary of expressions."""
    return re.compile("|".join(f"(?:{line})" for line in lines(name)), re.IGNORECASE)


@cache
def typed_patterns(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(expression, value) for a two-column vocabulary whose first column is an expression."""
    return tuple((re.compile(row[0], re.IGNORECASE), row[1]) for row in rows(name))
