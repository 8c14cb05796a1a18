"""Duplicates as services: the name check at creation, the pairs listed, dismissals kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.identity.candidates import DuplicateReason
from curator.services.aliasing import add_alias
from curator.services.annotating import create_record_from_selection, record_evidence
from curator.services.duplicates import (
    dismiss_pair,
    find_duplicates,
    matching_records,
    records_matching_selection,
    undo_dismissal,
)
from curator.services.editing import edit_field, load_record
from curator.services.merging import merge_records, unmerge_records
from curator.store.database import ProjectDatabase
from curator.store.records import create_record

PERSON, ORG = RecordKind.PERSON, RecordKind.ORGANIZATION


def _create(database: ProjectDatabase, kind: RecordKind, name_en: str = "",
            name_zh: str = "") -> int:
    with database.unit_of_work() as session:
        return create_record(session, kind, user="setup", name_en=name_en, name_zh=name_zh).id


def _keys(database: ProjectDatabase, kind: RecordKind, name: str) -> list[str]:
    return [summary.key for summary in matching_records(database, kind, name)]


@pytest.mark.parametrize("name", [
    "Fan Xiaojian", "fan  xiaojian", "Mr. Fan Xiaojian", "H.E. FAN Xiao-jian", "Xiaojian Fan",
    "范小建", "範小建先生",
])
def test_a_name_matches_in_either_script_and_any_spelling(
    database: ProjectDatabase, name: str
) -> None:
    _create(database, PERSON, "Fan Xiaojian")
    _create(database, PERSON, "", "范小建")
    _create(database, PERSON, "Fan Xiaojie")
    assert _keys(database, PERSON, name) == ["P-0001", "P-0002"]


def test_a_chinese_name_alone_is_found_by_its_pinyin(database: ProjectDatabase) -> None:
    _create(database, PERSON, "", "王毅")
    _create(database, PERSON, "", "王义")
    assert _keys(database, PERSON, "Wang Yi") == ["P-0001", "P-0002"]
    assert _keys(database, PERSON, "王毅") == ["P-0001"]  # not the homophone


def test_an_alias_or_an_acronym_matches(database: ProjectDatabase) -> None:
    center = _create(database, ORG, "International Poverty Reduction Center in China")
    edit_field(database, center, "acronym", "IPRCC", expected_version=1)
    bank = _create(database, ORG, "World Bank")
    add_alias(database, bank, "The World Bank Group")
    assert _keys(database, ORG, "IPRCC") == ["O-0001"]
    assert _keys(database, ORG, "the world bank group") == ["O-0002"]


def test_another_kind_or_a_title_alone_matches_nothing(database: ProjectDatabase) -> None:
    _create(database, ORG, "Fan Xiaojian")
    _create(database, PERSON, "Minister")
    assert _keys(database, PERSON, "Fan Xiaojian") == []
    assert _keys(database, PERSON, "   ") == []


def test_a_selection_is_checked_by_the_names_a_record_would_get(
    database: ProjectDatabase, sample_document: int, sample_source: Path
) -> None:
    _create(database, PERSON, "", "郑文凯")
    text = sample_source.read_text(encoding="utf-8")
    start = text.index("Zheng Wenkai")
    found = records_matching_selection(database, PERSON, sample_document, start, start + 12)
    assert [summary.key for summary in found] == ["P-0001"]


def test_people_quoted_in_one_document_are_listed_as_short_and_full_forms(
    database: ProjectDatabase, sample_document: int, sample_source: Path
) -> None:
    text = sample_source.read_text(encoding="utf-8")
    full = text.index("Zheng Wenkai")
    create_record_from_selection(database, PERSON, sample_document, full, full + 12)
    short = _create(database, PERSON, "Minister Zheng")
    edit_field(database, short, "name_zh", "郑部长", expected_version=1)
    assert find_duplicates(database) == []  # Minister Zheng has no evidence in the report
    from curator.services.annotating import link_selection_as_evidence

    link_selection_as_evidence(database, short, sample_document, full, full + 5)
    [pair] = find_duplicates(database)
    assert (pair.first.key, pair.second.key, pair.reason) == (
        "P-0001", "P-0002", DuplicateReason.SHORT_FORM)


def test_a_dismissed_pair_is_not_listed_again_after_reopening(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    wang = _create(database, PERSON, "Wang Yi")
    other = _create(database, PERSON, "", "王毅")
    [pair] = find_duplicates(database)
    assert (pair.reason, pair.first.id, pair.second.id) == (
        DuplicateReason.OTHER_SCRIPT, wang, other)
    dismiss_pair(database, other, wang)
    database.close()
    reopened = ProjectDatabase.open(database.location)
    try:
        assert find_duplicates(reopened) == []
        undo_dismissal(reopened, wang, other)
        assert len(find_duplicates(reopened)) == 1
    finally:
        reopened.close()


def test_kinds_can_be_chosen(database: ProjectDatabase) -> None:
    _create(database, PERSON, "Wang Yi")
    _create(database, PERSON, "Wang Yi")
    _create(database, ORG, "IPRCC")
    _create(database, ORG, "International Poverty Reduction Center in China")
    assert {p.reason for p in find_duplicates(database, kinds=[ORG])} == {
        DuplicateReason.ACRONYM}


def test_merging_and_unmerging_through_the_services(
    database: ProjectDatabase, sample_document: int, sample_source: Path
) -> None:
    text = sample_source.read_text(encoding="utf-8")
    start = text.index("Zheng Wenkai")
    first = create_record_from_selection(database, PERSON, sample_document, start, start + 12)
    second = create_record_from_selection(database, PERSON, sample_document, start, start + 5)
    merged = merge_records(database, first.id, second.id, keep_version=first.version,
                           other_version=second.version)
    assert len(record_evidence(database, first.id)) == 2
    assert _keys(database, PERSON, "Zheng") == ["P-0001"]  # its name became an alias
    restored = unmerge_records(database, merged)
    assert (restored.key, len(record_evidence(database, second.id))) == ("P-0002", 1)
    assert load_record(database, first.id).name_en == "Zheng Wenkai"
