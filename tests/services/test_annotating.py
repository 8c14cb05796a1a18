"""Creating records from a selection and linking more evidence."""

from pathlib import Path

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.errors import EditConflict, InvalidValue
from curator.services.annotating import (
    create_record_from_selection,
    link_selection_as_evidence,
    record_evidence,
)
from curator.services.browsing import open_document
from curator.services.editing import edit_field, history, load_record
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase


def _span(database: ProjectDatabase, document_id: int, quote: str) -> tuple[int, int]:
    text = open_document(database, document_id).text
    start = text.index(quote)
    return start, start + len(quote)


def test_selection_becomes_a_draft_named_after_it(
    database: ProjectDatabase, sample_document: int
) -> None:
    start, end = _span(database, sample_document, "Vice Minister of LGOP Zheng Wenkai")
    record = create_record_from_selection(
        database, RecordKind.PERSON, sample_document, start - 1, end + 1
    )
    assert (record.key, record.name_en, record.status) == (
        "P-0001", "Vice Minister of LGOP Zheng Wenkai", ReviewStatus.DRAFT)
    [span] = record_evidence(database, record.id)
    assert (span.start, span.end) == (start, end)  # white space around the selection trimmed


def test_chinese_selection_guesses_the_chinese_name(
    database: ProjectDatabase, sample_document: int
) -> None:
    start, end = _span(database, sample_document, "国务院扶贫开发领导小组办公室")
    record = create_record_from_selection(
        database, RecordKind.ORGANIZATION, sample_document, start, end
    )
    assert (record.name_en, record.name_zh) == ("", "国务院扶贫开发领导小组办公室")


def test_blank_selection_is_refused(database: ProjectDatabase, sample_document: int) -> None:
    text = open_document(database, sample_document).text
    blank = text.index("\n\n")
    with pytest.raises(InvalidValue, match="Select some text"):
        create_record_from_selection(database, RecordKind.EVENT, sample_document, blank,
                                     blank + 2)


def test_linked_evidence_is_added_and_written_to_history(
    database: ProjectDatabase, sample_document: int
) -> None:
    record = create_record_from_selection(
        database, RecordKind.PERSON, sample_document, *_span(database, sample_document, "Zheng")
    )
    edit_field(database, record.id, "name_en", "Zheng Wenkai", expected_version=record.version)
    link_selection_as_evidence(
        database, record.id, sample_document, *_span(database, sample_document, "郑文凯")
    )
    assert [e.exact for e in record_evidence(database, record.id)] == ["Zheng", "郑文凯"]
    assert history(database, record.id)[-1].action == "evidence"


@pytest.mark.parametrize(
    ("quote", "names"),
    [
        ("Minister Fan Xiaojian (范小建)", ("Minister Fan Xiaojian", "范小建")),
        ("LGOP（国务院扶贫办）", ("LGOP", "国务院扶贫办")),
        ("郑文凯、范小建", ("", "郑文凯、范小建")),
        ("Zheng  Wenkai\n", ("Zheng Wenkai", "")),
        ("𠀀 Ext B", ("Ext B", "𠀀")),
    ],
)
def test_names_are_guessed_per_language(
    database: ProjectDatabase, tmp_path: Path, quote: str, names: tuple[str, str]
) -> None:
    source = tmp_path / "names.txt"
    source.write_text(f"Before. {quote} After.", encoding="utf-8")
    document_id = import_document(database, source).document_id
    text = open_document(database, document_id).text
    start = text.index(quote.strip()[:3])
    record = create_record_from_selection(
        database, RecordKind.PERSON, document_id, start, text.index(" After.")
    )
    assert (record.name_en, record.name_zh) == names


def test_linking_evidence_is_a_new_version_and_checks_the_old_one(
    database: ProjectDatabase, sample_document: int
) -> None:
    record = create_record_from_selection(
        database, RecordKind.PERSON, sample_document, *_span(database, sample_document, "Zheng")
    )
    link_selection_as_evidence(
        database, record.id, sample_document, *_span(database, sample_document, "郑文凯"),
        expected_version=record.version,
    )
    assert load_record(database, record.id).version == record.version + 1
    with pytest.raises(EditConflict):
        link_selection_as_evidence(
            database, record.id, sample_document, *_span(database, sample_document, "LGOP"),
            expected_version=record.version,
        )
    assert len(record_evidence(database, record.id)) == 2
