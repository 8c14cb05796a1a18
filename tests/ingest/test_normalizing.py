"""Normalizing text: the stored form that every offset refers to."""

from __future__ import annotations

import pytest

from curator.ingest.normalizing import normalize_text


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_non_breaking_spaces_become_plain_spaces(space: str) -> None:
    assert normalize_text(f"Beijing{space}from Nov. 20") == "Beijing from Nov. 20"


def test_ideographic_space_is_kept() -> None:
    assert normalize_text("\u3000\u3000国务院\u3000扶贫办") == "\u3000\u3000国务院\u3000扶贫办"


def test_crlf_becomes_newline() -> None:
    assert normalize_text("one\r\ntwo\r\n\r\nthree") == "one\ntwo\n\nthree"


def test_lone_carriage_return_becomes_newline() -> None:
    assert normalize_text("one\rtwo") == "one\ntwo"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\f", "\v", "\x85"])
def test_other_line_separators_become_newline(separator: str) -> None:
    assert normalize_text(f"one{separator}two") == "one\ntwo"


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u00ad"])
def test_zero_width_characters_are_removed(invisible: str) -> None:
    assert normalize_text(f"{invisible}Pov{invisible}erty") == "Poverty"


def test_control_characters_are_removed_but_tab_kept() -> None:
    assert normalize_text("a\x00b\x07c\x1bd\x7fe\x9ff\tg") == "abcdef\tg"


def test_trailing_white_space_is_stripped_from_each_line() -> None:
    assert normalize_text("Overview \t\nText\u00a0\u00a0\nMore\u3000") == "Overview\nText\nMore"


def test_indentation_is_kept() -> None:
    assert normalize_text("Title\n\n    Indented paragraph") == "Title\n\n    Indented paragraph"


def test_runs_of_blank_lines_collapse_to_one_empty_line() -> None:
    assert normalize_text("one\n\n\n\ntwo\n \n\u00a0\n\nthree") == "one\n\ntwo\n\nthree"


def test_leading_and_trailing_blank_lines_are_stripped() -> None:
    assert normalize_text("\n \n\n  Title\nbody\n\n\n") == "  Title\nbody"


def test_text_is_composed_to_nfc() -> None:
    assert normalize_text("Cote d'Ivoire: Co\u0302te") == "Cote d'Ivoire: C\u00f4te"


def test_curly_quotes_are_kept() -> None:
    text = "the “Outline for Development-oriented Poverty Reduction” and China’s"

    assert normalize_text(text) == text


def test_normalizing_twice_changes_nothing() -> None:
    once = normalize_text(" \r\nA\u00a0b\u200b \r\n\r\n\r\n\tc\x01\u2029")

    assert normalize_text(once) == once
