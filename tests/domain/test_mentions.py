"""Finding a record's names in a text: whole words, any spacing, longest name first."""

from __future__ import annotations

from curator.domain.mentions import find_names


def _found(text: str, names: list[str]) -> list[str]:
    return [occurrence.name for occurrence in find_names(text, names)]


def test_a_name_is_found_as_whole_words_only() -> None:
    text = "Minister Han met Hanna Li; Han Changfu thanked the Hanoi office."
    assert _found(text, ["Han"]) == ["Han", "Han"]


def test_the_longest_name_wins_where_several_stand() -> None:
    text = "Han Changfu, then Minister Han, then Han again."
    assert _found(text, ["Han", "Han Changfu", "Minister Han"]) == [
        "Han Changfu", "Minister Han", "Han"]


def test_any_white_space_between_the_words_of_a_name() -> None:
    text = "the Rural\u00a0Finance\n Institute"
    [occurrence] = find_names(text, ["Rural Finance Institute"])
    assert text[occurrence.start:occurrence.end] == "Rural\u00a0Finance\n Institute"


def test_a_chinese_name_is_found_inside_a_sentence() -> None:
    assert _found("农业部部长韩长赋会见了代表团。", ["韩长赋"]) == ["韩长赋"]


def test_an_acronym_is_case_sensitive_and_a_single_letter_is_never_looked_for() -> None:
    assert _found("ADB and adb and the Bank", ["ADB", "B"]) == ["ADB"]
