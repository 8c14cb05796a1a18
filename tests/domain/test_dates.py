"""Partial dates: the forms sources use, normalized to ISO at their precision."""

import calendar
import importlib.util
import locale
from types import ModuleType

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


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12th June 2012", "2012-06-12"),
        ("June 12th, 2012", "2012-06-12"),
        ("1st May 2012", "2012-05-01"),
        ("2nd Jan. 2012", "2012-01-02"),
        ("3rd Sept. 2012", "2012-09-03"),
        ("21st December 2012", "2012-12-21"),
        ("Nov. 22nd, 2012", "2012-11-22"),
        ("11th Oct 2012", "2012-10-11"),
        ("the 13th of June, 2012", "2012-06-13"),
        ("JUNE 12TH, 2012", "2012-06-12"),
    ],
)
def test_ordinal_days_are_read(text: str, iso: str) -> None:
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize("text", ["12st June 2012", "June 1th, 2012", "11st May 2012"])
def test_an_ordinal_with_the_wrong_suffix_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not an ordinal"):
        parse_partial_date(text)


GERMAN_MONTHS = ["", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]


def _fresh_dates_module() -> ModuleType:
    """curator.domain.dates executed anew, so its tables are rebuilt; sys.modules keeps the
    module imported above (its dataclass needs that entry to resolve annotations)."""
    spec = importlib.util.find_spec("curator.domain.dates")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_month_names_stay_english_when_the_calendar_speaks_german(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar, "month_name", GERMAN_MONTHS)
    monkeypatch.setattr(calendar, "month_abbr", [name[:3] for name in GERMAN_MONTHS])
    dates = _fresh_dates_module()
    assert [dates.parse_partial_date(text).iso() for text in ("June 2012", "12 Oct. 2012")] == [
        "2012-06", "2012-10-12"]


@pytest.mark.parametrize("name", ["de_DE.UTF-8", "zh_CN.UTF-8"])
def test_month_names_stay_english_under_another_time_locale(name: str) -> None:
    saved = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        pytest.skip(f"the {name} locale is not installed")
    try:
        dates = _fresh_dates_module()
        assert dates.parse_partial_date("June 12th, 2012").iso() == "2012-06-12"
        assert parse_partial_date("Sept. 2012").iso() == "2012-09"
    finally:
        locale.setlocale(locale.LC_TIME, saved)
