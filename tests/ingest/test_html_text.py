"""Extracting text and title from HTML."""

from __future__ import annotations

from curator.ingest.html_text import html_to_text

PAGE = """<!DOCTYPE html>
<html><head><title>International Cooperation &ndash; Yearbook</title>
<meta charset="utf-8"><style>body { color: red; }</style>
<script>var secret = "tracking";</script></head>
<body><h1>International Cooperation</h1>
<p>LGOP &amp; IPRCC met in&nbsp;Beijing.</p>
<h2>Visits</h2><p>From June 12 to 22, 2012, a delegation went to Brazil.</p>
<noscript>Enable JavaScript</noscript><template><p>Hidden row</p></template>
</body></html>"""


def test_script_contents_are_dropped() -> None:
    text, _ = html_to_text(PAGE)

    assert "tracking" not in text


def test_style_contents_are_dropped() -> None:
    text, _ = html_to_text(PAGE)

    assert "color" not in text


def test_noscript_and_template_contents_are_dropped() -> None:
    text, _ = html_to_text(PAGE)

    assert "JavaScript" not in text and "Hidden row" not in text


def test_head_contents_are_dropped_from_the_text() -> None:
    text, _ = html_to_text(PAGE)

    assert "Yearbook" not in text


def test_title_comes_from_the_title_element() -> None:
    _, title = html_to_text(PAGE)

    assert title == "International Cooperation – Yearbook"


def test_title_falls_back_to_the_first_h1() -> None:
    _, title = html_to_text("<body><h1>First\n  heading</h1><h1>Second</h1></body>")

    assert title == "First heading"


def test_title_is_none_without_title_or_h1() -> None:
    assert html_to_text("<p>Just a paragraph.</p>") == ("Just a paragraph.", None)


def test_svg_title_is_not_the_page_title() -> None:
    _, title = html_to_text("<svg><title>Logo</title></svg><h1>Report</h1>")

    assert title == "Report"


def test_entities_are_unescaped() -> None:
    text, _ = html_to_text(PAGE)

    assert "LGOP & IPRCC met in\u00a0Beijing." in text


def test_headings_stand_alone_as_paragraphs() -> None:
    text, _ = html_to_text(PAGE)

    assert "\n\nVisits\n\n" in text


def test_text_starts_with_the_first_visible_text() -> None:
    text, _ = html_to_text(PAGE)

    assert text.startswith("International Cooperation\n\n")


def test_list_items_and_divs_are_on_their_own_lines() -> None:
    text, _ = html_to_text("<ul><li>Brazil</li><li>Tanzania</li></ul><div>Russia</div>")

    assert text == "Brazil\nTanzania\n\nRussia"


def test_br_breaks_a_line() -> None:
    assert html_to_text("Line one<br>Line two<br/><br/>Line three")[0] == (
        "Line one\nLine two\n\nLine three"
    )


def test_inline_elements_do_not_break_lines() -> None:
    text, _ = html_to_text("<p>Minister <b>Fan</b> <a href='#'>Xiaojian</a> met.</p>")

    assert text == "Minister Fan Xiaojian met."


def test_source_white_space_is_collapsed() -> None:
    text, _ = html_to_text("<p>Minister\n      Fan\t\tXiaojian</p>")

    assert text == "Minister Fan Xiaojian"


def test_preformatted_text_keeps_its_white_space() -> None:
    text, _ = html_to_text("<p>Table:</p><pre>  a   b\n  c   d</pre>")

    assert text == "Table:\n\n  a   b\n  c   d"


def test_table_cells_are_separated_by_tabs() -> None:
    text, _ = html_to_text(
        "<table><tr><td>Year</td><td>Visits</td></tr><tr><td>2012</td><td>33</td></tr></table>"
    )

    assert text == "Year\tVisits\n2012\t33"


def test_unclosed_head_ends_at_body() -> None:
    text, _ = html_to_text("<head><title>T</title><body><p>Visible</p>")

    assert text == "Visible"
