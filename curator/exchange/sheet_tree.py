"""Reading sheet XML element by element with ElementTree: the shared strings table, and the
rows of a sheet that the plain-cell scanner leaves alone (formulas, rich text, cells without a
reference, comments, CDATA). The rows go to a `RowSink`, which numbers, checks and keeps them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any, Protocol
from xml.etree.ElementTree import fromstring as fromstring_fast

from curator.domain.translation import _
from curator.errors import WorkbookInvalid
from curator.exchange.sheet_notation import column_index, unescape
from curator.exchange.sheet_rows import MAIN, STRICT_MAIN, CellValue, ReadLimits, refuse
from curator.exchange.xml_events import events


def element_tags(namespace: str) -> dict[str, str]:
    """The qualified tags of the elements read, in `namespace`."""
    return {name: f"{{{namespace}}}{name}" for name in
            ("si", "t", "r", "rPh", "row", "c", "v", "f", "is")}


def text_of(element: Any, tags: dict[str, str]) -> str:
    """The text of a string item: its `<t>` and its runs' `<t>`, phonetic guides left out."""
    parts = []
    for child in element:
        if child.tag == tags["t"]:
            parts.append(child.text or "")
        elif child.tag == tags["r"]:
            parts.extend(run.text or "" for run in child if run.tag == tags["t"])
    return unescape("".join(parts))


class StringsParser:
    """The shared strings table: the text of each `<si>`."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits

    def parse(self, stream: IO[bytes]) -> list[str]:
        """Every shared string, in order; WorkbookInvalid for one longer than a cell holds."""
        strings: list[str] = []
        tag_sets = [element_tags(MAIN), element_tags(STRICT_MAIN)]
        for _event, element in events(stream, "The shared strings of the workbook"):
            for tags in tag_sets:
                if element.tag == tags["si"]:
                    text = text_of(element, tags)
                    if len(text) > self.limits.max_cell:
                        raise refuse(_("a text of {text_count:,} characters is "
                                        "longer than a cell holds ({max_cell:,}).").format(
                                          text_count=len(text), max_cell=self.limits.max_cell))
                    strings.append(text)
                    element.clear()
        return strings


class RowSink(Protocol):
    """Where the rows read go: the sheet reader that numbers, converts and keeps them."""

    limits: ReadLimits
    wanted_columns: set[int] | None
    """The columns whose cells are kept (None: all)."""

    def start_row(self, number: int | None) -> int: ...

    def cell_value(self, column: int, kind: str, style: str, raw: str | None,
                   formula: str | None, inline: str | None) -> CellValue: ...

    def put(self, row: list[CellValue], column: int, value: CellValue) -> None: ...

    def finish_row(self, number: int, row: list[CellValue]) -> None: ...

    def beyond_columns(self, column: int) -> WorkbookInvalid: ...


def read_tree(document: bytes, sink: RowSink) -> None:
    """Read the rows of `document`: whole `<row>` elements wrapped directly in a root tag."""
    _read_rows(iter(fromstring_fast(document)), sink, drop=False)


def read_by_events(stream: IO[bytes], what: str, sink: RowSink,
                   on_chunk: Callable[[int], None] | None) -> None:
    """Read the rows of a whole sheet part as each `<row>` ends, dropping each once read."""
    _read_rows((element for _event, element in events(stream, what, on_chunk)), sink,
               drop=True)


def _read_rows(elements: Iterator[Any], sink: RowSink, *, drop: bool) -> None:
    """Hand each `<row>` element to `read_row` (its namespace learnt from the first one);
    with `drop`, empty each once read, so a streamed sheet never piles up in memory."""
    tags: dict[str, str] | None = None
    for element in elements:
        tag = element.tag
        if tags is None:
            if not tag.endswith("}row"):
                continue
            tags = element_tags(tag[1:tag.index("}")])
        if tag == tags["row"]:
            read_row(element, tags, sink)
            if drop:
                element.clear()


def read_row(element: Any, tags: dict[str, str], sink: RowSink) -> None:
    """One `<row>` element's cells, into the sink."""
    reference = element.get("r")
    number = sink.start_row(int(reference) if reference is not None else None)
    row: list[CellValue] = []
    column = -1
    cell_tag, v_tag, f_tag, is_tag, t_tag = (tags["c"], tags["v"], tags["f"], tags["is"],
                                              tags["t"])
    wanted, max_columns = sink.wanted_columns, sink.limits.max_columns
    for cell in element:
        if cell.tag != cell_tag:
            continue
        reference = cell.get("r")
        column = column_index(reference) if reference else column + 1
        if not 0 <= column < max_columns:
            raise sink.beyond_columns(column)
        if wanted is not None and column not in wanted:
            continue  # a column shown only: not even converted
        raw = formula = inline = None
        for child in cell:
            if child.tag == v_tag:
                raw = child.text or ""
            elif child.tag == f_tag:
                formula = child.text
            elif child.tag == is_tag:
                only = child[0] if len(child) == 1 else None
                inline = unescape(only.text or "") if only is not None and (
                    only.tag == t_tag) else text_of(child, tags)
        value = sink.cell_value(column, cell.get("t", "n"), cell.get("s", "0"), raw, formula,
                                inline)
        if value is not None:
            sink.put(row, column, value)
    sink.finish_row(number, row)
