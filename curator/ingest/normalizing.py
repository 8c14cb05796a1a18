"""Normalizing decoded text into the form that is stored and that every offset refers to."""

from __future__ import annotations

import re
import unicodedata

# Line and paragraph separators of every origin (NEL U+0085 included) become "\n".
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
# Non-breaking spaces become plain ones; the ideographic space U+3000 is Chinese content.
_NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")
# Invisible characters dropped: zero-width space, word joiner, BOM, soft hyphen.
# Zero-width (non-)joiners U+200C/U+200D are kept: they shape scripts and emoji.
_INVISIBLES = re.compile("[\u200b\u2060\ufeff\u00ad]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Normalize text: NFC, "\\n" line breaks, plain spaces, no invisible or control characters.

    Trailing white space is stripped from each line, paragraphs are separated by at most one
    empty line, and the text neither begins nor ends with a line break (so it has no final
    newline). Indentation (ideographic spaces too), tabs and curly quotes are kept as content.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _NO_BREAK_SPACES.sub(" ", text)
    text = _INVISIBLES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
