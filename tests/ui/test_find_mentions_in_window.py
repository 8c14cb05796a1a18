"""Find Mentions in the window: the record's names across the documents, chosen in a
concordance, linked as evidence in one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator.domain.records import Record, RecordKind
from curator.services import importing
from curator.services.annotating import record_evidence
from curator.services.mentions import Mention, MentionSpan
from curator.ui.main_window import MainWindow
from curator.ui.records import mentions_dialog
from curator.ui.records.mentions_dialog import MentionsDialog
from tests.ui.gestures import create_from_quote

WATER = """Water Cooperation News

On March 2, 2015, Vice Minister of Water Resources Liu Ning met with a delegation of the \
Mekong River Commission (MRC) in Beijing. Liu Ning thanked the MRC for its work.
"""

BULLETIN = """Irrigation Bulletin

From June 8 to 12, 2015, Liu Ning visited Laos and Cambodia. Mr. Liu Ningbo of the \
Commission travelled with him; Liu Ning met farmers in Pakse.
"""


@pytest.fixture
def window(open_window: Callable[[Path], MainWindow], tmp_path: Path) -> MainWindow:
    """A window on a project with two documents of our own, the first one open."""
    window = open_window(tmp_path / "test.curator")
    ids = []
    for name, text in (("water.txt", WATER), ("bulletin.txt", BULLETIN)):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        ids.append(importing.import_document(window.workbench.database, source).document_id)
    window.workbench.show_documents()
    window.workbench.open_document(ids[0])
    return window


def _choose_all_but_the_last(chosen: list[list[str]]
                             ) -> Callable[[Record, list[Mention], object], list[MentionSpan]]:
    def choose(record: Record, mentions: list[Mention], parent: object) -> list[MentionSpan]:
        dialog = MentionsDialog(record, mentions)
        chosen.append([f"{m.document_title}: {m.exact}" for m in mentions])
        dialog.set_chosen(len(mentions) - 1, False)
        spans = dialog.chosen()
        dialog.deleteLater()
        return spans
    return choose


def test_chosen_mentions_are_linked_at_once_and_undone_at_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbench = window.workbench
    person = create_from_quote(workbench, RecordKind.PERSON,
                               "Vice Minister of Water Resources Liu Ning")
    assert person.name_en == "Liu Ning"
    offered: list[list[str]] = []
    monkeypatch.setattr(mentions_dialog, "choose_mentions", _choose_all_but_the_last(offered))
    steps = workbench.undo_stack.count()
    workbench.mentions_action.trigger()
    assert offered == [["Water Cooperation News: Liu Ning",
                        "Irrigation Bulletin: Liu Ning", "Irrigation Bulletin: Liu Ning"]]
    quotes = [e.exact for e in record_evidence(workbench.database, person.id)]
    assert quotes == ["Vice Minister of Water Resources Liu Ning", "Liu Ning", "Liu Ning"]
    assert workbench.record_form.evidence_table.rowCount() == 3
    assert workbench.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert len(record_evidence(workbench.database, person.id)) == 1
    errors: list[str] = []
    workbench.editor.edit_failed.connect(errors.append)
    window.redo_action.trigger()
    assert errors == []
    assert len(record_evidence(workbench.database, person.id)) == 3


def test_a_record_named_nowhere_else_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbench = window.workbench
    workbench.open_document(2)
    create_from_quote(workbench, RecordKind.PERSON, "Mr. Liu Ningbo")
    messages: list[str] = []
    workbench.status_changed.connect(messages.append)
    offered: list[list[str]] = []
    monkeypatch.setattr(mentions_dialog, "choose_mentions", _choose_all_but_the_last(offered))
    steps = workbench.undo_stack.count()
    assert not workbench.find_mentions()
    assert offered == []
    assert messages[-1] == "No other mentions of Liu Ningbo in the documents."
    assert workbench.undo_stack.count() == steps


def test_all_ticks_and_unticks_every_mention_and_nothing_chosen_links_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    person = create_from_quote(window.workbench, RecordKind.PERSON, "Liu Ning thanked")
    found = [Mention(1, "Water Cooperation News", "", 0, 8, "Liu Ning", "", "met"),
             Mention(2, "Irrigation Bulletin", "", 40, 48, "Liu Ning", "2015,", "visited")]
    dialog = MentionsDialog(person, found)
    qtbot.addWidget(dialog)
    assert len(dialog.chosen()) == 2 and dialog.link_button.isEnabled()
    dialog.all_box.setChecked(False)
    assert dialog.chosen() == [] and not dialog.link_button.isEnabled()
    dialog.all_box.setChecked(True)
    assert dialog.chosen() == [MentionSpan(1, 0, 8), MentionSpan(2, 40, 48)]
