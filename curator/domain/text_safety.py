"""Text safe to keep and to show: control characters found in names, escaped for terminals."""

from __future__ import annotations

import unicodedata

from curator.domain.translation import _

LINE_BREAKS_AND_TAB = frozenset("\t\n\r")
"""The control characters a multi-line field (a description, notes) may hold."""

# Not control characters, but they break a line or reorder what follows on a terminal.
_LAYOUT_CHARACTERS = frozenset(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _description(char: str) -> str:
    """A control character's name in the language chosen."""
    descriptions = {"\n": _("a line break"), "\r": _("a carriage return"), "\t": _("a tab"),
                    "\x1b": _("an escape character"), "\x00": _("a NUL character"),
                    "\u2028": _("a line separator"), "\u2029": _("a paragraph separator")}
    return descriptions.get(char) or _("a control character")


def is_control_character(char: str) -> bool:
    """Whether `char` is a control character (C0, DEL, C1) or a line/paragraph separator."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def first_control_character(text: str, *, allow_line_breaks: bool = False) -> str | None:
    """The first control character in `text`, if any (tabs and line breaks may be allowed)."""
    for char in text:
        if is_control_character(char) and not (
            allow_line_breaks and char in LINE_BREAKS_AND_TAB
        ):
            return char
    return None


def without_control_characters(text: str) -> str:
    """`text` less its control characters."""
    return "".join(char for char in text if not is_control_character(char))


def escaped_character(char: str) -> str:
    """How `escape_for_terminal` writes one character: ``\\n``, ``\\x1b``, ``\\u202e``."""
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def describe_character(char: str) -> str:
    """A control character named for a message: "a line break (\\n)"."""
    return f"{_description(char)} ({escaped_character(char)})"


def escape_for_terminal(text: str) -> str:
    """`text` with every character that could fake a line, a column or a colour escaped.

    A file name holding a newline, a tab or an escape sequence is shown as ``\\n``, ``\\t``,
    ``\\x1b``, so it can neither add rows to a listing nor change the terminal's colours.
    """
    if text.isprintable():  # the common case, and fast
        return text
    return "".join(
        escaped_character(char)
        if is_control_character(char) or char in _LAYOUT_CHARACTERS else char
        for char in text
    )
