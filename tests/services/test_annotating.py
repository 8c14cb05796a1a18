"""Creating records from a selection and linking more evidence."""

from pathlib import Path

import pytest

from curator.domain.records import Record, RecordKind, ReviewStatus
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


def test_a_titled_selection_becomes_a_draft_with_its_name_and_title(
    database: ProjectDatabase, sample_document: int
) -> None:
    start, end = _span(database, sample_document, "Vice Minister of LGOP Zheng Wenkai")
    record = create_record_from_selection(
        database, RecordKind.PERSON, sample_document, start - 1, end + 1
    )
    assert (record.key, record.name_en, record.status) == (
        "P-0001", "Zheng Wenkai", ReviewStatus.DRAFT)
    assert record.details["position"] == "Vice Minister of LGOP"
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
        ("Minister Fan Xiaojian (范小建)", ("Fan Xiaojian", "范小建")),
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


BULLETIN = """Cooperation Bulletin

On May 3, 2014, Mr. Kanayo Nwanze, President of IFAD, met with Minister of Agriculture \
Han Changfu in Beijing.

From August 27 to September 1, the Asian Development Bank (ADB) and the Rural Finance \
Institute held the Workshop on Microcredit in Kunming, attended by 35 officials.
"""


@pytest.fixture
def bulletin(database: ProjectDatabase, tmp_path: Path) -> int:
    """A short bulletin of our own, imported."""
    source = tmp_path / "bulletin.txt"
    source.write_text(BULLETIN, encoding="utf-8")
    return import_document(database, source).document_id


def _create(database: ProjectDatabase, document_id: int, kind: RecordKind, quote: str
            ) -> Record:
    return create_record_from_selection(database, kind, document_id,
                                        *_span(database, document_id, quote))


def test_a_selected_date_range_fills_the_start_and_end_dates(
    database: ProjectDatabase, sample_document: int
) -> None:
    event = _create(database, sample_document, RecordKind.EVENT, "From June 12 to 22, 2012")
    assert (event.details["start_date"], event.details["end_date"]) == (
        "2012-06-12", "2012-06-22")


def test_a_date_without_a_year_takes_the_year_of_the_text_before_it(
    database: ProjectDatabase, bulletin: int
) -> None:
    event = _create(database, bulletin, RecordKind.EVENT, "From August 27 to September 1")
    assert (event.details["start_date"], event.details["end_date"]) == (
        "2014-08-27", "2014-09-01")


def test_a_selected_sentence_gives_the_event_its_place_and_participants(
    database: ProjectDatabase, bulletin: int
) -> None:
    sentence = ("From August 27 to September 1, the Asian Development Bank (ADB) and the "
                "Rural Finance Institute held the Workshop on Microcredit in Kunming, "
                "attended by 35 officials.")
    event = _create(database, bulletin, RecordKind.EVENT, sentence)
    assert event.name_en == "Workshop on Microcredit in Kunming"
    assert (event.details["city"], event.details["country"]) == ("Kunming", "CN")
    assert event.details["participant_count"] == 35
    assert [span.exact for span in record_evidence(database, event.id)] == [sentence]


def test_a_name_with_its_title_after_a_comma_is_split(
    database: ProjectDatabase, bulletin: int
) -> None:
    person = _create(database, bulletin, RecordKind.PERSON,
                     "Mr. Kanayo Nwanze, President of IFAD")
    assert (person.name_en, person.details["position"]) == ("Kanayo Nwanze",
                                                            "President of IFAD")


def test_an_organization_with_its_acronym_fills_the_acronym(
    database: ProjectDatabase, bulletin: int
) -> None:
    bank = _create(database, bulletin, RecordKind.ORGANIZATION, "Asian Development Bank (ADB)")
    assert (bank.name_en, bank.details["acronym"], bank.details["org_kind"]) == (
        "Asian Development Bank", "ADB", "bank")


def test_words_the_rules_cannot_place_stay_the_name(
    database: ProjectDatabase, bulletin: int
) -> None:
    person = _create(database, bulletin, RecordKind.PERSON, "Rural Finance Institute")
    assert person.name_en == "Rural Finance Institute"
    assert not person.details.get("position")
