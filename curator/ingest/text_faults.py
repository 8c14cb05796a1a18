"""Saying where decoding went wrong: byte positions, suspicious characters, encoding names."""

from __future__ import annotations

import codecs
import unicodedata

from curator.domain.translation import _

# Names a user recognizes, by Python codec name (as codecs.lookup spells it).
_LABELS: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "cp950": "Big5 (Traditional Chinese)",
    "big5hkscs": "Big5-HKSCS (Traditional Chinese)",
    "shift_jis": "Shift-JIS (Japanese)",
    "cp932": "Shift-JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "euc_kr": "EUC-KR (Korean)",
    "cp949": "EUC-KR (Korean)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Russian)",
    "cp1252": "Windows-1252 (Western European)",
}
# Private use (Co) has no agreed meaning; unassigned (Cn) is no character at all.
_UNUSUAL_CATEGORIES = frozenset({"Co", "Cn"})


def encoding_label(codec: str) -> str:
    """The name of a codec as a user knows it: "Big5 (Traditional Chinese)", "UTF-8"."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    return _LABELS.get(name, name.upper())


def byte_position(data: bytes, error: UnicodeDecodeError, codec: str) -> str:
    """Where a decoding error is: "byte 1,234 (line 17)", bytes counted from 0 as hex editors do."""
    offset = error.start
    if codecs.lookup(codec).name == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        offset += len(codecs.BOM_UTF8)  # this codec counts from after its mark
    line = data[:offset].decode(codec, errors="replace").count("\n") + 1
    return _("byte {offset:,} (line {line:,})").format(offset=offset, line=line)


def first_unusual_character(text: str) -> int | None:
    """The index of the first private-use or unassigned character in text, if there is one."""
    unusual = [char for char in set(text) if unicodedata.category(char) in _UNUSUAL_CATEGORIES]
    return min(map(text.index, unusual)) if unusual else None


def unusual_character_message(text: str, index: int, codec: str) -> str:
    """A refusal naming the private-use or unassigned character at index and its line."""
    char = text[index]
    line = text.count("\n", 0, index) + 1
    kind = (
        _("a private-use character, which has no agreed meaning")
        if unicodedata.category(char) == "Co"
        else _("a code point that is not a character")
    )
    found = _("U+{code:04X} on line {line:,}: {kind}").format(code=ord(char), line=line,
                                                             kind=kind)
    if codecs.lookup(codec).name.startswith("utf-"):
        return _("The file's text contains {found}. Replace it and import the file "
                 "again.").format(found=found)
    return _("Read as {encoding}, the file's text contains {found}. The file is probably in "
             "another encoding; save it as UTF-8 and import it again.").format(
        encoding=encoding_label(codec), found=found)
