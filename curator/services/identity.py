"""Who is making changes: the name written into every revision."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """The curator's name: $CURATOR_USER if set, else the login name."""
    configured = os.environ.get("CURATOR_USER", "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "curator"
