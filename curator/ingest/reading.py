"""Reading a source file from disk into a SourceText: decoded, normalized, with sections."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from curator.domain.documents import SourceText
from curator.domain.language import detect_language
from curator.domain.translation import N_, _
from curator.errors import ImportRefused
from curator.ingest.decoding import decode_bytes
from curator.ingest.headlines import choose_title
from curator.ingest.html_text import read_html
from curator.ingest.layout import LaidOutText
from curator.ingest.normalizing import normalize_text
from curator.ingest.pdf_text import read_pdf
from curator.ingest.sections import detect_sections
from curator.ingest.word_text import read_word

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": WORD,
    ".pdf": PDF,
}
"""File name suffixes that can be imported, and the media type of each."""
_STRUCTURED_READERS = {WORD: (read_word, "docx"), PDF: (read_pdf, "pdf")}
"""Readers of files that are not plain text, and the name given as their "encoding"."""

# A yearbook chapter is well under a megabyte; this only keeps a runaway file from filling memory.
_MAX_BYTES = 64 * 2**20
# Opening without blocking: if a pipe takes the place of the file after it was checked,
# opening it does not wait for a writer (and the check after opening refuses it).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NOT_A_FILE = N_("This is {what}, not a file: only regular files can be imported.")


def read_source(path: Path) -> SourceText:
    """Read a text, Markdown, HTML, Word or PDF file into a SourceText.

    Raises ImportRefused, with a message naming the file and the problem, for an unsupported
    type, a file that cannot be read, binary data, a scan without text, or no text at all.
    """
    media_type = _media_type(path)
    try:
        return _read(path, media_type)
    except ImportRefused as error:
        raise ImportRefused(_("{name}: {error}").format(name=path.name, error=error)) from error


def _read(path: Path, media_type: str) -> SourceText:
    data = _read_bytes(path)
    page_title = page_heading = None
    if media_type in _STRUCTURED_READERS:
        reader, encoding = _STRUCTURED_READERS[media_type]
        laid_out = reader(data)
    else:
        text, encoding = decode_bytes(data, markup=media_type == "text/html")
        if media_type == "text/html":
            page = read_html(text)
            text, page_title, page_heading = page.text, page.title, page.heading
        text = normalize_text(text)
        laid_out = LaidOutText(text, detect_sections(text, markdown=media_type == "text/markdown"))
    text, sections = laid_out.text, laid_out.sections
    if not text:
        raise ImportRefused(_("the file contains no readable text."))
    title = choose_title(text, sections, page_title=page_title, page_heading=page_heading)
    return SourceText(
        title=title or path.stem,
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
            _("{name}: this type of file cannot be imported. Supported: {supported}.").format(
                name=path.name, supported=supported)
        )
    return media_type


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; an operating-system error becomes a refusal the user can act on."""
    try:
        return _read_regular_file(path)
    except FileNotFoundError as error:
        raise ImportRefused(_("The file does not exist.")) from error
    except IsADirectoryError as error:
        raise ImportRefused(_("This is a folder, not a file.")) from error
    except PermissionError as error:
        raise ImportRefused(_("You do not have permission to read the file.")) from error
    except OSError as error:
        raise ImportRefused(_("The file cannot be read ({reason}).").format(
                                reason=error.strerror or error)) from error


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
        raise ImportRefused(_("This is a folder, not a file."))
    if stat.S_ISFIFO(mode):
        what = _("a pipe (FIFO)")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = _("a device")
    elif stat.S_ISSOCK(mode):
        what = _("a socket")
    else:
        what = _("a special file")
    raise ImportRefused(_(_NOT_A_FILE).format(what=what))


def _refuse_if_too_large(size: int) -> None:
    if size > _MAX_BYTES:
        raise ImportRefused(
            _("The file is too large to import ({size:,.0f} MB; at most {limit} MB).").format(
                size=size / 2**20, limit=_MAX_BYTES // 2**20)
        )
