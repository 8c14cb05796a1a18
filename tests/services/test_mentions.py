"""Find mentions: a record's names across every document, linked as evidence in one change."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.services import aliasing, editing, importing, mentions
from curator.services.annotating import create_record_from_selection, record_evidence
from curator.store.database import ProjectDatabase

FIRST = """Agriculture News

On April 8, 2016, Minister of Agriculture Han Changfu (韩长赋) met with the President of \
the International Fund for Agricultural Development (IFAD) in Beijing. Minister Han \
thanked IFAD for its support.
"""

SECOND = """Rural Finance Bulletin

From May 16 to 27, 2016, IFAD and the Ministry of Commerce held a workshop in Kunming. \
Han Changfu opened it; 韩长赋 also met the trainees. Hanna Lee of IFAD closed it.
"""


@pytest.fixture
def documents(database: ProjectDatabase, tmp_path: Path) -> tuple[int, int]:
    """Two documents of our own naming the same minister and fund."""
    ids = []
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        ids.append(importing.import_document(database, source).document_id)
    return ids[0], ids[1]


def _minister(database: ProjectDatabase, document_id: int) -> int:
    text = importing_text(database, document_id)
    start = text.index("Han Changfu (韩长赋)")
    record = create_record_from_selection(database, RecordKind.PERSON, document_id, start,
                                          start + len("Han Changfu (韩长赋)"))
    aliasing.add_alias(database, record.id, "Minister Han")
    return record.id


def importing_text(database: ProjectDatabase, document_id: int) -> str:
    from curator.services.browsing import open_document

    return open_document(database, document_id).text


def test_every_other_place_a_name_stands_is_found_with_its_context(
        database: ProjectDatabase, documents: tuple[int, int]) -> None:
    minister = _minister(database, documents[0])
    found = mentions.find_mentions(database, minister)
    assert [(m.document_id, m.exact) for m in found] == [
        (documents[0], "Minister Han"), (documents[1], "Han Changfu"),
        (documents[1], "韩长赋")]
    assert found[1].before.endswith("in Kunming.")
    assert found[1].after.startswith("opened it;")
    assert found[1].document_title == "Rural Finance Bulletin"


def test_an_organization_is_found_by_its_acronym(
        database: ProjectDatabase, documents: tuple[int, int]) -> None:
    text = importing_text(database, documents[0])
    start = text.index("International Fund")
    fund = create_record_from_selection(database, RecordKind.ORGANIZATION, documents[0], start,
                                        text.index(" in Beijing"))
    assert fund.details["acronym"] == "IFAD"
    found = mentions.find_mentions(database, fund.id)
    # the "(IFAD)" of the selection is its evidence already
    assert [(m.document_id, m.exact) for m in found] == [
        (documents[0], "IFAD"), (documents[1], "IFAD"), (documents[1], "IFAD")]


def test_chosen_mentions_are_linked_in_one_version_and_unlinked_in_one(
        database: ProjectDatabase, documents: tuple[int, int]) -> None:
    minister = _minister(database, documents[0])
    before = editing.load_record(database, minister).version
    found = mentions.find_mentions(database, minister)
    spans = [mentions.MentionSpan(m.document_id, m.start, m.end) for m in found[1:]]
    ids = mentions.link_mentions(database, minister, spans, expected_version=before)
    assert editing.load_record(database, minister).version == before + 1
    assert [e.exact for e in record_evidence(database, minister)] == [
        "Han Changfu (韩长赋)", "Han Changfu", "韩长赋"]
    assert [(m.exact) for m in mentions.find_mentions(database, minister)] == ["Minister Han"]
    mentions.unlink_mentions(database, minister, ids, expected_version=before + 1)
    assert editing.load_record(database, minister).version == before + 2
    assert [e.exact for e in record_evidence(database, minister)] == ["Han Changfu (韩长赋)"]
