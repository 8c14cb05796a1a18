"""Text-quote selectors and span trimming."""

import pytest

from curator.domain.evidence import quote_span, trim_span


def test_quote_keeps_context_on_both_sides() -> None:
    quote = quote_span("abcdefghij", 4, 6, context=2)
    assert (quote.prefix, quote.exact, quote.suffix) == ("cd", "ef", "gh")


def test_quote_at_the_edges_has_short_context() -> None:
    quote = quote_span("abc", 0, 3)
    assert (quote.prefix, quote.suffix) == ("", "")


@pytest.mark.parametrize(("start", "end"), [(2, 2), (-1, 2), (0, 4)])
def test_empty_or_outside_spans_are_rejected(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        quote_span("abc", start, end)


def test_trim_drops_surrounding_white_space() -> None:
    assert trim_span("  ab c \n", 0, 8) == (2, 6)
