"""Vocabulary values are shown in the language in use; what a project added stays as typed."""

from __future__ import annotations

from curator.domain.records import vocabulary_label
from curator.domain.relations import RelationKind, Role


def test_event_types_and_organization_kinds_are_translated(in_chinese: None) -> None:
    assert vocabulary_label("event_type", "visit abroad") == "出访"
    assert vocabulary_label("org_kind", "NGO") == "非政府组织"


def test_values_a_project_added_and_other_fields_are_shown_as_stored(in_chinese: None) -> None:
    assert vocabulary_label("event_type", "study tour") == "study tour"
    assert vocabulary_label("city", "research") == "research"
    assert vocabulary_label("event_type", "") == ""


def test_english_shows_the_stored_values() -> None:
    assert vocabulary_label("event_type", "visit abroad") == "visit abroad"
    assert Role(1, RelationKind.PARTICIPANT, "head of delegation", "团长").label == (
        "head of delegation")


def test_a_role_is_shown_by_its_chinese_name_when_it_has_one(in_chinese: None) -> None:
    assert Role(1, RelationKind.PARTICIPANT, "head of delegation", "团长").label == "团长"
    assert Role(2, RelationKind.PARTICIPANT, "interpreter").label == "interpreter"
