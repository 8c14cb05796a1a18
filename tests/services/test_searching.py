"""One search finds records by any name, alias, field or pinyin, and passages of documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.domain.search_keys import SearchField
from curator.domain.search_results import MatchRank
from curator.services.searching import search
from curator.store.database import ProjectDatabase
from curator.store.records import create_record, update_field


def _create(database: ProjectDatabase, kind: RecordKind, *, name_en: str = "",
            name_zh: str = "", **details: str) -> str:
    """Create a record with names and detail fields; returns its key."""
    with database.unit_of_work() as session:
        record = create_record(session, kind, user="t", name_en=name_en, name_zh=name_zh)
        for name, value in details.items():
            record = update_field(session, record.id, name, value,
                                  expected_version=record.version, user="t")
        return record.key


def _keys(database: ProjectDatabase, query: str) -> list[str]:
    return [hit.key for hit in search(database, query).records]


def test_a_chinese_name_finds_the_person_written_in_pinyin(database: ProjectDatabase) -> None:
    key = _create(database, RecordKind.PERSON, name_en="Fan Xiaojian")
    hit = search(database, "范小建").records[0]
    assert (hit.key, hit.field, hit.rank) == (key, SearchField.NAME_EN, MatchRank.EXACT_NAME)


@pytest.mark.parametrize("query", ["fan xiaojian", "Fan Xiaojian", "fanxiaojian", "xiaojian"])
def test_pinyin_finds_the_person_written_in_chinese(database: ProjectDatabase, query: str) -> None:
    key = _create(database, RecordKind.PERSON, name_zh="范小建")
    hit = search(database, query).records[0]
    assert (hit.key, hit.field, hit.value) == (key, SearchField.NAME_ZH, "范小建")


@pytest.mark.parametrize("query", ["lu", "lv", "lü", "lyu", "Lü Youqing", "lu youqing"])
def test_any_spelling_of_u_umlaut_finds_lv(database: ProjectDatabase, query: str) -> None:
    key = _create(database, RecordKind.PERSON, name_en="Lv Youqing")
    assert _keys(database, query) == [key]


def test_a_chinese_query_finds_the_chinese_name_of_lv(database: ProjectDatabase) -> None:
    key = _create(database, RecordKind.PERSON, name_en="Lv Youqing", name_zh="吕友清")
    assert _keys(database, "lyu") == _keys(database, "吕友清") == [key]


@pytest.mark.parametrize("query", ["国务院", "國務院"])
def test_simplified_and_traditional_find_each_other(database: ProjectDatabase, query: str) -> None:
    simplified = _create(database, RecordKind.ORGANIZATION, name_zh="国务院扶贫办")
    traditional = _create(database, RecordKind.ORGANIZATION, name_zh="國務院新聞辦公室")
    assert sorted(_keys(database, query)) == [simplified, traditional]


def test_one_chinese_character_finds_names_with_it(database: ProjectDatabase) -> None:
    fan = _create(database, RecordKind.PERSON, name_zh="范小建")
    inside = _create(database, RecordKind.ORGANIZATION, name_zh="北京师范大学")
    _create(database, RecordKind.PERSON, name_en="Fang Wei")  # "fang", not "fan"
    assert _keys(database, "范") == [fan, inside]


def test_a_two_character_chinese_query_finds_a_name_containing_it(
    database: ProjectDatabase,
) -> None:
    key = _create(database, RecordKind.ORGANIZATION, name_zh="国务院扶贫开发领导小组办公室")
    hit = search(database, "扶贫").records[0]
    assert (hit.key, hit.rank) == (key, MatchRank.SUBSTRING)


def test_exact_names_come_before_prefixes_aliases_and_substrings(
    database: ProjectDatabase,
) -> None:
    inside = _create(database, RecordKind.ORGANIZATION, name_en="Friends of the World Bank")
    alias = _create(database, RecordKind.ORGANIZATION, name_en="IBRD")
    prefix = _create(database, RecordKind.ORGANIZATION, name_en="World Bank Group")
    exact = _create(database, RecordKind.ORGANIZATION, name_en="World Bank")
    from curator.services.aliasing import add_alias

    with database.unit_of_work() as session:
        from curator.store.records import list_summaries

        alias_id = next(s.id for s in list_summaries(session, RecordKind.ORGANIZATION)
                        if s.key == alias)
    add_alias(database, alias_id, "World Bank (IBRD)")
    hits = search(database, "world bank").records
    assert [hit.key for hit in hits] == [exact, prefix, alias, inside]
    assert [hit.rank for hit in hits] == list(MatchRank)
    assert (hits[2].field, hits[2].value) == (SearchField.ALIAS, "World Bank (IBRD)")


def test_position_acronym_and_key_are_found(database: ProjectDatabase) -> None:
    person = _create(database, RecordKind.PERSON, name_en="Zheng Wenkai",
                     position="Vice Minister of LGOP")
    office = _create(database, RecordKind.ORGANIZATION, name_en="Leading Group Office",
                     acronym="LGOP")
    assert [(h.key, h.field) for h in search(database, "lgop").records] == [
        (office, SearchField.ACRONYM), (person, SearchField.POSITION)]
    assert [(h.key, h.field) for h in search(database, office).records] == [
        (office, SearchField.KEY)]


def test_a_two_character_query_finds_its_passage(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    from curator.services.importing import import_document

    text = "Overview\n\n代表团访问了巴西。\n会议在北京举行。\n"
    source = tmp_path / "visit.txt"
    source.write_text(text, encoding="utf-8")
    document_id = import_document(database, source).document_id
    [passage] = search(database, "北京").passages
    assert (passage.document_id, passage.start, passage.end) == (
        document_id, text.index("北京"), text.index("北京") + 2)
    assert passage.snippet.text == "会议在北京举行。"
    assert passage.snippet.hit == "北京"


def test_passages_match_across_case_and_script(
    database: ProjectDatabase, sample_document: int
) -> None:
    from curator.services.browsing import open_document

    text = open_document(database, sample_document).text
    hits = search(database, "國務院").passages + search(database, "ZHENG wenkai").passages
    assert [text[hit.start:hit.end] for hit in hits] == ["国务院", "Zheng Wenkai"]
    assert search(database, "國務院").passages[0].document_title == "Annual Report"


def test_a_one_character_query_finds_passages(
    database: ProjectDatabase, sample_document: int
) -> None:
    [hit] = search(database, "巴").passages
    assert hit.snippet.hit == "巴"


def test_records_come_before_passages(database: ProjectDatabase, sample_document: int) -> None:
    key = _create(database, RecordKind.PERSON, name_en="Zheng Wenkai")
    results = search(database, "zheng wenkai")
    assert [getattr(hit, "key", "passage") for hit in results.hits] == [key, "passage"]


def test_the_limit_caps_records_and_passages(database: ProjectDatabase) -> None:
    for number in range(5):
        _create(database, RecordKind.PERSON, name_en=f"Wang {number}")
    assert len(search(database, "wang", limit=3).records) == 3


def test_a_blank_query_finds_nothing(database: ProjectDatabase, sample_document: int) -> None:
    _create(database, RecordKind.PERSON, name_en="Zheng Wenkai")
    results = search(database, "  ")
    assert results.hits == ()
