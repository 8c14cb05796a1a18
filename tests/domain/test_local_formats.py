"""Counts, shares and moments written as the language in use writes them (babel)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from curator.domain.local_formats import country_name, format_count, format_moment, format_share
from curator.languages import set_language

MOMENT = datetime(2012, 6, 12, 14, 5).astimezone()  # 14:05 where the test runs


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each language in turn, English again afterwards."""
    set_language(request.param)
    yield request.param
    set_language("en")


def test_counts_are_grouped_by_thousands(language: str) -> None:
    assert format_count(1234567) == "1,234,567"  # CLDR's Chinese groups as English does


def test_shares_are_whole_percentages(language: str) -> None:
    assert format_share(0.4) == "40%"


def test_moments_are_written_in_the_language(language: str) -> None:
    expected = {"en": "Jun 12, 2012 14:05", "zh_CN": "2012年6月12日 14:05"}
    assert format_moment(MOMENT) == expected[language]


def test_country_names_are_in_the_language(language: str) -> None:
    assert country_name("BR") == {"en": "Brazil", "zh_CN": "巴西"}[language]
