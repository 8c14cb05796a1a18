"""Finding a phrase in a document: case, white space, Chinese and the cap on hits."""

from __future__ import annotations

from curator.domain.text_search import find_occurrences

TEXT = ("On March 3, the Ministry of Agriculture received a delegation.\n"
        "The MINISTRY of\u00a0agriculture then hosted a seminar in 北京; 北京 was busy.")


def test_every_occurrence_is_found_ignoring_case() -> None:
    hits = find_occurrences(TEXT, "ministry of agriculture")
    assert [TEXT[start:end] for start, end in hits] == [
        "Ministry of Agriculture", "MINISTRY of\u00a0agriculture"]


def test_a_two_character_chinese_phrase_is_found_each_time() -> None:
    hits = find_occurrences(TEXT, "北京")
    assert [TEXT[start:end] for start, end in hits] == ["北京", "北京"]
    assert hits[0][0] < hits[1][0]


def test_a_blank_phrase_finds_nothing() -> None:
    assert find_occurrences(TEXT, "   ") == []


def test_regular_expression_characters_are_taken_literally() -> None:
    assert find_occurrences("a (b) a.b axb", "a.b") == [(6, 9)]


def test_hits_stop_at_the_limit() -> None:
    assert len(find_occurrences("ab" * 50, "b", limit=7)) == 7
