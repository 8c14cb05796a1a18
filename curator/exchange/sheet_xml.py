"""The XML of a workbook's sheets and shared strings, parsed safely into rows of Python values.

A part whose prolog declares a DTD is refused before parsing (so no entity, internal or
external, can exist: defusedxml's `forbid_dtd`); then whole rows are read in batches: rows of
plain cells scanned by `sheet_scan` once expat has found them well-formed, any other batch by
ElementTree's C parser. Rows, columns and the length of a cell are limited; a formula comes
back as its text ("=1+1"), never as what it computes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import IO, Any
from xml.etree.ElementTree import ParseError, XMLPullParser
from xml.etree.ElementTree import fromstring as fromstring_fast

from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from curator.domain.translation import _
from curator.errors import WorkbookInvalid
from curator.exchange.sheet_scan import (
    COLUMN,
    HAS_INLINE,
    HAS_VALUE,
    INLINE,
    ROW,
    ROW_ATTRIBUTES,
    ROW_EMPTY,
    STYLE,
    TYPE,
    VALUE,
    ExpatError,
    check_well_formed,
    plain_cells,
    row_number,
    xml_text,
)

CellValue = str | int | float | bool | date | datetime | None
Progress = Callable[[int, int], None]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class ReadLimits:
    """How much of an untrusted workbook is read before it is refused."""

    max_parts: int = 5_000
    max_unpacked: int = 2 << 30
    """Bytes of all the parts once unpacked."""
    max_part: int = 1 << 30
    max_ratio: int = 400
    """How many times smaller than its content a part may be compressed (XML: 5–50×)."""
    ratio_floor: int = 1 << 20
    """Parts smaller than this unpacked are not held to `max_ratio`."""
    max_rows: int = 1_048_576
    max_columns: int = 16_384
    max_cell: int = 32_767


@dataclass
class SheetRows:
    """The rows of one sheet: (row number, cells from column A), empty rows left out."""

    title: str
    rows: list[tuple[int, list[CellValue]]] = field(default_factory=list)


def refuse(message: str, **where: Any) -> WorkbookInvalid:
    """The error refusing a workbook, naming sheet, row and column where given."""
    return WorkbookInvalid(message, **where)


_COLUMNS: dict[str, int] = {}


def _column_index(reference: str) -> int:
    """Zero-based column of a cell reference: A1 is 0, AA7 is 26."""
    letters = reference.rstrip("0123456789")
    known = _COLUMNS.get(letters)
    if known is not None:
        return known
    _COLUMNS[letters] = index = _letters_index(letters)
    return index


def _letters_index(reference: str) -> int:
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            index = index * 26 + ord(char) - 96
        else:
            break
    return index - 1


def column_letters(index: int) -> str:
    """The letters of a zero-based column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's _xHHHH_ character escapes undone (_x005F_ is the underscore itself)."""
    return _ESCAPED.sub(lambda match: chr(int(match[1], 16)), text) if "_x" in text else text



_PROLOG_LIMIT = 1 << 16
_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def _check_prolog(head: bytes, what: str) -> None:
    """Refuse a document declaring a DTD (so entities: defusedxml's `forbid_dtd`).

    A DTD can stand only in the prolog, before the root element starts; expat refuses one
    anywhere later, so looking there is enough. Parsing then needs no DTD handling at all.
    """
    encoding = next((name for bom, name in _BOMS.items() if head.startswith(bom)), "utf-8")
    text = head.decode(encoding, errors="replace")
    root = re.search(r"<[^?!]", text)
    prolog = text if root is None else text[:root.start()]
    if "<!DOCTYPE" in prolog or "<!ENTITY" in prolog or (
            root is None and len(head) >= _PROLOG_LIMIT):
        raise DTDForbidden(what, None, None)


def _events(stream: IO[bytes], what: str, on_chunk: Callable[[int], None] | None = None,
            ) -> Iterator[Any]:
    """The elements of a part as each ends (ElementTree's C parser), turning XML faults into
    WorkbookInvalid; a DTD is refused before anything is parsed."""
    parser: XMLPullParser = XMLPullParser(events=("end",))
    done = 0
    try:
        with stream:
            head = stream.read(_PROLOG_LIMIT)
            _check_prolog(head, what)
            chunk = head
            while chunk:
                parser.feed(chunk)
                done += len(chunk)
                yield from parser.read_events()
                if on_chunk is not None:
                    on_chunk(done)
                chunk = stream.read(1 << 18)
            parser.close()
            yield from parser.read_events()
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
        raise refuse(_("{what} declares a DTD or entities, which workbooks never "
                        "need; it is refused.").format(what=what)) from error
    except ParseError as error:
        raise refuse(_("{what} is damaged: {error}.").format(what=what, error=error)) from error
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise refuse(_("{what} is damaged: {error}.").format(what=what, error=error)) from error


def _tags(namespace: str) -> dict[str, str]:
    return {name: f"{{{namespace}}}{name}" for name in
            ("si", "t", "r", "rPh", "row", "c", "v", "f", "is")}


def _text_of(element: Any, tags: dict[str, str]) -> str:
    """The text of a string item: its `<t>` and its runs' `<t>`, phonetic guides left out."""
    parts = []
    for child in element:
        if child.tag == tags["t"]:
            parts.append(child.text or "")
        elif child.tag == tags["r"]:
            parts.extend(run.text or "" for run in child if run.tag == tags["t"])
    return _unescape("".join(parts))


class StringsParser:
    """The shared strings table: the text of each `<si>`."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits

    def parse(self, stream: IO[bytes]) -> list[str]:
        strings: list[str] = []
        tag_sets = [_tags(MAIN), _tags(STRICT_MAIN)]
        for _event, element in _events(stream, "The shared strings of the workbook"):
            for tags in tag_sets:
                if element.tag == tags["si"]:
                    text = _text_of(element, tags)
                    if len(text) > self.limits.max_cell:
                        raise refuse(_("a text of {text_count:,} characters is "
                                        "longer than a cell holds ({max_cell:,}).").format(
                                          text_count=len(text), max_cell=self.limits.max_cell))
                    strings.append(text)
                    element.clear()
        return strings


_ROOT_TAG = re.compile(rb"<(?P<prefix>(?:[A-Za-z_][\w.-]*:)?)(?P<name>worksheet)\b[^>]*>")
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(/?)>")


def _rows_only(body: bytes, prefix: bytes) -> bytes:
    """The `<row>` elements of a stretch of a sheet's body: what stands before sheetData's
    start (views, widths) and after its end (filters, validations) is left out."""
    start = _SHEET_DATA.search(body)
    if start is not None:
        body = b"" if start[1] == b"/" else body[start.end():]
    end = body.find(b"</" + prefix + b"sheetData>")
    return body if end < 0 else body[:end]


class _SlowPath(Exception):
    """The sheet's body holds markup the batch reader leaves to the event reader."""


class _Prepended(io.RawIOBase):
    """A stream that first gives back bytes already read from it."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._head:
            cut = size if size is not None and size > 0 else len(self._head)
            taken, self._head = self._head[:cut], self._head[cut:]
            return taken
        return self._rest.read(-1 if size is None else size)

    def close(self) -> None:
        self._rest.close()
        super().close()


class SheetParser:
    """One sheet's cells, row by row, as Python values."""

    def __init__(self, title: str, limits: ReadLimits, strings: list[str],
                 date_styles: set[int], date1904: bool,
                 reopen: Callable[[], IO[bytes]] | None = None,
                 wanted: set[str] | None = None) -> None:
        self._reopen = reopen or (lambda: io.BytesIO(b""))
        self._wanted_headers = wanted
        self._wanted_columns: set[int] | None = None
        """Once the header row is read: the columns whose cells are kept (None: all)."""
        self.result = SheetRows(title)
        self.limits = limits
        self._strings = strings
        self._date_styles = date_styles
        self._epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
        self._row_number = 0

    def parse(self, stream: IO[bytes], size: int, progress: Progress | None) -> SheetRows:
        """Read the rows in batches: the bytes of many whole `<row>` elements, wrapped in the
        sheet's own root tag (for its namespaces), parsed at once by ElementTree's C parser.
        A sheet whose body holds `<!` (comments, CDATA) is read event by event instead."""
        what = f"The sheet {self.result.title}"
        try:
            with stream:
                head = stream.read(_PROLOG_LIMIT)
                _check_prolog(head, what)
                opening = _ROOT_TAG.search(head)
                if opening is None or b"<!" in head[opening.end():]:
                    return self._parse_by_events(head, stream, what, size, progress)
                prefix, close_row = opening["prefix"], b"</" + opening["prefix"] + b"row>"
                wrapper_end = b"</" + prefix + opening["name"] + b">"
                buffer, done = head[opening.end():], len(head)
                while True:
                    chunk = stream.read(1 << 20)
                    if b"<!" in chunk or b"<!" in buffer[-1:] + chunk[:1]:
                        raise _SlowPath
                    buffer += chunk
                    done += len(chunk)
                    cut = len(buffer) if not chunk else buffer.rfind(close_row) + len(close_row)
                    if cut >= len(close_row):
                        rows, buffer = buffer[:cut], buffer[cut:]
                        self._read_batch(opening[0], _rows_only(rows, prefix), wrapper_end,
                                         prefix)
                    if progress is not None:
                        progress(done, size)
                    if not chunk:
                        return self.result
        except _SlowPath:
            stream = self._reopen()
            return self._parse_by_events(b"", stream, what, size, progress)
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
            raise refuse(_("{what} declares a DTD or entities, which workbooks never "
                            "need; it is refused.").format(what=what)) from error
        except (ParseError, ExpatError) as error:
            raise refuse(_("{what} is damaged: {error}.").format(
                what=what, error=error)) from error
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise refuse(_("{what} is damaged: {error}.").format(
                what=what, error=error)) from error

    def _read_batch(self, opening: bytes, body: bytes, closing: bytes, prefix: bytes) -> None:
        """Read whole rows: scanned as plain cells if that is all they hold (checked
        well-formed first), else parsed as a tree. No DTD either way: the prolog was
        checked, and the body holds no "<!"."""
        try:
            tokens = plain_cells(body.decode("utf-8"), prefix.decode("ascii"))
        except UnicodeDecodeError:
            tokens = None  # the tree parser says where
        if tokens is None:
            self._read_tree(opening + body + closing)
            return
        check_well_formed(opening + body + closing)
        self._read_tokens(tokens)

    def _read_tokens(self, tokens: list[tuple[str, ...]]) -> None:
        row: list[CellValue] = []
        number = 0
        wanted, max_columns = self._wanted_columns, self.limits.max_columns
        for token in tokens:
            letters = token[COLUMN]
            if letters:
                column = _COLUMNS.get(letters)
                if column is None:
                    column = _column_index(letters)
                if column >= max_columns:
                    raise self._beyond_columns(column)
                if wanted is not None and column not in wanted:
                    continue  # a column shown only: not even converted
                value = self._cell_value(
                    column, token[TYPE] or "n", token[STYLE] or "0",
                    xml_text(token[VALUE]) if token[HAS_VALUE] else None, None,
                    _unescape(xml_text(token[INLINE])) if token[HAS_INLINE] else None)
                if value is not None:
                    self._put(row, column, value)
            elif token[ROW]:
                number = self._start_row(row_number(token[ROW_ATTRIBUTES]))
                row = []
                if token[ROW_EMPTY]:
                    self._finish_row(number, row)
            else:  # a row's end
                self._finish_row(number, row)
                wanted = self._wanted_columns

    def _read_tree(self, document: bytes) -> None:
        root = fromstring_fast(document)
        tags: dict[str, str] | None = None
        for element in root:  # the rows, wrapped directly in the root tag
            tag = element.tag
            if tags is None:
                if not tag.endswith("}row"):
                    continue
                tags = _tags(tag[1:tag.index("}")])
            if tag == tags["row"]:
                self._read_row(element, tags)

    def _parse_by_events(self, head: bytes, stream: IO[bytes], what: str, size: int,
                         progress: Progress | None) -> SheetRows:
        on_chunk = None if progress is None else (lambda done: progress(done, size))
        tags: dict[str, str] | None = None
        for _event, element in _events(_Prepended(head, stream), what,  # type: ignore[arg-type]
                                       on_chunk):
            tag = element.tag
            if tags is None:
                if not tag.endswith("}row"):
                    continue
                tags = _tags(tag[1:tag.index("}")])
            if tag == tags["row"]:
                self._read_row(element, tags)
                element.clear()
        return self.result

    def _where(self, column: int | None = None) -> dict[str, Any]:
        return {"sheet": self.result.title, "row": self._row_number or None,
                "column": column_letters(column) if column is not None else ""}

    def _start_row(self, number: int | None) -> int:
        """The number of the row starting (its `r`, else the one after the last), checked."""
        number = self._row_number + 1 if number is None else number
        if number > self.limits.max_rows:
            raise refuse(_("the sheet has more rows than are read ({max_rows:,}).").format(
                              max_rows=self.limits.max_rows),
                          sheet=self.result.title)
        self._row_number = number
        return number

    def _beyond_columns(self, column: int) -> WorkbookInvalid:
        return refuse(_("a cell beyond the last column read ({max_columns:,})").format(
                          max_columns=self.limits.max_columns), **self._where(column))

    def _put(self, row: list[CellValue], column: int, value: CellValue) -> None:
        """Set a cell's value in its row, refusing a text longer than a cell holds."""
        if isinstance(value, str) and len(value) > self.limits.max_cell:
            raise refuse(_("the cell holds {value_count:,} characters, more than "
                            "a cell holds ({max_cell:,}).").format(
                              value_count=len(value), max_cell=self.limits.max_cell),
                          **self._where(column))
        if len(row) <= column:
            row.extend([None] * (column + 1 - len(row)))
        row[column] = value

    def _finish_row(self, number: int, row: list[CellValue]) -> None:
        """Keep a row that has a value; the first one kept (the header) says which columns
        are wanted."""
        if any(value is not None and value != "" for value in row):
            if not self.result.rows and self._wanted_headers is not None:
                self._wanted_columns = {index for index, value in enumerate(row)
                                        if isinstance(value, str)
                                        and value.strip() in self._wanted_headers}
            self.result.rows.append((number, row))

    def _read_row(self, element: Any, tags: dict[str, str]) -> None:
        reference = element.get("r")
        number = self._start_row(int(reference) if reference is not None else None)
        row: list[CellValue] = []
        column = -1
        cell_tag, v_tag, f_tag, is_tag, t_tag = (tags["c"], tags["v"], tags["f"], tags["is"],
                                                  tags["t"])
        wanted = self._wanted_columns
        for cell in element:
            if cell.tag != cell_tag:
                continue
            reference = cell.get("r")
            column = _column_index(reference) if reference else column + 1
            if not 0 <= column < self.limits.max_columns:
                raise self._beyond_columns(column)
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
                    inline = _unescape(only.text or "") if only is not None and (
                        only.tag == t_tag) else _text_of(child, tags)
            value = self._cell_value(column, cell.get("t", "n"), cell.get("s", "0"), raw,
                                     formula, inline)
            if value is not None:
                self._put(row, column, value)
        self._finish_row(number, row)

    def _cell_value(self, column: int, kind: str, style: str, raw: str | None,
                    formula: str | None, inline: str | None) -> CellValue:
        if formula:  # what was typed, never what it computes
            return "=" + formula
        if kind == "inlineStr":
            return inline or ""
        if raw is None:
            return None
        if kind == "s":
            try:
                return self._strings[int(raw)]
            except (ValueError, IndexError) as error:
                raise refuse(_("the cell points at a shared text that is not there."),
                              **self._where(column)) from error
        if kind in ("str", "e"):
            return _unescape(raw)
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return _iso_value(raw)
        return self._number(raw, column, style)

    def _number(self, raw: str, column: int, style: str) -> CellValue:
        try:
            number = float(raw)
        except ValueError as error:
            raise refuse(_("{raw!r} is not a number.").format(raw=raw),
                          **self._where(column)) from error
        if style != "0" and style.isdigit() and int(style) in self._date_styles:
            try:
                moment = self._epoch + timedelta(days=number)
            except OverflowError as error:
                raise refuse(_("{raw} is not a date Excel can show.").format(raw=raw),
                              **self._where(column)) from error
            # A double holds a day's fraction to about 10 µs: round to the millisecond.
            moment = moment.replace(microsecond=0) + timedelta(
                milliseconds=round(moment.microsecond / 1e3))
            return moment.date() if number == int(number) else moment
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _iso_value(raw: str) -> CellValue:
    try:
        moment = datetime.fromisoformat(raw.rstrip("Z"))
    except ValueError:
        return raw
    return moment.date() if moment.time() == datetime.min.time() else moment
