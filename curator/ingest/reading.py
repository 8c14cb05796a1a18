"""Reading a source file from disk into a SourceText: decoded, normalized, with sections."""

from __future__ import annotations

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
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportRefused("The file does not exist.") from error
    except IsADirectoryError as error:
        raise ImportRefused("This is a folder, not a file.") from error
    except PermissionError as error:
        raise ImportRefused("You do not have permission to read the file.") from error
    except OSError as error:
        raise ImportRefused(f"The file cannot be read ({error.strerror or error}).") from error


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
