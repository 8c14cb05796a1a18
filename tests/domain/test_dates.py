"""Partial dates: the forms sources use, normalized to ISO at their precision."""

import pytest

from curator.domain.dates import PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2012", "2012"),
        ("2012-6", "2012-06"),
        ("2012/06/12", "2012-06-12"),
        ("June 2012", "2012-06"),
        ("Sept. 2012", "2012-09"),
        ("12 June 2012", "2012-06-12"),
        ("June 12, 2012", "2012-06-12"),
        ("Nov. 20, 2012", "2012-11-20"),
        ("2012年6月12日", "2012-06-12"),
        ("2012年6月", "2012-06"),
        ("  2012-06-12 ", "2012-06-12"),
    ],
)
def test_accepted_forms_normalize_to_iso(text: str, iso: str) -> None:
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize(
    "text",
    ["2012-02-30", "2012-13", "garbage", "12/03/2012", "Juno 2012", "2012-06-00", "0 June 2012",
     "0000"],
)
def test_impossible_or_ambiguous_dates_are_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValueError, match="Write it as 2012"):
        parse_partial_date(text)


def test_precision_follows_what_is_known() -> None:
    assert [PartialDate(2012).precision, PartialDate(2012, 6).precision,
            PartialDate(2012, 6, 12).precision] == ["year", "month", "day"]
