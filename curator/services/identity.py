"""Who is making changes: the name written into every revision, comment and export."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

from curator.domain.text_safety import without_control_characters
from curator.paths import APP_NAME

_cache: tuple[Path, str | None] | None = None
"""The preferences file last read and the name found in it."""


def _preferences_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "identity.json"


def system_user() -> str:
    """The login name of the operating-system user ("curator" where there is none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "curator"


def preferred_name() -> str | None:
    """The name set in Preferences, if any."""
    global _cache
    path = _preferences_file()
    if _cache is None or _cache[0] != path:
        try:
            stored = json.loads(path.read_text(encoding="utf-8")).get("name")
        except (OSError, ValueError, AttributeError):  # none yet, or not ours to read
            stored = None
        name = stored.strip() if isinstance(stored, str) else ""
        _cache = (path, name or None)
    return _cache[1]


def set_preferred_name(name: str) -> None:
    """Keep `name` as the user's name (blank: go back to the default)."""
    global _cache
    path = _preferences_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    cleaned = " ".join(without_control_characters(name).split())
    path.write_text(json.dumps({"name": cleaned}, ensure_ascii=False), encoding="utf-8")
    _cache = (path, cleaned or None)


def default_user() -> str:
    """The name used when none is set in Preferences: $CURATOR_USER, else the login name."""
    return os.environ.get("CURATOR_USER", "").strip() or system_user()


def current_user() -> str:
    """The curator's name: the one set in Preferences, else $CURATOR_USER, else the login."""
    return preferred_name() or default_user()
