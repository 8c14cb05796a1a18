"""Items of a numbered list of activities that give no date of their own: events of the year
the text has reached. Texts of our own in the genre of an annual report."""

from __future__ import annotations

from curator.ingest.sections import detect_sections
from curator.suggest.pipeline import suggest_document

REPORT = (
    "Rural Finance Institute Annual Report 2017\n\n"
    "Studies\n\n"
    "【Studies】  1. A survey of village credit cooperatives organized by the Rural Finance "
    "Institute (RFI), known as “Rural Credit Cooperatives Survey”, was approved by the "
    "National Science Fund. It covers twelve provinces.\n\n"
    "2. In May 2017, the Institute hosted a workshop on mobile payments in Kunming.\n\n"
    "3. To prepare the Asia Microcredit Summit, RFI conducted interviews in Yunnan and "
    "Guizhou.\n\n"
    "4. Village banking pilots: lessons of ten years\n\n"
    "Outlook\n\n"
    "1. The Institute will widen its work on rural insurance.\n\n"
    "Rural credit remains scarce in remote counties, which the cooperatives organized by "
    "farmers try to address.\n"
)


def _events() -> list[tuple[str, str | None, str, float]]:
    found = suggest_document(REPORT, detect_sections(REPORT))
    return [(event.start_date, event.event_type, REPORT[event.span.start:event.span.end],
             event.confidence) for event in found.events]


def test_an_undated_item_of_an_activity_list_is_an_event_of_the_year_reached() -> None:
    events = _events()
    undated = [(start, kind, sentence) for start, kind, sentence, _ in events if start == "2017"]
    assert [sentence[:40] for _, _, sentence in undated] == [
        "A survey of village credit cooperatives ", "To prepare the Asia Microcredit Summit, "]
    assert {kind for _, kind, _ in undated} == {"research"}
    titles = [event.title for event in suggest_document(REPORT, detect_sections(REPORT)).events
              if event.start_date == "2017"]
    assert titles[0] == "Rural Credit Cooperatives Survey"  # the name the item gives
    assert ("2017-05", "research") in [(start, kind) for start, kind, _, _ in events]
    assert all(confidence < 0.75 for start, _, _, confidence in events if start == "2017")


def test_headings_plans_and_prose_without_a_date_are_not_events() -> None:
    sentences = [sentence for _, _, sentence, _ in _events()]
    assert not any(sentence.startswith("Village banking pilots") for sentence in sentences)
    assert not any("will widen" in sentence for sentence in sentences)  # no activity section
    assert not any(sentence.startswith("Rural credit remains") for sentence in sentences)
