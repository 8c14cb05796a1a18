"""Finding the encoding a web page declares: <meta charset>, http-equiv, or an XML declaration."""

from __future__ import annotations

import codecs
import re

# Pages name their encoding within the first few hundred bytes; browsers look at 1024.
# A long <head> of scripts pushes some further, so look a little beyond that.
_PRESCAN_BYTES = 4096
_XML_DECLARATION = re.compile(
    rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE
)
# Both <meta charset="big5"> and <meta http-equiv="Content-Type" content="…; charset=big5">.
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# Labels Python lacks are given their WHATWG meaning.
_LABEL_ALIASES: dict[str, str] = {"x-gbk": "gbk", "x-sjis": "shift_jis", "windows-31j": "cp932"}
# Labels decoded as the encoding browsers (WHATWG Encoding standard) read them as:
# GB2312 and GBK pages as their superset GB18030, Latin-1 and ASCII as Windows-1252.
_LABEL_SUPERSETS: dict[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
}
# Tried when a page fails to decode in the encoding it names: the Windows code page that
# extends it, which is what many "Big5" or "Shift_JIS" pages were really saved in.
_WINDOWS_EXTENSIONS: dict[str, str] = {"big5": "cp950", "shift_jis": "cp932", "euc_kr": "cp949"}
# A page declaring UTF-16 or UTF-32 in ASCII cannot be in it; the declaration is ignored.
_UNREADABLE_DECLARATIONS = frozenset(
    {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)


def declared_encodings(data: bytes) -> tuple[str, ...]:
    """The Python codecs to try for the encoding a page's XML declaration or <meta> names.

    Empty when the page declares nothing, or names an encoding Python does not have.
    """
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if match is None:
        return ()
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_LABEL_ALIASES.get(label, label)).name
    except LookupError:
        return ()
    if name in _UNREADABLE_DECLARATIONS:
        return ()
    name = _LABEL_SUPERSETS.get(name, name)
    extension = _WINDOWS_EXTENSIONS.get(name)
    return (name, extension) if extension else (name,)
