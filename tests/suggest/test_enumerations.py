"""Activities counted and then named one by one: an event for each, when as many are named as
counted. Sentences of our own in the genre."""

from __future__ import annotations

from curator.suggest.enumerations import named_activities
from curator.suggest.pipeline import suggest_document
from curator.suggest.suggestions import SuggestedEvent

SEMINARS = (
    "Cooperation in 2016\n\n"
    "In 2016, the Rural Finance Institute held three seminars for 120 officials, namely the "
    "seminar on “Microcredit for Women” in Kenya, the workshop on “Crop Insurance, Weather "
    "and Risk” in Peru and the “Village Savings Groups” seminar in Nepal.\n"
)
DATED = (
    "Trainings\n\n"
    "From May 3 to 9, 2017, IPRCC organized two trainings, namely the training on “Rural "
    "Roads” in Laos and the training on “Rural Water Supply” in Cambodia.\n"
)


def _events(text: str) -> list[SuggestedEvent]:
    return suggest_document(text).events


def test_each_activity_counted_and_named_is_an_event_of_the_year_the_sentence_names() -> None:
    events = _events(SEMINARS)
    assert [(e.start_date, e.title, e.country) for e in events] == [
        ("2016", "Microcredit for Women", "KE"),
        ("2016", "Crop Insurance, Weather and Risk", "PE"),
        ("2016", "Village Savings Groups", "NP")]
    assert {e.event_type for e in events} == {"seminar/training"}
    assert all(SEMINARS[e.span.start:e.span.end].startswith("the ") for e in events)
    assert all([link.role for link in e.organizations] == ["organizer"] for e in events)
    assert all(e.participant_count is None for e in events)  # 120 came to all three


def test_named_activities_of_a_dated_sentence_take_its_dates_and_replace_its_one_event(
        ) -> None:
    events = _events(DATED)
    assert [(e.start_date, e.end_date, e.title, e.country) for e in events] == [
        ("2017-05-03", "2017-05-09", "Rural Roads", "LA"),
        ("2017-05-03", "2017-05-09", "Rural Water Supply", "KH")]


def test_a_count_that_the_list_does_not_match_names_no_activities() -> None:
    assert named_activities(
        "In 2016, the institute held three seminars, including the seminar on “Rural Credit” "
        "in Kenya and the seminar on “Crop Insurance” in Peru.") == (-1, [])


def test_countries_or_people_counted_and_listed_are_not_activities() -> None:
    assert named_activities(
        "In 2016, 26 officials from three countries, namely Kenya, Peru and Nepal, attended.",
    ) == (-1, [])
    assert named_activities(
        "In 2016, two experts, namely Dr. Amina Diallo and Mr. Tomas Berg, lectured.",
    ) == (-1, [])
