"""Reading the cells of an untrusted .xlsx workbook safely, as plain Python values.

The archive is checked before anything is unpacked: how many parts, how large each says it
is once unpacked, and by what ratio it is compressed, so a zip bomb is refused at once (and
`zipfile` never yields more than a part's declared size). The small parts (workbook,
relationships, styles) are parsed by defusedxml with `forbid_dtd`; the sheets by `sheet_xml`,
the shared strings by `sheet_tree`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from curator.domain.translation import _
from curator.exchange.sheet_notation import column_letters
from curator.exchange.sheet_rows import (
    MAIN,
    STRICT_MAIN,
    CellValue,
    Progress,
    ReadLimits,
    SheetRows,
    refuse,
)
from curator.exchange.sheet_tree import StringsParser
from curator.exchange.sheet_xml import SheetParser

__all__ = ["MAIN", "STRICT_MAIN", "CellValue", "Progress", "ReadLimits", "SheetRows",
           "WorkbookArchive", "column_letters", "read_sheets"]


def not_a_workbook(path: Path) -> str:
    """Why a file that is no workbook (a zip of CSV files, JSON, a document) is not read."""
    return _("{name} is not an Excel workbook: only an .xlsx workbook exported by Curator "
             "(File → Export, or `curator export out.xlsx`) can be read back.").format(
        name=path.name)


class WorkbookArchive:
    """An opened workbook: its sheets by title, read on request within `limits`."""

    def __init__(self, path: Path, *, limits: ReadLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or ReadLimits()
        try:
            self._zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile as error:
            raise refuse(not_a_workbook(self.path)) from error
        except OSError as error:
            raise refuse(_("{workbook} cannot be opened ({reason}).").format(
                workbook=self.path.name, reason=error.strerror or type(error).__name__)
            ) from error
        try:
            self._check_archive()
            if not {"[Content_Types].xml", "_rels/.rels"} <= set(self._zip.namelist()):
                raise refuse(not_a_workbook(self.path))  # a zip of CSV files, an .ods…
            self._sheet_parts = self._read_sheet_list()
            self._date_styles, self._date1904 = self._read_styles()
            self._strings: list[str] | None = None
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        """Close the file."""
        self._zip.close()

    def __enter__(self) -> WorkbookArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def titles(self) -> list[str]:
        """The sheets' titles in workbook order."""
        return list(self._sheet_parts)

    def _check_archive(self) -> None:
        """Refuse a zip bomb from the archive's directory alone, before unpacking anything."""
        limits, parts = self.limits, self._zip.infolist()
        if len(parts) > limits.max_parts:
            raise refuse(_("{workbook} holds {parts_count:,} parts; a workbook of "
                            "Curator's has a few dozen (at most {max_parts:,} are "
                            "read).").format(
                              workbook=self.path.name, parts_count=len(parts),
                              max_parts=limits.max_parts))
        total = 0
        for part in parts:
            total += part.file_size
            too_large = part.file_size > limits.max_part or total > limits.max_unpacked
            ratio = part.file_size / max(part.compress_size, 1)
            if too_large or (part.file_size > limits.ratio_floor and ratio > limits.max_ratio):
                raise refuse(
                    _("{workbook} is refused unread: its part {filename} would unpack to "
                      "{file_size:,} bytes ({ratio:,.0f} times its packed size), more "
                      "than a workbook holds (a zip bomb?).").format(
                        workbook=self.path.name, filename=part.filename, file_size=part.file_size,
                        ratio=ratio))

    def _member(self, name: str) -> bytes:
        try:
            return self._zip.read(name)
        except KeyError as error:
            raise refuse(_("{workbook} is not a whole workbook: {part} is missing.").format(
                              workbook=self.path.name, part=name)) from error
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise refuse(_("{workbook} is damaged: its part {part} cannot be unpacked.").format(
                              workbook=self.path.name, part=name)) from error

    def _xml(self, name: str) -> Any:
        try:
            return fromstring(self._member(name), forbid_dtd=True)
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
            raise refuse(_("{workbook} is refused: {part} declares a DTD or entities, "
                            "which workbooks never need.").format(
                              workbook=self.path.name, part=name)) from error
        except SyntaxError as error:  # ParseError
            raise refuse(_("{workbook} is damaged: {part} is not well-formed XML.").format(
                              workbook=self.path.name, part=name)) from error

    def _read_sheet_list(self) -> dict[str, str]:
        """Sheet title -> the part holding it, from the workbook and its relationships."""
        main = self._main_part()
        workbook = self._xml(main)
        namespace = workbook.tag[1:].split("}")[0] if workbook.tag.startswith("{") else ""
        rels_name = posixpath.join(posixpath.dirname(main), "_rels",
                                   posixpath.basename(main) + ".rels")
        targets = {rel.get("Id"): rel.get("Target", "") for rel in self._xml(rels_name)}
        sheets: dict[str, str] = {}
        for sheet in workbook.iter(f"{{{namespace}}}sheet" if namespace else "sheet"):
            rid = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
            target = targets.get(rid, "")
            if not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(posixpath.dirname(main), target))
            sheets[sheet.get("name", "")] = part
        self._workbook_xml = workbook
        return sheets

    def _main_part(self) -> str:
        for rel in self._xml("_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return str(rel.get("Target", "xl/workbook.xml")).lstrip("/")
        return "xl/workbook.xml"

    def _read_styles(self) -> tuple[set[int], bool]:
        """Which cell styles show a date, and whether dates count from 1904."""
        pr = next((element for element in self._workbook_xml.iter()
                   if element.tag.endswith("}workbookPr")), None)
        date1904 = pr is not None and pr.get("date1904", "0") in ("1", "true")
        if "xl/styles.xml" not in self._zip.namelist():
            return set(), date1904
        styles = self._xml("xl/styles.xml")
        custom = {int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "")
                  for fmt in styles.iter() if fmt.tag.endswith("}numFmt")}
        cell_xfs = next((element for element in styles if element.tag.endswith("}cellXfs")), None)
        dated: set[int] = set()
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else []):
            number_format = int(xf.get("numFmtId", "0"))
            if 14 <= number_format <= 22 or 45 <= number_format <= 47 or _is_date_format(
                    custom.get(number_format, "")):
                dated.add(index)
        return dated, date1904

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if "xl/sharedStrings.xml" in self._zip.namelist():
                self._strings = StringsParser(self.limits).parse(
                    self._open("xl/sharedStrings.xml"))
        return self._strings

    def _open(self, name: str) -> IO[bytes]:
        try:
            return self._zip.open(name)
        except KeyError as error:
            raise refuse(_("{workbook} is not a whole workbook: {part} is missing.").format(
                              workbook=self.path.name, part=name)) from error

    def read_sheet(self, title: str, *, progress: Progress | None = None,
                   columns: set[str] | None = None) -> SheetRows:
        """Every non-empty row of the sheet `title`; WorkbookInvalid if it breaks a limit.

        With `columns`, the rows after the first (the header) keep only the cells under those
        headers (the others are None), which spares converting what is shown only."""
        part = self._sheet_parts[title]
        size = self._zip.getinfo(part).file_size if part in self._zip.namelist() else 0
        parser = SheetParser(title, self.limits, self._shared_strings(), self._date_styles,
                             self._date1904, reopen=lambda: self._open(part), wanted=columns)
        return parser.parse(self._open(part), size, progress)



_DATE_CODE = re.compile(r"(\"[^\"]*\"|\\.|\[[^\]]*\])")


def _is_date_format(code: str) -> bool:
    """Whether a number format shows a date or time (d, m, y, h, s outside quotes)."""
    bare = _DATE_CODE.sub("", code).lower()
    return any(letter in bare for letter in "dyhs") or ("m" in bare and "0" not in bare)


def read_sheets(
    path: Path, titles: list[str], *, limits: ReadLimits | None = None,
    progress: Progress | None = None, columns: dict[str, set[str]] | None = None,
) -> tuple[list[str], dict[str, SheetRows]]:
    """All sheet titles of the workbook at `path`, and the rows of those of `titles` it has
    (of a sheet named in `columns`, only the cells under those headers)."""
    with WorkbookArchive(path, limits=limits) as archive:
        present = [title for title in titles if title in archive.titles]
        read: dict[str, SheetRows] = {}
        for index, title in enumerate(present):
            def step(done: int, total: int, index: int = index) -> None:
                if progress is not None:
                    progress(index * 1000 + (1000 * done // max(total, 1)),
                             1000 * len(present))
            read[title] = archive.read_sheet(title, progress=step if progress else None,
                                             columns=(columns or {}).get(title))
        return archive.titles, read

