"""Control characters: found in what a curator enters, escaped in what a terminal shows."""

from __future__ import annotations

import pytest

from curator.domain.text_safety import (
    describe_character,
    escape_for_terminal,
    first_control_character,
    without_control_characters,
)


@pytest.mark.parametrize(("raw", "shown"), [
    ("report.txt", "report.txt"),
    ("两会报告.txt", "两会报告.txt"),
    ("two\nlines.txt", "two\\nlines.txt"),
    ("tab\there", "tab\\there"),
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("bell\x07\x7f\x85", "bell\\x07\\x7f\\x85"),
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
    ("line\u2028sep", "line\\u2028sep"),
])
def test_escape_for_terminal_shows_control_characters_as_escapes(raw: str, shown: str) -> None:
    assert escape_for_terminal(raw) == shown


def test_an_escaped_name_is_one_printable_line() -> None:
    shown = escape_for_terminal("a\nb\rc\td\x1be\x00")
    assert shown.isprintable() and "\n" not in shown


def test_first_control_character_allows_line_breaks_only_when_asked() -> None:
    assert first_control_character("Fan Xiaojian") is None
    assert first_control_character("two\nlines") == "\n"
    assert first_control_character("two\nlines\tand a tab", allow_line_breaks=True) is None
    assert first_control_character("notes\x1b[2J", allow_line_breaks=True) == "\x1b"


def test_control_characters_are_described_for_a_message() -> None:
    assert describe_character("\n") == "a line break (\\n)"
    assert describe_character("\x1b") == "an escape character (\\x1b)"
    assert describe_character("\x02") == "a control character (\\x02)"


def test_without_control_characters_keeps_everything_else() -> None:
    assert without_control_characters("IPRCC\x1b 中心\x00") == "IPRCC 中心"
