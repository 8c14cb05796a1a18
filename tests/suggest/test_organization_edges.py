"""Where an organization's name begins and ends when the words around it are capitalized too:
lists joined by "and", a partnership written with a hyphen, a speech's title in quotes, a
department named after several countries, a country's formal name after an organization.
Sentences of our own in the genre."""

from __future__ import annotations

from curator.suggest.pipeline import suggest_document


def _organizations(text: str) -> list[str]:
    return sorted(organization.name for organization in suggest_document(text).organizations)


def test_a_company_written_in_one_word_with_an_inner_capital_is_an_organization() -> None:
    names = _organizations(
        "On May 9, 2019, experts of the Ministry of Water Resources and SinoHydro attended "
        "the workshop in Accra.")
    assert names == ["Ministry of Water Resources", "SinoHydro"]


def test_a_surname_with_an_inner_capital_is_not_a_company() -> None:
    names = _organizations(
        "On May 9, 2019, Mr. Liam McDonald of the Irish Aid Office met with Ms. Ana DeSouza.")
    assert names == ["Irish Aid Office"]


def test_a_partnership_written_with_a_hyphen_is_not_an_acronym() -> None:
    names = _organizations(
        "From June 3 to 9, 2019, the 2nd Kenya-UNEP Seminar on Drylands, sponsored by the "
        "Ministry of Environment, was held in Nairobi.")
    assert names == ["Ministry of Environment"]


def test_a_speech_title_in_quotes_names_no_organization() -> None:
    names = _organizations(
        "On April 2, 2019, the Director of the Water Institute delivered a speech titled "
        "“Rural Water, the Sustainable Development Agenda and the Role of United Nations "
        "Agencies” at the forum.")
    assert names == ["Water Institute"]


def test_an_agreement_quoted_by_its_name_still_names_its_parties() -> None:
    names = _organizations(
        "On April 2, 2019, the two sides signed the “Memorandum between the Ministry of Water "
        "Resources and the National Irrigation Board of Kenya”.")
    assert "Ministry of Water Resources" in names
    assert any(name.startswith("National Irrigation Board") for name in names)


def test_a_department_named_after_several_countries_keeps_them_all() -> None:
    names = _organizations(
        "On March 5, 2019, the Director of the Bank’s Nepal, Bhutan and Bangladesh Department "
        "attended the meeting.")
    assert "Nepal, Bhutan and Bangladesh Department" in names


def test_a_countrys_formal_name_after_an_organization_is_not_part_of_it() -> None:
    names = _organizations(
        "On March 5, 2019, the Water Resources Agency of Poverty Relief and Development "
        "People's Republic of China signed the plan.")
    assert names == ["Water Resources Agency of Poverty Relief and Development"]


def test_a_facility_is_an_organization() -> None:
    names = _organizations(
        "On March 5, 2019, grants from the Global Environment Facility were approved.")
    assert names == ["Global Environment Facility"]


def test_a_country_whose_name_ends_in_republic_stays_in_the_organizations_name() -> None:
    names = _organizations(
        "On March 5, 2019, the Ministry of Finance of Dominican Republic (MFDR) and the Embassy "
        "of the Syrian Arab Republic signed the plan.")
    assert "Ministry of Finance of Dominican Republic" in names
    assert not any(name.endswith("Syrian") for name in names)
