"""Control characters are refused in names and one-line fields, so the exports agree."""

from __future__ import annotations

import pytest

from curator.domain.records import RecordKind
from curator.errors import InvalidValue
from curator.services.annotating import _guess_names, create_record_from_selection
from curator.services.editing import edit_field, load_record
from curator.store.database import ProjectDatabase


@pytest.fixture
def person(database: ProjectDatabase, sample_document: int) -> int:
    from curator.services.browsing import open_document

    text = open_document(database, sample_document).text
    start = text.index("Zheng Wenkai")
    return create_record_from_selection(database, RecordKind.PERSON, sample_document,
                                        start, start + 12).id


@pytest.mark.parametrize(("field", "value"), [
    ("name_en", "Zheng\nWenkai"), ("name_zh", "郑文凯\t"), ("name_en", "Zheng \x1b[31mWenkai"),
    ("position", "Vice\rMinister"), ("nationality", "China\x00"), ("name_en", "Zheng\u2028W"),
])
def test_a_name_or_one_line_field_with_a_control_character_is_refused(
    database: ProjectDatabase, person: int, field: str, value: str
) -> None:
    version = load_record(database, person).version
    with pytest.raises(InvalidValue, match="cannot hold"):
        edit_field(database, person, field, value, expected_version=version)
    record = load_record(database, person)
    assert record.version == version and "Zheng" in record.name_en


def test_a_description_may_hold_line_breaks_and_tabs_but_not_escapes(
    database: ProjectDatabase, person: int
) -> None:
    version = load_record(database, person).version
    record = edit_field(database, person, "description", "First line\n\tSecond line",
                        expected_version=version)
    assert record.details["description"] == "First line\n\tSecond line"
    with pytest.raises(InvalidValue, match=r"an escape character \(\\x1b\)"):
        edit_field(database, person, "description", "\x1b[2J", expected_version=record.version)


def test_a_name_guessed_from_a_selection_holds_no_control_characters() -> None:
    assert _guess_names("Zheng\x1b Wenkai\x00") == ("Zheng Wenkai", "")
