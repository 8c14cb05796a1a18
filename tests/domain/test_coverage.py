"""Coverage of a source: paragraphs no evidence touches, and records per section."""

from curator.domain.coverage import (
    EvidencePlace,
    next_paragraph,
    paragraphs,
    section_progress,
    uncovered_paragraphs,
)
from curator.domain.documents import Section
from curator.domain.records import ReviewStatus

TEXT = "Title\n\nFirst paragraph.\n   \nSecond one.\nThird."


def test_paragraphs_are_the_non_blank_lines() -> None:
    assert [TEXT[s:e] for s, e in paragraphs(TEXT)] == [
        "Title", "First paragraph.", "Second one.", "Third."]


def test_a_paragraph_touched_by_any_span_is_covered() -> None:
    second = TEXT.index("Second")
    uncovered = uncovered_paragraphs(TEXT, [(second + 2, second + 4)])
    assert [TEXT[s:e] for s, e in uncovered] == ["Title", "First paragraph.", "Third."]


def test_a_long_span_covers_every_paragraph_it_crosses() -> None:
    start = TEXT.index("First")
    uncovered = uncovered_paragraphs(TEXT, [(start, TEXT.index("Third") + 1), (0, 2)])
    assert uncovered == []


def test_a_span_ending_where_a_paragraph_starts_does_not_cover_it() -> None:
    third = TEXT.index("Third")
    assert (third, len(TEXT)) in uncovered_paragraphs(TEXT, [(third - 3, third)])


def test_next_paragraph_wraps_around_both_ways() -> None:
    found = [(0, 5), (10, 15), (20, 25)]
    assert next_paragraph(found, 0) == (10, 15)
    assert next_paragraph(found, 22) == (0, 5)
    assert next_paragraph(found, 10, backwards=True) == (0, 5)
    assert next_paragraph(found, 0, backwards=True) == (20, 25)
    assert next_paragraph([], 3) is None


def test_sections_count_distinct_records_and_approvals_inside_them() -> None:
    sections = [Section("Chapter", 0, 100, 0), Section("Visits", 10, 50, 1),
                Section("Trainings", 50, 100, 1)]
    places = [EvidencePlace(12, 1, ReviewStatus.APPROVED), EvidencePlace(30, 1,
              ReviewStatus.APPROVED), EvidencePlace(40, 2, ReviewStatus.DRAFT),
              EvidencePlace(60, 3, ReviewStatus.APPROVED)]
    progress = [(p.section.title, p.records, p.approved)
                for p in section_progress(sections, places)]
    assert progress == [("Chapter", 3, 2), ("Visits", 2, 1), ("Trainings", 1, 1)]
