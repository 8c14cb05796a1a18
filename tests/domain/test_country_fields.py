"""Telling a stored country code from text kept for a curator to fix."""

from curator.domain.country_fields import country_value, is_country_code, is_country_field
from curator.domain.records import RecordKind


def test_a_known_code_is_a_code() -> None:
    assert is_country_code("BR")


def test_names_lower_case_and_unknown_codes_are_not_codes() -> None:
    assert [is_country_code(v) for v in ("Brazil", "br", "XX", "", None)] == [False] * 5


def test_a_code_has_both_names_and_text_has_none() -> None:
    brazil, unresolved = country_value("BR"), country_value("Brazil and Peru")
    assert (brazil.name_en, brazil.name_zh, brazil.unresolved) == ("Brazil", "巴西", False)
    assert (unresolved.stored, unresolved.name_en, unresolved.unresolved) == (
        "Brazil and Peru", "", True)


def test_the_country_fields_of_each_kind() -> None:
    assert is_country_field(RecordKind.PERSON, "nationality")
    assert not is_country_field(RecordKind.EVENT, "city")
