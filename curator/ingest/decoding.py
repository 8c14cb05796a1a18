"""Turning a file's bytes into text: finding the encoding and refusing what is not clean text.

The encoding is taken from, in turn:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a mark, told by the NUL bytes of its ASCII characters;
3. for web pages, the encoding the page declares (<meta charset>, <meta http-equiv>,
   an XML declaration), if the bytes decode strictly in it — unless they are valid UTF-8
   with non-ASCII characters, which no legacy encoding's text is by chance: then the
   declaration is stale (the page was converted and its <meta> left behind);
4. strict UTF-8;
5. detection among the legacy encodings listed in `detecting`.

Text is never garbled silently: bytes that no step decodes, and text holding private-use
or unassigned characters (the mark of a wrong guess), are refused with a message saying
where the trouble is.
"""

from __future__ import annotations

import codecs
import re

from curator.domain.translation import N_, _
from curator.errors import ImportRefused
from curator.ingest.declarations import declared_encodings
from curator.ingest.detecting import candidate_names, detect_encoding
from curator.ingest.text_faults import (
    byte_position,
    encoding_label,
    first_unusual_character,
    unusual_character_message,
)

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF16_NUL_SHARE = 0.9  # share of NUL bytes that must sit on one side of each code unit
_UTF16_MIN_NULS = 0.1  # share of code units that must hold a NUL byte (an ASCII character)
_CONTROL_SHARE = 0.1  # above this share of control characters, the "text" is binary
# Control characters (category Cc) other than tab, line breaks and form feed.
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")

_BINARY = N_("The file looks like a binary file ({reason}), not text.")


def decode_bytes(data: bytes, *, markup: bool = False) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the name of the codec that decodes them.

    The codec name decodes the bytes exactly (``data.decode(name) == text``). With markup
    (an HTML page) an encoding the page declares is honoured. Raises ImportRefused for an
    empty or white-space-only file, for binary or undecodable data, and for text that holds
    private-use or unassigned characters.
    """
    if not data:
        raise ImportRefused(_("The file is empty."))
    text, encoding = _decode(data, markup=markup)
    _check_is_text(text, encoding)
    return text, encoding


def _decode(data: bytes, *, markup: bool) -> tuple[str, str]:
    """The text and codec, by byte-order mark, NUL pattern, declaration, UTF-8 or detection."""
    encoding = _encoding_from_byte_order_mark(data) or _utf16_from_nul_bytes(data)
    if encoding is not None:
        return _decode_marked(data, encoding), encoding
    if b"\x00" in data:
        raise ImportRefused(
            _(_BINARY).format(reason=_("it contains NUL bytes")) + " "
            + _("If it is UTF-16 text, save it with a byte-order mark or as UTF-8.")
        )
    declared = declared_encodings(data) if markup else ()
    if declared and (decoded := _decode_declared(data, declared)) is not None:
        return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    detected = detect_encoding(data)
    if detected is None:
        raise ImportRefused(_unrecognized(data, utf8_error, declared))
    return detected


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


def _decode_marked(data: bytes, encoding: str) -> str:
    """Decode with the codec that a byte-order mark or the NUL pattern pointed to."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding_label(encoding)
        raise ImportRefused(
            _("The file looks like {name} text but is not valid {name} at "
              "{byte_position}; it may be damaged or a binary file.").format(
                name=name, byte_position=byte_position(data, error, encoding))
        ) from error


def _decode_declared(data: bytes, declared: tuple[str, ...]) -> tuple[str, str] | None:
    """The text in the encoding a page declares, or None when that would garble it."""
    if not data.isascii() and _is_utf8(data):
        return None  # a stale declaration: the page is UTF-8 (see the module docstring)
    for encoding in declared:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if first_unusual_character(text) is None:
            return text, encoding
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _unrecognized(data: bytes, utf8_error: UnicodeDecodeError, declared: tuple[str, ...]) -> str:
    """The refusal for bytes no encoding reads: where UTF-8 fails, what else was tried."""
    tried = candidate_names()
    if declared:
        tried = _("{declared} as the page declares, {tried}").format(
            declared=encoding_label(declared[0]), tried=tried)
    return _("The file's text encoding was not recognized: it is not valid UTF-8 at "
             "{position}, and no other encoding tried ({tried}) reads it as clean text. Save "
             "it as UTF-8 and import it again.").format(
        position=byte_position(data, utf8_error, "utf-8"), tried=tried)


def _check_is_text(text: str, encoding: str) -> None:
    """Refuse decoded text that holds nothing, is mostly control characters, or is suspect."""
    if not text:
        raise ImportRefused(_("The file is empty."))
    if not text.strip():
        raise ImportRefused(_("The file contains only white space, no text."))
    if "\x00" in text:
        raise ImportRefused(_(_BINARY).format(reason=_("it contains NUL characters")))
    if len(_STRAY_CONTROLS.findall(text)) > len(text) * _CONTROL_SHARE:
        raise ImportRefused(_(_BINARY).format(reason=_("it is full of control characters")))
    if (index := first_unusual_character(text)) is not None:
        raise ImportRefused(unusual_character_message(text, index, encoding))
