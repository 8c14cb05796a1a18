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
