"""Countries: codes from codes, CLDR names and the variants sources use, in either script."""

import pytest

from curator.domain.countries import (
    Country,
    all_countries,
    country_name,
    match_countries,
    resolve_country,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("br", "BR"),
        ("BR", "BR"),
        ("Brazil", "BR"),
        ("巴西", "BR"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("East Timor", "TL"),
        ("Timor-Leste", "TL"),
        ("Congo (Kinshasa)", "CD"),
        ("Congo (Brazzaville)", "CG"),
        ("Democratic Republic of the Congo", "CD"),
        ("Cote d'ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("CÔTE D‘IVOIRE", "CI"),
        ("cote d ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Central Africa", "CF"),
        ("Palestine", "PS"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("DPRK", "KP"),
        ("ROK", "KR"),
        ("South Korea", "KR"),
        ("Korea", "KR"),  # what sources mean by it; the north is "DPRK"
        ("the United States", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("UK", "GB"),
        ("Russia", "RU"),
        ("Viet Nam", "VN"),
        ("Tanzania", "TZ"),
        ("Swaziland", "SZ"),
        ("Cape Verde", "CV"),
        ("Cabo Verde", "CV"),
        ("Macedonia", "MK"),
        ("Holland", "NL"),
        ("The Netherlands", "NL"),
        ("Turkey", "TR"),
        ("Turkiye", "TR"),
        ("Saint Kitts and Nevis", "KN"),
        ("  the   Gambia ", "GM"),
    ],
)
def test_names_sources_use_resolve_to_the_code(text: str, code: str) -> None:
    assert resolve_country(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("坦桑尼亚", "TZ"),
        ("朝鲜", "KP"),
        ("韩国", "KR"),
        ("刚果(金)", "CD"),
        ("剛果（布）", "CG"),
        ("韓國", "KR"),
        ("美國", "US"),
        ("中國香港", "HK"),
    ],
)
def test_chinese_names_resolve_in_either_script(text: str, code: str) -> None:
    assert resolve_country(text) == code


@pytest.mark.parametrize(("text", "code"), [("坦尚尼亞", "TZ"), ("寮國", "LA"), ("紐西蘭", "NZ")])
def test_taiwan_wording_resolves_where_opencc_maps_it(text: str, code: str) -> None:
    assert resolve_country(text) == code


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", "国务院", "EU", "United Nations", "ZZ"])
def test_unknown_text_and_regions_resolve_to_nothing(text: str) -> None:
    assert resolve_country(text) is None


def test_country_names_in_both_languages() -> None:
    assert (country_name("TZ"), country_name("tz", "zh")) == ("Tanzania", "坦桑尼亚")


def test_an_unknown_code_names_itself() -> None:
    assert country_name("SU", "zh") == "SU"


def test_other_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="en or zh"):
        country_name("TZ", "fr")


def test_all_countries_are_iso_alpha2_without_regions_sorted_by_english_name() -> None:
    countries = all_countries()
    codes = {country.code for country in countries}
    assert len(countries) == 250  # ISO 3166-1's 249, and Kosovo
    assert {"EU", "UN", "QO", "ZZ", "XA", "XB", "001"}.isdisjoint(codes)
    assert countries[:3] == (
        Country("AF", "Afghanistan", "阿富汗"),
        Country("AX", "Åland Islands", "奥兰群岛"),
        Country("AL", "Albania", "阿尔巴尼亚"),
    )


def test_every_country_resolves_from_its_own_names_and_code() -> None:
    for country in all_countries():
        assert {resolve_country(country.code), resolve_country(country.name_en),
                resolve_country(country.name_zh)} == {country.code}


def test_matching_puts_the_code_first_then_names_starting_with_the_text() -> None:
    assert [country.code for country in match_countries("br")][:3] == ["BR", "IO", "VG"]


def test_matching_finds_chinese_names_by_part_in_either_script() -> None:
    assert [country.code for country in match_countries("韓")] == ["KR", "KP"]


def test_matching_finds_a_country_by_a_variant_name() -> None:
    assert [country.code for country in match_countries("burm")] == ["MM"]


def test_a_blank_prefix_offers_every_country() -> None:
    assert match_countries(" ") == list(all_countries())
