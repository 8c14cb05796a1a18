"""Acronyms: what looks like one, and the initials of an expansion."""

from __future__ import annotations

import pytest

from curator.identity.acronyms import acronym_key, initials, partial_initials


@pytest.mark.parametrize(("text", "key"), [
    ("IPRCC", "IPRCC"), ("U.N.D.P.", "UNDP"), ("LGOP", "LGOP"), ("World Bank", None),
    ("Mr", None), ("Fan", None), ("范小建", None),
])
def test_acronym_key(text: str, key: str | None) -> None:
    assert acronym_key(text) == key


def test_initials_skip_small_words_and_also_count_them() -> None:
    assert initials("International Poverty Reduction Center in China") == ("IPRCC", "IPRCIC")


def test_a_single_word_has_no_initials() -> None:
    assert initials("UNICEF") == ()


def test_a_shortened_acronym_is_a_run_of_initials() -> None:
    runs = partial_initials(
        "State Council Leading Group Office of Poverty Alleviation and Development")
    assert "LGOP" in runs
    assert "SCLGOPAD" not in runs  # the whole is not partial
    assert all(len(run) >= 4 for run in runs)
