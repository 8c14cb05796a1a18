"""What Curator is made of: its version and the libraries it ships with, with their licences
(read from the installed packages' metadata, so the list never goes stale)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

DISTRIBUTION = "curator"
_REQUIREMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
MAX_LICENCE_LENGTH = 60
"""A License field longer than this is the licence's whole text, not its name."""


@dataclass(frozen=True)
class Library:
    """A library Curator depends on, as installed."""

    name: str
    version: str
    licence: str


def curator_version() -> str:
    """The installed version of Curator ("unknown" when run from a bare source tree)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _licence(info: dict[str, str | list[str]]) -> str:
    """The licence's SPDX expression, else its name, else its trove classifiers."""
    if expression := info.get("license_expression"):
        return str(expression)
    licence = str(info.get("license") or "").strip()
    if licence and len(licence) <= MAX_LICENCE_LENGTH and "\n" not in licence:
        return licence
    classifiers = [c.split(" :: ")[-1] for c in info.get("classifier", [])
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the package"


def bundled_libraries() -> list[Library]:
    """Curator's runtime dependencies, installed for this platform, by name."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    found: dict[str, Library] = {}
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        match = _REQUIREMENT_NAME.match(requirement)
        if match is None:
            continue
        try:
            info = metadata.metadata(match.group()).json
        except metadata.PackageNotFoundError:  # for another platform or Python version
            continue
        name = str(info["name"])
        found[name.lower()] = Library(name, str(info["version"]), _licence(info))
    return sorted(found.values(), key=lambda library: library.name.lower())
