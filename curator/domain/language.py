"""Telling Chinese characters from others, and guessing a text's language from them."""

from __future__ import annotations

import re

# Han ideographs: the unified blocks, extension A, compatibility ideographs, and the
# supplementary planes that hold extensions B and beyond.
_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_HAN = re.compile(f"[{_HAN_RANGES}]")
# A run of ideographs, with CJK punctuation (、。「」…) and the middle dot allowed inside it.
_HAN_RUN = re.compile(f"[{_HAN_RANGES}](?:[{_HAN_RANGES}\u3000-\u303f·]*[{_HAN_RANGES}])?")

CHINESE_SHARE = 0.3
"""Share of letters that must be Han ideographs for a text to count as Chinese."""


def is_cjk(char: str) -> bool:
    """Whether a character is a Han (Chinese) ideograph."""
    return _HAN.fullmatch(char) is not None


def detect_language(text: str) -> str:
    """The language code: "zh" when over 30% of the letters are Han ideographs, else "en"."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return "en"
    return "zh" if len(_HAN.findall(text)) / letters > CHINESE_SHARE else "en"


def contains_cjk(text: str) -> bool:
    """Whether any character of `text` is a Han ideograph."""
    return _HAN.search(text) is not None


def without_han(text: str) -> str:
    """`text` with every Han ideograph replaced by a space."""
    return _HAN.sub(" ", text)


def han_runs(text: str) -> list[str]:
    """The runs of Han ideographs (with CJK punctuation between them) in `text`."""
    return _HAN_RUN.findall(text)
