"""Finding the section an offset stands in."""

from curator.domain.documents import Section, section_title_at

SECTIONS = [
    Section("Chapter", 0, 100, 0),
    Section("Exchanges", 10, 60, 1),
    Section("Visits", 20, 40, 2),
    Section("Trainings", 60, 100, 1),
]


def test_innermost_section_wins() -> None:
    assert section_title_at(SECTIONS, 25) == "Visits"


def test_offset_after_a_subsection_falls_back_to_its_parent() -> None:
    assert section_title_at(SECTIONS, 45) == "Exchanges"


def test_offset_outside_every_section_has_no_title() -> None:
    assert section_title_at(SECTIONS, 150) == ""
    assert section_title_at([], 5) == ""
