"""Reading a source file from disk into a SourceText: decoded, normalized, with sections."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from curator.domain.documents import Section, SourceText
from curator.domain.language import detect_language
from curator.errors import ImportRefused
from curator.ingest.decoding import decode_bytes
from curator.ingest.html_text import html_to_text
from curator.ingest.normalizing import normalize_text
from curator.ingest.sections import detect_sections

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
"""File name suffixes that can be imported, and the media type of each."""

_MAX_TITLE_CHARS = 80
# A yearbook chapter is well under a megabyte; this only keeps a runaway file from filling memory.
_MAX_BYTES = 64 * 2**20
# Opening without blocking: if a pipe takes the place of the file after it was checked,
# opening it does not wait for a writer (and the check after opening refuses it).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NOT_A_FILE = "This is {what}, not a file: only regular files can be imported."


def read_source(path: Path) -> SourceText:
    """Read a text, Markdown or HTML file into a SourceText.

    Raises ImportRefused, with a message naming the file and the problem, for an unsupported
    type, a file that cannot be read, binary data, or a file with no text.
    """
    media_type = _media_type(path)
    try:
        text, encoding = decode_bytes(_read_bytes(path), markup=media_type == "text/html")
    except ImportRefused as error:
        raise ImportRefused(f"{path.name}: {error}") from error
    page_title = None
    if media_type == "text/html":
        text, page_title = html_to_text(text)
    text = normalize_text(text)
    if not text:
        raise ImportRefused(f"{path.name}: the file contains no readable text.")
    sections = detect_sections(text)
    return SourceText(
        title=_title(page_title, sections, text) or path.stem,
        text=text,
        source_name=path.name,
        encoding=encoding,
        media_type=media_type,
        sections=sections,
        language=detect_language(text),
    )


def _media_type(path: Path) -> str:
    """The media type of a supported file; refuse any other."""
    media_type = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if media_type is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ImportRefused(
            f"{path.name}: this type of file cannot be imported. Supported: {supported}."
        )
    return media_type


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; an operating-system error becomes a refusal the user can act on."""
    try:
        return _read_regular_file(path)
    except FileNotFoundError as error:
        raise ImportRefused("The file does not exist.") from error
    except IsADirectoryError as error:
        raise ImportRefused("This is a folder, not a file.") from error
    except PermissionError as error:
        raise ImportRefused("You do not have permission to read the file.") from error
    except OSError as error:
        raise ImportRefused(f"The file cannot be read ({error.strerror or error}).") from error


def _read_regular_file(path: Path) -> bytes:
    """Read a regular file of bounded size; refuse pipes, devices and sockets before reading.

    Reading a FIFO would wait for a writer for ever and /dev/zero never ends, so the kind of
    file is checked before opening, and again on the open file in case the path changed.
    """
    _refuse_unless_regular(os.stat(path).st_mode)
    with open(path, "rb", opener=lambda name, _flags: os.open(name, _OPEN_FLAGS)) as stream:
        status = os.fstat(stream.fileno())
        _refuse_unless_regular(status.st_mode)
        _refuse_if_too_large(status.st_size)
        data = stream.read(_MAX_BYTES + 1)
    _refuse_if_too_large(len(data))  # it grew while being read
    return data


def _refuse_unless_regular(mode: int) -> None:
    """Refuse a folder, pipe, device or socket: only regular files hold a document."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ImportRefused("This is a folder, not a file.")
    if stat.S_ISFIFO(mode):
        what = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a special file"
    raise ImportRefused(_NOT_A_FILE.format(what=what))


def _refuse_if_too_large(size: int) -> None:
    if size > _MAX_BYTES:
        raise ImportRefused(
            f"The file is too large to import ({size / 2**20:,.0f} MB; "
            f"at most {_MAX_BYTES // 2**20} MB)."
        )


def _title(page_title: str | None, sections: tuple[Section, ...], text: str) -> str:
    """The HTML page title, else the title heading or the first heading, else the first line."""
    if page_title:
        return _shortened(normalize_text(page_title))
    if sections:  # a title line (level 0), when there is one, is always the first section
        return sections[0].title
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return _shortened(first_line)


def _shortened(line: str) -> str:
    """A line cut to at most 80 characters, at a word boundary where there is one."""
    if len(line) <= _MAX_TITLE_CHARS:
        return line
    cut = line[: _MAX_TITLE_CHARS - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
