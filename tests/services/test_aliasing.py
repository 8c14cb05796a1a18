"""Aliases: typed or selected, removed and restored with their evidence, each a revision."""

from __future__ import annotations

import pytest

from curator.errors import EditConflict, InvalidValue
from curator.services.aliasing import (
    add_alias,
    add_alias_from_selection,
    record_aliases,
    remove_alias,
    restore_alias,
)
from curator.services.annotating import record_evidence
from curator.services.browsing import open_document
from curator.services.editing import history, load_record
from curator.store.database import ProjectDatabase

from .conftest import Cast


def test_typed_alias_is_kept_and_is_a_revision(database: ProjectDatabase, cast: Cast) -> None:
    alias_id = add_alias(database, cast.lgop, "  State Council   LGOP ", expected_version=1)
    [alias] = record_aliases(database, cast.lgop)
    last = history(database, cast.lgop)[-1]
    assert (alias.id, alias.text) == (alias_id, "State Council LGOP")
    assert (last.action, last.new_value, last.version) == ("alias", "State Council LGOP", 2)
    assert load_record(database, cast.lgop).version == 2


def test_selected_alias_carries_the_selection_as_its_evidence(
    database: ProjectDatabase, cast: Cast, sample_document: int
) -> None:
    text = open_document(database, sample_document).text
    start = text.index("郑文凯")
    alias_id = add_alias_from_selection(database, cast.zheng, sample_document, start, start + 3)
    [span] = record_evidence(database, cast.zheng)
    assert (span.exact, span.alias_id) == ("郑文凯", alias_id)
    assert [a.text for a in record_aliases(database, cast.zheng)] == ["郑文凯"]


def test_removed_alias_comes_back_with_its_id_and_evidence(
    database: ProjectDatabase, cast: Cast, sample_document: int
) -> None:
    text = open_document(database, sample_document).text
    start = text.index("Zheng Wenkai")
    alias_id = add_alias_from_selection(database, cast.bank, sample_document, start, start + 5)
    evidence_id = record_evidence(database, cast.bank)[0].id
    removed = remove_alias(database, alias_id)
    assert (record_aliases(database, cast.bank), record_evidence(database, cast.bank)) == ([], [])
    restore_alias(database, removed)
    assert [a.id for a in record_aliases(database, cast.bank)] == [alias_id]
    assert [e.id for e in record_evidence(database, cast.bank)] == [evidence_id]
    assert [(r.old_value, r.new_value) for r in history(database, cast.bank)][-2:] == [
        ("Zheng", None), (None, "Zheng")]


def test_an_alias_twice_or_blank_is_refused(database: ProjectDatabase, cast: Cast) -> None:
    add_alias(database, cast.zheng, "Mr. Zheng")
    with pytest.raises(InvalidValue, match="already"):
        add_alias(database, cast.zheng, "mr. zheng")
    with pytest.raises(InvalidValue, match="blank"):
        add_alias(database, cast.zheng, "   ")


def test_an_alias_on_a_stale_version_is_a_conflict(database: ProjectDatabase, cast: Cast) -> None:
    add_alias(database, cast.zheng, "Mr. Zheng")
    with pytest.raises(EditConflict):
        add_alias(database, cast.zheng, "Vice Minister Zheng", expected_version=1)
    assert [a.text for a in record_aliases(database, cast.zheng)] == ["Mr. Zheng"]
