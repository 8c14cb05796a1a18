"""Tests that a failed workbook export raises ExportFailed and leaves the target as it was."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from curator.errors import ExportFailed
from curator.exchange import xlsx_writer
from curator.exchange.snapshot import ProjectSnapshot
from curator.exchange.xlsx_writer import write_workbook


def _fail_mid_save(error: BaseException) -> Any:
    """A package writer that writes half a file, then fails with `error`."""

    def save(stream: Any, *_args: Any, **_options: Any) -> None:
        stream.write(b"PK\x03\x04 half a workbook")
        raise error

    return save


def test_failing_write_raises_export_failed(
    snapshot: ProjectSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_writer, "write_package",
                        _fail_mid_save(OSError(errno.ENOSPC, "disk full")))
    with pytest.raises(ExportFailed, match="the disk is full"):
        write_workbook(snapshot, tmp_path / "export.xlsx")


def test_failing_write_leaves_previous_export_byte_identical(
    snapshot: ProjectSnapshot, xlsx_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = xlsx_path.read_bytes()
    monkeypatch.setattr(xlsx_writer, "write_package",
                        _fail_mid_save(OSError(errno.ENOSPC, "disk full")))
    with pytest.raises(ExportFailed):
        write_workbook(snapshot, xlsx_path)
    assert xlsx_path.read_bytes() == before


def test_failing_write_leaves_no_temporary_file(
    snapshot: ProjectSnapshot, xlsx_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_writer, "write_package",
                        _fail_mid_save(RuntimeError("bug in the writer")))
    with pytest.raises(RuntimeError):
        write_workbook(snapshot, xlsx_path)
    assert list(xlsx_path.parent.iterdir()) == [xlsx_path]


def test_target_in_missing_folder_raises_export_failed(
    snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        write_workbook(snapshot, tmp_path / "missing" / "export.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_rewriting_replaces_the_previous_export(
    empty_snapshot: ProjectSnapshot, xlsx_path: Path
) -> None:
    write_workbook(empty_snapshot, xlsx_path)
    assert load_workbook(xlsx_path)["Events"].max_row == 1
    assert list(xlsx_path.parent.iterdir()) == [xlsx_path]
