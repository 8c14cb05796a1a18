"""Record keys and field specs."""

import pytest

from curator.domain.records import DETAIL_FIELDS, RecordKind, editable_fields, format_key, parse_key


def test_keys_round_trip() -> None:
    assert format_key(RecordKind.ORGANIZATION, 7) == "O-0007"
    assert parse_key("E-12345") == (RecordKind.EVENT, 12345)


@pytest.mark.parametrize("bad", ["X-0001", "E-1", "E0001", ""])
def test_malformed_keys_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_key(bad)


def test_every_kind_edits_both_names_and_its_details() -> None:
    for kind in RecordKind:
        fields = editable_fields(kind)
        assert fields[:2] == ("name_en", "name_zh")
        assert len(fields) == 2 + len(DETAIL_FIELDS[kind])
