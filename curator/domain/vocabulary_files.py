"""Reading the vocabularies shipped beside the domain (curator/domain/vocabularies/)."""

from __future__ import annotations

from importlib import resources


def vocabulary_lines(name: str) -> list[str]:
    """The lines of `vocabularies/<name>`, without blank lines and # comments."""
    path = resources.files("curator.domain").joinpath("vocabularies", name)
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def vocabulary_rows(name: str) -> list[tuple[str, str]]:
    """The rows of a two-column, tab-separated vocabulary."""
    rows = []
    for line in vocabulary_lines(name):
        first, second = line.split("\t")
        rows.append((first.strip(), second.strip()))
    return rows
