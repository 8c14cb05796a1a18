"""Tests reading the written workbook with the stdlib alone, a reader independent of openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

SHEETS = ["README", "Events", "People", "Organizations", "Participants", "Event organizations",
          "Event countries", "Affiliations", "Parent organizations", "Aliases", "Comments",
          "Evidence", "Documents"]
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def test_second_reader_sees_the_sheets_in_workbook_xml(xlsx_path: Path) -> None:
    with zipfile.ZipFile(xlsx_path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    names = [sheet.get("name") for sheet in workbook.iter(f"{MAIN}sheet")]
    assert names == SHEETS


def test_second_reader_finds_the_chinese_names_as_strings(xlsx_path: Path) -> None:
    with zipfile.ZipFile(xlsx_path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        text = "".join(archive.read(name).decode("utf-8") for name in parts)
        if "xl/sharedStrings.xml" in archive.namelist():
            text += archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert "郑文凯" in text
    assert "国务院扶贫开发领导小组办公室" in text


def test_second_reader_sees_no_formula_anywhere(xlsx_path: Path) -> None:
    with zipfile.ZipFile(xlsx_path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        sheets = [ElementTree.fromstring(archive.read(name)) for name in parts]
    assert [cell for sheet in sheets for cell in sheet.iter(f"{MAIN}f")] == []


def test_second_reader_finds_every_inline_string_filled(xlsx_path: Path) -> None:
    with zipfile.ZipFile(xlsx_path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        sheets = [ElementTree.fromstring(archive.read(name)) for name in parts]
    cells = [cell for sheet in sheets for cell in sheet.iter(f"{MAIN}c")]
    inline = [cell for cell in cells if cell.get("t") == "inlineStr"]
    assert inline
    assert [cell.get("r") for cell in inline if cell.find(f"{MAIN}is/{MAIN}t") is None] == []
