"""News-release wording: the activity told first and its date after, and a headline whose
verbs are capitalized. Texts of our own in the genre."""

from __future__ import annotations

from curator.ingest.sections import detect_sections
from curator.suggest.pipeline import suggest_document

NEWS = (
    "Vice Minister Liang Hong Meets Kenyan Water Delegation\n\n"
    "Nairobi, June 4, 2018 — Vice Minister of Water Resources Liang Hong met with a delegation "
    "of the Kenya Water Institute led by Director Peter Mwangi in Nairobi on June 3, 2018.\n\n"
    "The delegation toured the China Institute of Water Resources and Hydropower Research "
    "(IWHR) from May 28 to 30, 2018, at the invitation of the ministry.\n"
)


def _suggested() -> tuple[list[tuple[str, str | None, str]], list[str]]:
    found = suggest_document(NEWS, detect_sections(NEWS))
    events = [(event.start_date, event.end_date, event.title) for event in found.events]
    return events, sorted(person.name for person in found.people)


def test_an_activity_told_before_its_date_is_an_event_titled_by_its_words() -> None:
    events, _people = _suggested()
    starts = {start: (end, title) for start, end, title in events}
    assert set(starts) == {"2018-06-03", "2018-05-28"}  # not the dateline's June 4
    assert starts["2018-06-03"][1].startswith(
        "Vice Minister of Water Resources Liang Hong met with a delegation")
    assert starts["2018-05-28"][0] == "2018-05-30"
    assert starts["2018-05-28"][1].startswith("The delegation toured the China Institute")


def test_a_headline_verb_is_not_part_of_a_name() -> None:
    _events, people = _suggested()
    assert "Liang Hong" in people
    assert not any(name.endswith("Meets") for name in people)


BRACKETS = (
    "The seminar was organized by the China International Center for Economic and Technical "
    "Exchanges (CICETE, 中国国际经济技术交流中心). Wu Jin, Director of CICETE (吴进主任), "
    "opened it on May 2, 2018.\n"
)


def test_an_acronym_and_a_chinese_name_in_one_bracket_belong_to_the_name_before() -> None:
    found = suggest_document(BRACKETS, detect_sections(BRACKETS))
    [center] = [o for o in found.organizations if o.acronym == "CICETE"]
    assert center.name.endswith("Center for Economic and Technical Exchanges")
    assert center.name_zh == "中国国际经济技术交流中心"


def test_a_chinese_name_with_a_persons_title_is_not_the_organizations() -> None:
    text = ("Zhou Bin, Director of the Foreign Economic Cooperation Center (周斌主任), met the "
            "guests on May 3, 2018.\n")
    found = suggest_document(text, detect_sections(text))
    assert all(o.name_zh != "周斌主任" for o in found.organizations)


def test_a_title_whose_fields_are_listed_with_commas_still_names_the_person_after_it() -> None:
    text = ("From May 7 to 8, 2019, Vice Minister Li Wei met with Ghanaian Minister of Lands, "
            "Forestry and Mines Kwaku Asomah Cheremeh on the sidelines.")
    people = {person.name: person.title for person in suggest_document(text).people}
    assert people == {"Li Wei": "Vice Minister",
                      "Kwaku Asomah Cheremeh": "Minister of Lands, Forestry and Mines"}
