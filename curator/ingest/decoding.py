"""Turning a file's bytes into text: detecting the encoding and refusing what is not text."""

from __future__ import annotations

import codecs
import re

from curator.errors import ImportRefused

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in turn when no byte-order mark decides: GB18030 (a superset of GBK and GB2312)
# and Windows-1252 (a superset of Latin-1) both decode most byte strings, so which one is
# meant is told by the shape of the result (see _looks_western).
_WESTERN_ENCODING = "cp1252"
_WESTERN_SHARE = 0.5  # over this share of non-ASCII runs are lone characters in Latin words
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_UTF16_NUL_SHARE = 0.9  # share of NUL bytes that must sit on one side of each code unit
_UTF16_MIN_NULS = 0.1  # share of code units that must hold a NUL byte (an ASCII character)
_CONTROL_SHARE = 0.1  # above this share of control characters, the "text" is binary
# Control characters (category Cc) other than tab, line breaks and form feed.
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")

_BINARY = "The file looks like a binary file ({reason}), not text."


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the name of the codec that decodes them.

    The codec name decodes the bytes exactly (``data.decode(name) == text``). Raises
    ImportRefused for an empty or white-space-only file and for binary or undecodable data.
    """
    if not data:
        raise ImportRefused("The file is empty.")
    encoding = _encoding_from_byte_order_mark(data) or _utf16_from_nul_bytes(data)
    if encoding is not None:
        text = _decode_declared(data, encoding)
    elif b"\x00" in data:
        raise ImportRefused(
            _BINARY.format(reason="it contains NUL bytes")
            + " If it is UTF-16 text, save it with a byte-order mark or as UTF-8."
        )
    else:
        text, encoding = _decode_undeclared(data)
    _check_is_text(text)
    return text, encoding


def _encoding_from_byte_order_mark(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of the data, if any."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _utf16_from_nul_bytes(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by NUL bytes on one side of each code unit.

    Latin text in UTF-16 has a NUL high byte in almost every code unit: at odd offsets in
    little-endian files, at even ones in big-endian files. Binary data has NULs anywhere,
    and a text file with a few stray NULs is no UTF-16 (decoded so, it would be gibberish).
    Chinese UTF-16 with hardly any ASCII in it is therefore only recognized with a BOM.
    """
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    total = even_nuls + odd_nuls
    if total == 0 or total < len(data) / 2 * _UTF16_MIN_NULS:
        return None
    if odd_nuls >= total * _UTF16_NUL_SHARE:
        return "utf-16-le"
    if even_nuls >= total * _UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def _decode_declared(data: bytes, encoding: str) -> str:
    """Decode with the codec that a byte-order mark or the NUL pattern pointed to."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.upper()
        raise ImportRefused(
            f"The file looks like {name} text but is not valid {name}; "
            "it may be damaged or a binary file."
        ) from error


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_western(text: str) -> bool:
    """Whether the non-ASCII characters sit alone inside Latin words, as accents do.

    Latin-1 "café" read as GB18030 becomes "caf" plus one ideograph that swallowed the next
    letter; real Chinese comes in runs of several characters. So in the right reading of
    Western text most non-ASCII runs are one character long and touch an ASCII letter.
    """
    runs = list(_NON_ASCII_RUN.finditer(text))
    if not runs:
        return False

    def inside_word(run: re.Match[str]) -> bool:
        before = text[run.start() - 1] if run.start() else ""
        after = text[run.end()] if run.end() < len(text) else ""
        touches_letter = any(ch.isascii() and ch.isalpha() for ch in (before, after))
        return len(run.group()) == 1 and touches_letter

    return sum(map(inside_word, runs)) > len(runs) * _WESTERN_SHARE


def _decode_undeclared(data: bytes) -> tuple[str, str]:
    """Decode as strict UTF-8, else GB18030 or Windows-1252, whichever reads as text."""
    if (text := _decode_or_none(data, "utf-8")) is not None:
        return text, "utf-8"
    chinese = _decode_or_none(data, "gb18030")
    western = _decode_or_none(data, _WESTERN_ENCODING)
    if western is not None and _looks_western(western) and (
        chinese is None or _looks_western(chinese)
    ):
        return western, _WESTERN_ENCODING
    if chinese is not None:
        return chinese, "gb18030"
    raise ImportRefused(
        "The file's text encoding was not recognized (tried UTF-8, UTF-16, GB18030 and "
        "Windows-1252). Save it as UTF-8 and import it again."
    )


def _check_is_text(text: str) -> None:
    """Refuse decoded text that holds nothing, or that is mostly control characters."""
    if not text:
        raise ImportRefused("The file is empty.")
    if not text.strip():
        raise ImportRefused("The file contains only white space, no text.")
    if "\x00" in text:
        raise ImportRefused(_BINARY.format(reason="it contains NUL characters"))
    if len(_STRAY_CONTROLS.findall(text)) > len(text) * _CONTROL_SHARE:
        raise ImportRefused(_BINARY.format(reason="it is full of control characters"))
