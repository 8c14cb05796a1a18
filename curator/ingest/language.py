"""Telling Chinese characters from others, and guessing a text's language from them."""

from __future__ import annotations

# Han ideographs: the unified blocks, extension A, compatibility ideographs, and the
# supplementary planes that hold extensions B and beyond.
_HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)

CHINESE_SHARE = 0.3
"""Share of letters that must be Han ideographs for a text to count as Chinese."""


def is_cjk(char: str) -> bool:
    """Whether a character is a Han (Chinese) ideograph."""
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN_RANGES)


def detect_language(text: str) -> str:
    """The language code: "zh" when over 30% of the letters are Han ideographs, else "en"."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "en"
    han = sum(1 for char in letters if is_cjk(char))
    return "zh" if han / len(letters) > CHINESE_SHARE else "en"
