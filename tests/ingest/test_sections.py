"""Detecting sections: bracket, Markdown and title-line headings with exact offsets."""

from __future__ import annotations

import pytest

from curator.domain.documents import Section
from curator.ingest.sections import detect_sections

DEMO_HEADINGS = [
    "Overview",
    "International Exchanges",
    "Visits",
    "Reception activities",
    "China-Africa Poverty Reduction and Development Conference",
    "The International Symposium on Child Poverty and Development",
    "Research",
    "Exchanges",
    "Trainings",
]

ODD_CASES = """Annual Report

A Heading That Ends With a Period.

Some text of the first part, which is a sentence.

1. Numbered item

A. Lettered item

Background

More text follows here. It is a paragraph.

Not Alone
because text follows on the next line.

【考察访问】

2012年，国务院扶贫办派出33个团组。

  【Reception activities】

# Markdown Top

## Markdown Second

(Department of International Cooperation)

lower case start

A Line With Far Too Many Words To Be Any Kind of Title

```
# Not a heading inside a code fence
```

Research】 Body after a missing opening bracket.

a sentence then】 a closing bracket.

Final Line"""


def _by_title(sections: tuple[Section, ...]) -> dict[str, Section]:
    return {section.title: section for section in sections}


def test_demo_headings_are_found(demo_text: str) -> None:
    titles = [section.title for section in detect_sections(demo_text)]

    assert [title for title in titles if title in DEMO_HEADINGS] == DEMO_HEADINGS


@pytest.mark.parametrize("title", DEMO_HEADINGS)
def test_demo_heading_offset_points_at_the_heading(demo_text: str, title: str) -> None:
    section = _by_title(detect_sections(demo_text))[title]

    assert demo_text[section.start :].removeprefix("【").startswith(title)


def test_demo_first_line_is_the_title_at_level_0(demo_text: str) -> None:
    first = detect_sections(demo_text)[0]

    assert (first.title, first.start, first.end, first.level) == (
        "International Cooperation",
        0,
        len(demo_text),
        0,
    )


def test_demo_bracket_headings_are_level_2(demo_text: str) -> None:
    sections = _by_title(detect_sections(demo_text))

    assert sections["Visits"].level == 2 and sections["Trainings"].level == 2


def test_demo_title_lines_are_level_1(demo_text: str) -> None:
    sections = _by_title(detect_sections(demo_text))

    assert sections["Overview"].level == 1 and sections["International Exchanges"].level == 1


def test_demo_heading_with_missing_opening_bracket_starts_at_its_text(demo_text: str) -> None:
    section = _by_title(detect_sections(demo_text))[
        "China-Africa Poverty Reduction and Development Conference"
    ]

    assert demo_text[section.start :].startswith(
        "China-Africa Poverty Reduction and Development Conference】 The Third"
    )
    assert section.level == 2


def test_demo_section_ends_where_the_next_peer_starts(demo_text: str) -> None:
    sections = _by_title(detect_sections(demo_text))

    assert sections["Visits"].end == sections["Reception activities"].start


def test_demo_last_bracket_section_ends_at_the_next_title_line(demo_text: str) -> None:
    sections = _by_title(detect_sections(demo_text))

    assert sections["Trainings"].end == (
        sections["Poverty Alleviation of International Organizations in China"].start
    )


def test_demo_numbered_items_and_attributions_are_not_headings(demo_text: str) -> None:
    titles = {section.title for section in detect_sections(demo_text)}

    assert not {title for title in titles if title[0].isdigit() or title.startswith("(")}


def test_demo_footer_last_line_is_not_a_heading(demo_text: str) -> None:
    titles = [section.title for section in detect_sections(demo_text)]

    assert not any(title.startswith("版权所有") for title in titles)


def test_odd_cases_find_exactly_the_real_headings() -> None:
    found = [(section.title, section.level) for section in detect_sections(ODD_CASES)]

    assert found == [
        ("Annual Report", 0),
        ("Background", 1),
        ("考察访问", 2),
        ("Reception activities", 2),
        ("Markdown Top", 1),
        ("Markdown Second", 2),
        ("Research", 2),
    ]


def test_line_ending_with_a_period_is_not_a_heading() -> None:
    assert "A Heading That Ends With a Period." not in _by_title(detect_sections(ODD_CASES))


def test_chinese_bracket_heading_offset_points_at_the_bracket() -> None:
    section = _by_title(detect_sections(ODD_CASES))["考察访问"]

    assert ODD_CASES[section.start :].startswith("【考察访问】")


def test_bracket_heading_without_body_ends_at_the_next_bracket_heading() -> None:
    sections = _by_title(detect_sections(ODD_CASES))

    assert sections["考察访问"].end == sections["Reception activities"].start


def test_indented_heading_starts_after_its_indentation() -> None:
    section = _by_title(detect_sections(ODD_CASES))["Reception activities"]

    assert ODD_CASES[section.start - 2 : section.start + 1] == "  【"


def test_markdown_heading_offset_points_at_the_hashes() -> None:
    section = _by_title(detect_sections(ODD_CASES))["Markdown Second"]

    assert ODD_CASES[section.start :].startswith("## Markdown Second")


def test_markdown_heading_levels_nest() -> None:
    sections = _by_title(detect_sections(ODD_CASES))

    assert sections["Markdown Second"].end <= sections["Markdown Top"].end


def test_first_title_line_not_at_the_start_is_level_1() -> None:
    sections = detect_sections("Some opening sentence.\n\nOverview\n\nBody text.")

    assert [(section.title, section.level) for section in sections] == [("Overview", 1)]


def test_text_without_headings_has_no_sections() -> None:
    assert detect_sections("Just one sentence. And another one.") == ()


@pytest.mark.parametrize("text_name", ["demo", "odd cases"])
def test_section_offsets_are_within_the_text_and_ordered(demo_text: str, text_name: str) -> None:
    text = demo_text if text_name == "demo" else ODD_CASES
    sections = detect_sections(text)

    assert sections
    assert all(0 <= section.start < section.end <= len(text) for section in sections)
    assert [section.start for section in sections] == sorted(
        {section.start for section in sections}
    )


@pytest.mark.parametrize("text_name", ["demo", "odd cases"])
def test_each_section_lies_within_the_sections_above_it(demo_text: str, text_name: str) -> None:
    sections = detect_sections(demo_text if text_name == "demo" else ODD_CASES)

    for inner in sections:
        for outer in sections:
            if outer.level < inner.level and outer.start < inner.start < outer.end:
                assert inner.end <= outer.end


MARKDOWN = """Annual Report
=============

Intro text.

## Visits ##

```
# Not a heading in code
```

> # Not a heading in a quote

Trainings in *Beijing*
----------------------

Seminars were held."""


def test_markdown_headings_of_both_styles_are_sections() -> None:
    sections = detect_sections(MARKDOWN, markdown=True)

    assert [(s.level, s.title) for s in sections] == [
        (1, "Annual Report"), (2, "Visits"), (2, "Trainings in Beijing")]


def test_markdown_underlined_heading_starts_at_its_text() -> None:
    sections = detect_sections(MARKDOWN, markdown=True)

    assert MARKDOWN[sections[2].start :].startswith("Trainings in *Beijing*\n---")
