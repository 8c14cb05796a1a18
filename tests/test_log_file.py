"""The log: a file in the user's log folder that commands and the window write to."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from curator.cli import main
from curator.log_file import log_file_path, start_logging


def test_the_log_is_in_the_users_log_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    assert log_file_path() == tmp_path / "state" / "curator" / "log" / "curator.log"


def test_a_command_logs_what_it_did_and_what_it_refused(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.curator")
    main(["-p", project, "import", str(sample_source)])
    main(["-p", project, "remove-document", "7"])
    for handler in logging.getLogger("curator").handlers:
        handler.flush()

    log = log_file_path().read_text(encoding="utf-8")
    assert f"Imported {sample_source} as document 1" in log
    assert "remove-document refused: There is no document 7" in log


def test_starting_twice_keeps_one_handler() -> None:
    start_logging()
    start_logging()

    handlers = [handler for handler in logging.getLogger("curator").handlers
                if getattr(handler, "baseFilename", None) == str(log_file_path())]
    assert len(handlers) == 1
