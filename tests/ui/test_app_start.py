"""`curator [PROJECT]` opens the window on a project, or explains why it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator.cli import main


def test_window_opens_on_a_project_file(
    qtbot: QtBot, tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "start.curator"
    assert main(["-p", str(project), "import", str(sample_source)]) == 0
    assert main([str(project), "--exit-when-shown"]) == 0
    error = capsys.readouterr().err
    assert "window shown after" in error and "project ready after" in error


def test_a_file_that_is_not_a_project_is_explained_in_a_dialog(
    qtbot: QtBot, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    not_a_project = tmp_path / "notes.curator"
    not_a_project.write_text("not a database\n" * 50)
    assert main([str(not_a_project), "--exit-when-shown"]) == 1
    [(title, message)] = shown_errors
    assert title == "Cannot open the project" and "notes.curator" in message


def test_an_unexpected_error_is_told_to_the_user(
    shown_errors: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    from curator.ui.messages import report_unexpected_error

    try:
        raise RuntimeError("something broke")
    except RuntimeError as error:
        report_unexpected_error(RuntimeError, error, error.__traceback__)
    [(title, message)] = shown_errors
    assert title == "Unexpected error" and "something broke" in message
    assert "Traceback" in capsys.readouterr().err


def test_an_error_the_user_can_act_on_is_not_called_a_bug(
    shown_errors: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    from curator.errors import StorageError
    from curator.ui.messages import report_unexpected_error

    error = StorageError("The project's database could not be used: the disk is full.")
    report_unexpected_error(StorageError, error, None)
    assert shown_errors == [("Curator", str(error))]
    assert "Traceback" not in capsys.readouterr().err


@pytest.fixture
def offers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Offers the window made, as (question, button); each one declined."""
    from curator.ui import messages

    made: list[tuple[str, str]] = []

    def decline(_parent: object, _title: str, question: str, action: str) -> bool:
        made.append((question, action))
        return False

    monkeypatch.setattr(messages, "ask_to_proceed", decline)
    return made


def test_a_misspelt_project_is_not_created_when_the_offer_is_declined(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    offers: list[tuple[str, str]], shown_errors: list[tuple[str, str]],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["my-projet.curator", "--exit-when-shown"]) == 0
    [(question, action)] = offers
    assert "There is no project at my-projet.curator" in question and action == "Create"
    assert list(tmp_path.iterdir()) == [] and shown_errors == []


def test_a_missing_project_is_made_when_the_user_says_create(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.ui import messages

    monkeypatch.setattr(messages, "ask_to_proceed", lambda *args: True)
    monkeypatch.chdir(tmp_path)
    assert main(["new.curator", "--exit-when-shown"]) == 0
    assert (tmp_path / "new.curator").stat().st_size > 0


def test_create_on_the_command_line_makes_the_project_without_asking(
    qtbot: QtBot, tmp_path: Path, offers: list[tuple[str, str]]
) -> None:
    project = tmp_path / "asked-for.curator"
    assert main(["--create", str(project), "--exit-when-shown"]) == 0
    assert project.is_file() and offers == []


def test_a_damaged_project_is_explained_in_a_dialog(
    qtbot: QtBot, tmp_path: Path, sample_source: Path, shown_errors: list[tuple[str, str]]
) -> None:
    project = tmp_path / "damaged.curator"
    assert main(["-p", str(project), "import", str(sample_source)]) == 0
    data = bytearray(project.read_bytes())
    data[4096:len(data) - 4096] = b"\xa5" * (len(data) - 8192)  # all but the first and last page
    project.write_bytes(bytes(data))
    assert main([str(project), "--exit-when-shown"]) == 1
    [(title, message)] = shown_errors
    assert title == "Cannot open the project" and "damaged" in message
