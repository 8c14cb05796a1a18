"""Converting between Python string offsets and Qt's UTF-16 text positions."""

from __future__ import annotations

import bisect


class TextOffsets:
    """Maps code-point offsets of a text to Qt positions, which count astral characters twice."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Qt position at which each astral character starts.
        self._astral_qt = [offset + n for n, offset in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Qt position of the code point at `offset`."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt `position` (the middle of a pair maps to its start)."""
        if not self._astral:
            return position
        before = bisect.bisect_left(self._astral_qt, position)
        if before and self._astral_qt[before - 1] + 1 == position:  # inside a surrogate pair
            return self._astral[before - 1]
        return position - before
