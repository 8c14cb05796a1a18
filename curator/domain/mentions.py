"""Where a record's names stand in a text: every occurrence of any of them, longest first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MIN_NAME_LENGTH = 2
"""Shorter names (an initial, one letter) would be found everywhere."""


@dataclass(frozen=True)
class NameOccurrence:
    """A place in a text where one of the names stands."""

    start: int
    end: int
    name: str


def _name_expression(name: str) -> str:
    """A name as an expression: any white space between its words; a name that begins or
    ends with a letter or digit only as a whole word there (Han characters need no spaces,
    so a Chinese name is found inside a sentence)."""
    expression = r"\s+".join(re.escape(word) for word in name.split())
    if re.match(r"[^\W\u3400-\u9fff]", name[0]):
        expression = rf"(?<!\w){expression}"
    if re.match(r"[^\W\u3400-\u9fff]", name[-1]):
        expression = rf"{expression}(?!\w)"
    return expression


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One case-sensitive expression for all `names`, the longest tried first (so "Zheng
    Wenkai" is found whole where "Zheng" also stands); None if no name is long enough."""
    kept = {" ".join(name.split()) for name in names}
    kept = {name for name in kept if len(name) >= MIN_NAME_LENGTH}
    if not kept:
        return None
    ordered = sorted(kept, key=lambda name: (-len(name), name))
    return re.compile("|".join(f"(?:{_name_expression(name)})" for name in ordered))


def find_names(text: str, names: Iterable[str]) -> list[NameOccurrence]:
    """Every place in `text` where one of `names` stands, in order, never overlapping."""
    pattern = names_pattern(names)
    if pattern is None:
        return []
    return [NameOccurrence(match.start(), match.end(), match.group())
            for match in pattern.finditer(text)]
