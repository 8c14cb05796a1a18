"""Where a project lives: a SQLite file or a PostgreSQL URL, and how to name it without secrets."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from curator.domain.translation import _
from curator.errors import ProjectError

SUPPORTED_LOCATIONS = ("Curator keeps a project in a file (such as my.curator) or in a "
                       "PostgreSQL database (postgresql://user@host/dbname)")
_PASSWORD_IN_URL = re.compile(r"(://[^/@:]*:)[^@]*@")


def is_url(location: str | Path) -> bool:
    """Whether a project location is a database URL rather than a file path."""
    return "://" in str(location)


def shown_location(location: str | Path) -> str:
    """A project's path or URL as it may be printed, logged or stored: never its password."""
    text = str(location)
    if not is_url(text):
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:  # not even a URL: hide whatever stands where a password would
        return _PASSWORD_IN_URL.sub(r"\1***@", text)


def without_password(message: str, url: str) -> str:
    """`message` with the password of `url` blanked out, wherever a driver may have put it."""
    try:
        password = make_url(url).password
    except ArgumentError:
        return message
    return message.replace(str(password), "***") if password else message


def project_url(location: str | Path) -> str:
    """SQLAlchemy URL of a project given as a file path or a database URL.

    Only SQLite files and PostgreSQL URLs are projects; any other URL is refused by name.
    `postgresql://` means the psycopg driver Curator ships with.
    """
    text = str(location)
    if not is_url(text):
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise ProjectError(_("Cannot open the project {location}: it is not a "
                             "database URL. {SUPPORTED_LOCATIONS}.").format(
                               location=shown_location(text),
                               SUPPORTED_LOCATIONS=SUPPORTED_LOCATIONS)) from error
    backend = url.get_backend_name()
    if backend == "sqlite":
        return text
    if backend != "postgresql":
        raise ProjectError(_("Cannot open the project {location}: {backend} databases "
                             "are not supported. {SUPPORTED_LOCATIONS}.").format(
                               location=shown_location(text), backend=backend,
                               SUPPORTED_LOCATIONS=SUPPORTED_LOCATIONS))
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for a server or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)
