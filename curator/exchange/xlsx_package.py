"""The parts of an .xlsx file (Office Open XML SpreadsheetML), written directly and zipped.

Only what Curator's workbooks use: inline strings, numbers, dates, a bold header, frozen
first row, column widths, an autofilter and a list drop-down. Each sheet's rows are written
to a file in a scratch folder as they come, then streamed into the zip, so memory stays flat
however many rows there are.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from curator.exchange.sheet_notation import column_letters
from curator.exchange.sheets import Value

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
MAX_CELL = 32_767
"""Excel's limit on the characters of a cell; longer text is cut there."""
LAST_ROW = 1_048_576

BOLD, DATE, MOMENT = 1, 2, 3
"""Style indexes of `STYLES`' cellXfs: bold text, a date, a date and time."""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""  # noqa: E501

_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037\ufffe\uffff]")
"""Characters XML 1.0 cannot carry (tab and line breaks can): dropped."""
_ESCAPE_LOOKALIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
"""Text that Excel would read as a character escape (_x0041_): its underscore is escaped."""
_NEEDS_CARE = re.compile(r"[\000-\037&<>\ufffe\uffff]|_x|^\s|\s$")
"""Text the fast path cannot write as it is: to escape, to strip, or to preserve spaces of."""
_EPOCH = datetime(1899, 12, 30)


def cell_text(text: str) -> str:
    """Text as a cell holds it: characters XML cannot carry dropped, cut at Excel's limit."""
    return _ILLEGAL.sub("", text)[:MAX_CELL]


def _inline(reference: str, text: str, style: int) -> str:
    text = cell_text(text)
    if "_x" in text:
        text = _ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    styled = f' s="{style}"' if style else ""
    return f'<c r="{reference}"{styled} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def serial(value: date | datetime) -> float:
    """Excel's serial number of a date or a (naive) time: days since 1899-12-30."""
    if isinstance(value, datetime):
        delta = value - _EPOCH
        return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    return float((value - _EPOCH.date()).days)


def row_xml(number: int, letters: Sequence[str], row: Iterable[Value], *,
            bold_first: bool = False) -> str:
    """One `<row>`: text inline, numbers as numbers, dates as styled serial numbers."""
    cells = []
    for letter, value in zip(letters, row, strict=False):
        kind = type(value)
        if kind is str:
            if not value:
                continue  # no cell: some readers trip on an empty string
            text: str = value  # type: ignore[assignment]
            if (bold_first and letter == "A") or len(text) > MAX_CELL or _NEEDS_CARE.search(
                    text):
                cells.append(_inline(f"{letter}{number}", text,
                                     BOLD if bold_first and letter == "A" else 0))
            else:  # the common case, kept short: plain text needing no escape
                cells.append(f'<c r="{letter}{number}" t="inlineStr"><is><t>{value}</t></is></c>')
        elif value is None:
            continue
        elif kind is int or kind is float:
            cells.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        else:
            cells.append(_other(f"{letter}{number}", value))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _other(reference: str, value: Value) -> str:
    """A cell of a date, a time, a bool, or of a subclass of str or int."""
    if isinstance(value, str):
        return _inline(reference, value, 0) if value else ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime | date):
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        style = MOMENT if isinstance(value, datetime) else DATE
        return f'<c r="{reference}" s="{style}"><v>{serial(value)!r}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    return _inline(reference, str(value), 0)


def header_xml(names: Sequence[str]) -> str:
    """The bold header row."""
    return "<row r=\"1\">" + "".join(
        _inline(f"{column_letters(index)}1", name, BOLD) for index, name in enumerate(names)
    ) + "</row>"


@dataclass
class SheetPart:
    """One worksheet being written: its rows go to `rows_file` until the package is zipped."""

    title: str
    rows_file: Path
    widths: list[float] = field(default_factory=list)
    frozen_header: bool = False
    filter_columns: int = 0
    """How many columns the autofilter spans (0: no filter)."""
    rows: int = 0
    columns: int = 0
    drop_down: tuple[int, Sequence[str]] | None = None
    """A list drop-down over a column from row 2 down: column index, choices."""

    def xml_head(self, first: bool) -> str:
        """Everything before the rows: dimension, view (frozen header), widths."""
        last = f"{column_letters(max(self.columns, 1) - 1)}{max(self.rows, 1)}"
        selected = ' tabSelected="1"' if first else ""
        if self.frozen_header:
            view = (f'<sheetView{selected} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                    'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
                    'activeCell="A2" sqref="A2"/></sheetView>')
        else:
            view = f'<sheetView{selected} workbookViewId="0"/>'
        cols = "".join(f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
                       for index, width in enumerate(self.widths, start=1))
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><dimension ref="A1:{last}"/>'
                f'<sheetViews>{view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")

    def filter_range(self) -> str:
        """The autofilter's range, header included: A1:S3."""
        return f"A1:{column_letters(self.filter_columns - 1)}{max(self.rows, 1)}"

    def xml_tail(self) -> str:
        """Everything after the rows: autofilter and drop-down."""
        tail = "</sheetData>"
        if self.filter_columns:
            tail += f'<autoFilter ref="{self.filter_range()}"/>'
        if self.drop_down is not None:
            column, choices = self.drop_down
            letter = column_letters(column)
            listed = escape(",".join(choices))
            tail += (f'<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
                     f'showInputMessage="1" showErrorMessage="1" '
                     f'sqref="{letter}2:{letter}{LAST_ROW}"><formula1>"{listed}"</formula1>'
                     f"</dataValidation></dataValidations>")
        return tail + ('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                       'header="0.3" footer="0.3"/></worksheet>')


def _workbook_xml(sheets: Sequence[SheetPart]) -> str:
    listed = "".join(f'<sheet name={quoteattr(sheet.title)} sheetId="{index}" r:id="rId{index}"/>'
                     for index, sheet in enumerate(sheets, start=1))
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"{escape(_absolute(sheet))}</definedName>"
        for index, sheet in enumerate(sheets) if sheet.filter_columns
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><workbookPr/>'
            f'<bookViews><workbookView/></bookViews><sheets>{listed}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="124519"/></workbook>')


def _absolute(sheet: SheetPart) -> str:
    """The sheet's filter range as a defined name spells it: 'Events'!$A$1:$S$3."""
    last = column_letters(sheet.filter_columns - 1)
    title = sheet.title.replace("'", "''")
    return f"'{title}'!$A$1:${last}${max(sheet.rows, 1)}"


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{index}.xml" '
                     f'ContentType="{SHEET_TYPE}"/>' for index in range(1, count + 1))
    office = "application/vnd.openxmlformats-officedocument"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="{office.replace("officedocument", "package")}'
            '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.spreadsheetml.sheet.'
            f'main+xml"/><Override PartName="/xl/styles.xml" ContentType="{office}.'
            f'spreadsheetml.styles+xml"/>{sheets}<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties'
            '+xml"/></Types>')


def _relationships(targets: Sequence[tuple[str, str]]) -> str:
    listed = "".join(f'<Relationship Id="rId{index}" Type="{kind}" Target="{target}"/>'
                     for index, (kind, target) in enumerate(targets, start=1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_REL_NS}">{listed}</Relationships>')


def _document_properties(created: datetime) -> tuple[str, str]:
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            'XMLSchema-instance"><dc:creator>Curator</dc:creator><dcterms:created '
            f'xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified '
            f'xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>Curator</Application></Properties>')
    return core, app


def write_package(target: IO[bytes], sheets: Sequence[SheetPart], *, created: datetime) -> None:
    """Zip the workbook: fixed parts, then each sheet's head, rows (streamed) and tail."""
    office = f"{REL_NS}"
    core, app = _document_properties(created)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _relationships([
            (f"{office}/officeDocument", "xl/workbook.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties", "docProps/core.xml"),
            (f"{office}/extended-properties", "docProps/app.xml")]))
        archive.writestr("docProps/core.xml", core)
        archive.writestr("docProps/app.xml", app)
        archive.writestr("xl/workbook.xml", _workbook_xml(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", _relationships(
            [(f"{office}/worksheet", f"worksheets/sheet{index}.xml")
             for index in range(1, len(sheets) + 1)] + [(f"{office}/styles", "styles.xml")]))
        archive.writestr("xl/styles.xml", STYLES)
        for index, sheet in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as part:
                part.write(sheet.xml_head(index == 1).encode())
                with sheet.rows_file.open("rb") as rows:
                    while chunk := rows.read(1 << 20):
                        part.write(chunk)
                part.write(sheet.xml_tail().encode())
