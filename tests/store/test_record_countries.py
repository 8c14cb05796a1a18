"""Country fields take a code or a name in either language and keep the ISO code."""

from __future__ import annotations

import pytest

from curator.domain.records import RecordKind
from curator.errors import InvalidValue
from curator.store.database import ProjectDatabase
from curator.store.records import create_record, get_record, update_field


@pytest.mark.parametrize(("typed", "kept"), [("Brazil", "BR"), ("巴西", "BR"), ("br", "BR"),
                                             ("中華人民共和國", "CN")])
def test_a_country_is_kept_as_its_code(database: ProjectDatabase, typed: str, kept: str) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        update_field(session, record.id, "country", typed, expected_version=1, user="u")
        assert get_record(session, record.id).details["country"] == kept


def test_a_nationality_is_a_country_too(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u")
        saved = update_field(session, record.id, "nationality", "China", expected_version=1,
                             user="u")
    assert saved.details["nationality"] == "CN"


def test_an_unknown_country_is_refused_by_name(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.ORGANIZATION, user="u")
    with pytest.raises(InvalidValue, match="'Atlantis' is not a country"), \
            database.unit_of_work() as session:
        update_field(session, record.id, "country", "Atlantis", expected_version=1, user="u")


def test_a_country_can_be_cleared(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        update_field(session, record.id, "country", "Peru", expected_version=1, user="u")
        saved = update_field(session, record.id, "country", " ", expected_version=2, user="u")
    assert saved.details["country"] is None
