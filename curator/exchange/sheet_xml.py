"""A workbook's sheet XML parsed safely into rows of Python values.

A part whose prolog declares a DTD is refused before parsing (so no entity, internal or
external, can exist: defusedxml's `forbid_dtd`, in `xml_events`); then whole rows are read in
batches: rows of plain cells scanned by `sheet_scan` once expat has found them well-formed, any
other batch by ElementTree's C parser (`sheet_tree`). Rows, columns and the length of a cell
are limited; a formula comes back as its text ("=1+1"), never as what it computes
(`cell_values`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from curator.domain.translation import _
from curator.errors import WorkbookInvalid
from curator.exchange.cell_values import CellFault, CellValues
from curator.exchange.sheet_notation import COLUMNS, column_index, column_letters, unescape
from curator.exchange.sheet_rows import (
    MAIN,
    STRICT_MAIN,
    CellValue,
    Progress,
    ReadLimits,
    SheetRows,
    refuse,
)
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
from curator.exchange.sheet_tree import StringsParser, read_by_events, read_tree
from curator.exchange.xml_events import (
    PROLOG_LIMIT,
    Prepended,
    cannot_unpack,
    check_prolog,
    not_well_formed,
)

__all__ = ["MAIN", "STRICT_MAIN", "CellValue", "Progress", "ReadLimits", "SheetParser",
           "SheetRows", "StringsParser", "column_letters", "refuse"]


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


class SheetParser:
    """One sheet's cells, row by row, as Python values."""

    def __init__(self, title: str, limits: ReadLimits, strings: list[str],
                 date_styles: set[int], date1904: bool,
                 reopen: Callable[[], IO[bytes]] | None = None,
                 wanted: set[str] | None = None) -> None:
        self._reopen = reopen or (lambda: io.BytesIO(b""))
        self._wanted_headers = wanted
        self.wanted_columns: set[int] | None = None
        """Once the header row is read: the columns whose cells are kept (None: all)."""
        self.result = SheetRows(title)
        self.limits = limits
        self._values = CellValues(strings, date_styles, date1904)
        self._row_number = 0

    def parse(self, stream: IO[bytes], size: int, progress: Progress | None) -> SheetRows:
        """Read the rows in batches: the bytes of many whole `<row>` elements, wrapped in the
        sheet's own root tag (for its namespaces), parsed at once by ElementTree's C parser.
        A sheet whose body holds `<!` (comments, CDATA) is read event by event instead."""
        what = f"The sheet {self.result.title}"
        try:
            with stream:
                head = stream.read(PROLOG_LIMIT)
                check_prolog(head, what)
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
        except _SlowPath:  # read again from the start: forget the batches read so far
            self.result, self._row_number, self.wanted_columns = SheetRows(
                self.result.title), 0, None
            stream = self._reopen()
            return self._parse_by_events(b"", stream, what, size, progress)
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
            raise refuse(_("{what} declares a DTD or entities, which workbooks never "
                            "need; it is refused.").format(what=what)) from error
        except (ParseError, ExpatError) as error:
            raise refuse(not_well_formed(what, error)) from error
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise refuse(cannot_unpack(what)) from error

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
        number = column = 0
        wanted, max_columns = self.wanted_columns, self.limits.max_columns
        convert = self._values.convert
        try:
            for token in tokens:
                letters = token[COLUMN]
                if letters:
                    column = COLUMNS.get(letters, -1)
                    if column < 0:
                        column = column_index(letters)
                    if column >= max_columns:
                        raise self.beyond_columns(column)
                    if wanted is not None and column not in wanted:
                        continue  # a column shown only: not even converted
                    value = convert(
                        token[TYPE] or "n", token[STYLE] or "0",
                        xml_text(token[VALUE]) if token[HAS_VALUE] else None, None,
                        unescape(xml_text(token[INLINE])) if token[HAS_INLINE] else None)
                    if value is not None:
                        self.put(row, column, value)
                elif token[ROW]:
                    number = self.start_row(row_number(token[ROW_ATTRIBUTES]))
                    row = []
                    if token[ROW_EMPTY]:
                        self.finish_row(number, row)
                else:  # a row's end
                    self.finish_row(number, row)
                    wanted = self.wanted_columns
        except CellFault as fault:
            raise refuse(str(fault), **self._where(column)) from fault

    def _read_tree(self, document: bytes) -> None:
        read_tree(document, self)

    def _parse_by_events(self, head: bytes, stream: IO[bytes], what: str, size: int,
                         progress: Progress | None) -> SheetRows:
        on_chunk = None if progress is None else (lambda done: progress(done, size))
        read_by_events(Prepended(head, stream), what, self, on_chunk)  # type: ignore[arg-type]
        return self.result

    def _where(self, column: int | None = None) -> dict[str, Any]:
        return {"sheet": self.result.title, "row": self._row_number or None,
                "column": column_letters(column) if column is not None else ""}

    def start_row(self, number: int | None) -> int:
        """The number of the row starting (its `r`, else the one after the last), checked."""
        number = self._row_number + 1 if number is None else number
        if number > self.limits.max_rows:
            raise refuse(_("the sheet has more rows than are read ({max_rows:,}).").format(
                              max_rows=self.limits.max_rows),
                          sheet=self.result.title)
        self._row_number = number
        return number

    def beyond_columns(self, column: int) -> WorkbookInvalid:
        """The error refusing a cell beyond the last column read."""
        return refuse(_("a cell beyond the last column read ({max_columns:,})").format(
                          max_columns=self.limits.max_columns), **self._where(column))

    def cell_value(self, column: int, kind: str, style: str, raw: str | None,
                   formula: str | None, inline: str | None) -> CellValue:
        """A cell's value (see `CellValues.convert`), refused with its place if unreadable."""
        try:
            return self._values.convert(kind, style, raw, formula, inline)
        except CellFault as fault:
            raise refuse(str(fault), **self._where(column)) from fault

    def put(self, row: list[CellValue], column: int, value: CellValue) -> None:
        """Set a cell's value in its row, refusing a text longer than a cell holds."""
        if isinstance(value, str) and len(value) > self.limits.max_cell:
            raise refuse(_("the cell holds {value_count:,} characters, more than "
                            "a cell holds ({max_cell:,}).").format(
                              value_count=len(value), max_cell=self.limits.max_cell),
                          **self._where(column))
        if len(row) <= column:
            row.extend([None] * (column + 1 - len(row)))
        row[column] = value

    def finish_row(self, number: int, row: list[CellValue]) -> None:
        """Keep a row that has a value; the first one kept (the header) says which columns
        are wanted."""
        if any(value is not None and value != "" for value in row):
            if not self.result.rows and self._wanted_headers is not None:
                self.wanted_columns = {index for index, value in enumerate(row)
                                       if isinstance(value, str)
                                       and value.strip() in self._wanted_headers}
            self.result.rows.append((number, row))
