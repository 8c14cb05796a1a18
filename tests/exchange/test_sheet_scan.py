"""Sheet rows read by scanning plain cells agree with the tree reader, and refuse alike."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest

from curator.errors import WorkbookInvalid
from curator.exchange import sheet_xml
from curator.exchange.sheet_scan import plain_cells, xml_text
from curator.exchange.sheet_xml import MAIN, CellValue, ReadLimits, SheetParser

STRINGS = ["shared one", "郑文凯"]

ROWS = (
    '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Key</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Name</t></is></c><c r="C1" t="s"><v>0</v></c>'
    '<c r="D1" t="inlineStr"><is><t>When</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> A &amp; B &lt;x&gt; '
    '</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>42</v></c>'
    '<c r="D2" s="1"><v>43592</v></c></row>'
    '<row r="3"/>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>line\r\none&#13;&#x1F600;_x0041_</t></is></c>'
    '<c r="B4" t="b"><v>1</v></c><c r="C4" t="str"><v>=1+1</v></c><c r="D4" s="1"/>'
    '<c r="E4" t="str"><v></v></c><c r="F4" t="e"><v>#N/A</v></c></row>'
    '<row r="7"><c r="AA7"><v>2.5</v></c><c r="B7" s="1"><v>43592.5</v></c></row>'
)


def _sheet(rows: str, prefix: str = "") -> bytes:
    declaration = f'xmlns{":" + prefix[:-1] if prefix else ""}="{MAIN}"'
    if prefix:
        rows = rows.replace("<", f"<{prefix}").replace(f"<{prefix}/", f"</{prefix}")
    return (f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet {declaration}>'
            f'<{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>').encode()


def _read(document: bytes, **limits: int) -> list[tuple[int, list[CellValue]]]:
    parser = SheetParser("Events", ReadLimits(**limits), STRINGS, {1}, False)
    return parser.parse(io.BytesIO(document), len(document), None).rows


def _read_as_trees(document: bytes, monkeypatch: pytest.MonkeyPatch,
                   **limits: int) -> list[tuple[int, list[CellValue]]]:
    monkeypatch.setattr(sheet_xml, "plain_cells", lambda body, prefix: None)
    return _read(document, **limits)


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_scanned_rows_equal_the_tree_readers(prefix: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    document = _sheet(ROWS, prefix)
    scanned = _read(document)
    assert scanned == _read_as_trees(document, monkeypatch)
    assert [number for number, _ in scanned] == [1, 2, 4, 7]


def test_scanned_values_are_typed_and_unescaped() -> None:
    rows = dict(_read(_sheet(ROWS)))
    assert rows[2] == [" A & B <x> ", "郑文凯", 42, date(2019, 5, 7)]
    assert rows[4][:3] == ["line\none\r😀A", True, "=1+1"]
    assert rows[4][5] == "#N/A"
    assert rows[7][1] == datetime(2019, 5, 7, 12) and rows[7][26] == 2.5


def test_the_scanner_is_used_for_plain_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_trees(_document: bytes) -> None:
        raise AssertionError("a plain stretch was parsed as a tree")

    monkeypatch.setattr(SheetParser, "_read_tree", no_trees)
    assert len(_read(_sheet(ROWS))) == 4


@pytest.mark.parametrize("cell", [
    '<c r="A2"><f>1+1</f><v>2</v></c>',  # a formula
    '<c r="A2" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c>',
    '<c t="inlineStr"><is><t>no reference</t></is></c>',
    '<c r="A2" t="inlineStr" s="1"><is><t>attributes in another order</t></is></c>',
])
def test_rows_beyond_plain_cells_are_read_as_trees(cell: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    body = f'<row r="2">{cell}</row>'
    assert plain_cells(body, "") is None
    document = _sheet(body)
    assert _read(document) == _read_as_trees(document, monkeypatch)
    assert _read(document)[0][1][0] in (2, "=1+1", "rich text", "no reference",
                                        "attributes in another order")


@pytest.mark.parametrize("rows", [
    '<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    '<row r="2"><y:c r="A2"><v>1</v></y:c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>a & b</t></is></c></row>',
])
def test_damaged_rows_are_refused_as_the_tree_reader_refuses_them(rows: str) -> None:
    with pytest.raises(WorkbookInvalid, match="The sheet Events is damaged"):
        _read(_sheet(rows))


def test_a_long_cell_is_refused_naming_its_row_and_column() -> None:
    rows = '<row r="2"><c r="C2" t="inlineStr"><is><t>far too long</t></is></c></row>'
    with pytest.raises(WorkbookInvalid, match=r"Sheet Events, row 2, column C: the cell"):
        _read(_sheet(rows), max_cell=5)


def test_a_cell_beyond_the_last_column_is_refused() -> None:
    with pytest.raises(WorkbookInvalid, match="beyond the last column"):
        _read(_sheet('<row r="2"><c r="AA2"><v>1</v></c></row>'), max_columns=5)


def test_rows_beyond_the_limit_are_refused() -> None:
    with pytest.raises(WorkbookInvalid, match="more rows than are read"):
        _read(_sheet(ROWS), max_rows=3)


def test_xml_text_undoes_entities_after_line_ends() -> None:
    assert xml_text("a\r\nb\rc&#13;&amp;lt;") == "a\nb\nc\r&lt;"


def test_markup_met_after_the_first_batches_reads_the_sheet_again_without_doubling_rows() -> None:
    rows = "".join(f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{"x" * 50} '
                   f'{number}</t></is></c></row>' for number in range(1, 30_000))
    document = _sheet(rows + "<!-- a comment past the first megabyte -->")
    parser = SheetParser("Events", ReadLimits(), STRINGS, {1}, False,
                         reopen=lambda: io.BytesIO(document))
    read = parser.parse(io.BytesIO(document), len(document), None).rows
    assert [number for number, _ in read] == list(range(1, 30_000))
