"""Relations, aliases and country names in the JSON file and the workbook."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from curator.exchange.json_writer import write_json
from curator.exchange.snapshot import ProjectSnapshot


def _rows(book: Workbook, title: str) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in book[title].iter_rows()]


def test_participants_sheet_starts_with_both_keys(book: Workbook) -> None:
    head, row = _rows(book, "Participants")
    assert head[:2] == ["Event key", "Person key"]
    assert row == ["E-0001", "P-0001", "Poverty reduction forum", "扶贫论坛", "Zheng Wenkai",
                   "郑文凯", "head of delegation", "=Vice Minister of LGOP"]


def test_a_formula_looking_title_stays_text(book: Workbook) -> None:
    assert book["Participants"]["H2"].data_type == "s"


def test_event_countries_sheet_gives_code_and_both_names(book: Workbook) -> None:
    head, row = _rows(book, "Event countries")
    assert head[:2] == ["Event key", "Country code"]
    assert (row[1], row[4], row[5], row[6]) == ("BR", "Brazil", "巴西", "visited")


def test_affiliation_dates_are_real_dates_when_whole(book: Workbook) -> None:
    head, row = _rows(book, "Affiliations")
    by_header = dict(zip(head, row, strict=True))
    assert (by_header["From"], by_header["To"]) == (datetime(2010, 3, 1), "2014")


def test_parent_sheet_names_the_parent(book: Workbook) -> None:
    head, row = _rows(book, "Parent organizations")
    assert (head[:2], row[:2]) == (["Organization key", "Parent key"], ["O-0003", "O-0002"])


def test_aliases_sheet_lists_each_alias_with_its_record(book: Workbook) -> None:
    assert _rows(book, "Aliases") == [
        ["Record key", "Record type", "Alias"], ["P-0001", "Person", "Mr. Zheng"],
        ["O-0001", "Organization", "LGOP"], ["O-0001", "Organization", "=扶贫办"]]


def test_record_sheets_name_a_coded_country_in_both_languages(book: Workbook) -> None:
    head, first, second = _rows(book, "Events")
    column = head.index("Country")
    assert head[column:column + 3] == ["Country", "Country (EN)", "Country (ZH)"]
    assert first[column:column + 3] == ["CN", "China", "中国"]
    assert second[column:column + 3] == ["#N/A", None, None]  # text still to fix: no names


def test_readme_counts_relations_and_aliases(book: Workbook) -> None:
    rows = _rows(book, "README")
    counts = rows[rows.index(["Organizations", 3]):]  # the counts, before the column meanings
    assert ["Participants", 1] in counts[:8] and ["Aliases", 3] in counts[:8]


def test_second_reader_reads_relations_and_aliases(xlsx_path: Path) -> None:
    workbook = CalamineWorkbook.from_path(str(xlsx_path))
    participants = workbook.get_sheet_by_name("Participants").to_python()
    aliases = workbook.get_sheet_by_name("Aliases").to_python()
    affiliations = workbook.get_sheet_by_name("Affiliations").to_python()
    assert participants[1][:2] == ["E-0001", "P-0001"]
    assert participants[1][7] == "=Vice Minister of LGOP"
    assert [row[2] for row in aliases[1:]] == ["Mr. Zheng", "LGOP", "=扶贫办"]
    assert affiliations[1][7] in (date(2010, 3, 1), datetime(2010, 3, 1))


def test_json_lists_relations_with_both_sides(snapshot: ProjectSnapshot, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_json(snapshot, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    by_kind = {entry["kind"]: entry for entry in data["relations"]}
    assert by_kind["participant"]["subject"] == "E-0001"
    assert (by_kind["participant"]["object"], by_kind["participant"]["role"]) == (
        "P-0001", "head of delegation")
    assert (by_kind["event_country"]["object"], by_kind["event_country"]["object_name_zh"]) == (
        "BR", "巴西")
    assert by_kind["affiliation"]["start_date"] == "2010-03-01"
    organization = data["organizations"][0]
    assert organization["aliases"] == ["LGOP", "=扶贫办"]
    assert (organization["country"], organization["country_name_en"],
            organization["country_name_zh"]) == ("CN", "China", "中国")
