"""Tests of atomic_output: the target is replaced whole or left exactly as it was."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from curator.errors import ExportFailed
from curator.exchange import atomic
from curator.exchange.atomic import atomic_output

OLD_BYTES = b"the previous export\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """An existing export file that a failed write must not touch."""
    path = tmp_path / "export.xlsx"
    path.write_bytes(OLD_BYTES)
    return path


def test_success_replaces_target_with_what_was_written(target: Path) -> None:
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"


def test_success_leaves_only_the_target_in_the_folder(target: Path) -> None:
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert list(target.parent.iterdir()) == [target]


def test_new_target_is_created_when_none_existed(tmp_path: Path) -> None:
    target = tmp_path / "fresh.json"
    with atomic_output(target) as temp:
        temp.write_text("{}", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "{}"


def test_temporary_path_is_in_a_hidden_folder_beside_the_target_naming_the_process(
    target: Path,
) -> None:
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
        assert temp.parent.parent == target.parent
        assert re.fullmatch(rf"\.export\.xlsx\.curator-tmp-{os.getpid()}-[0-9a-f]{{8}}",
                            temp.parent.name)


def test_a_dead_exports_scratch_folder_is_swept_by_the_next_export(target: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    abandoned = target.parent / f".export.xlsx.curator-tmp-{dead.stdout.strip()}-0123abcd"
    abandoned.mkdir()
    (abandoned / "export.xlsx").write_bytes(b"half")
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert list(target.parent.iterdir()) == [target]


def test_a_running_exports_scratch_folder_and_other_files_are_kept(target: Path) -> None:
    running = target.parent / f".export.xlsx.curator-tmp-{os.getppid()}-0123abcd"
    running.mkdir()
    lookalike = target.parent / ".notes.txt.curator-tmp-999999999-zzzz"
    lookalike.write_text("not ours")
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert sorted(target.parent.iterdir()) == sorted([target, running, lookalike])


def test_target_is_untouched_while_writing(target: Path) -> None:
    with atomic_output(target) as temp:
        temp.write_bytes(b"half")
        assert target.read_bytes() == OLD_BYTES


def test_exception_removes_temporary_file(target: Path) -> None:
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("bug")
    assert list(target.parent.iterdir()) == [target]


def test_exception_leaves_target_byte_identical(target: Path) -> None:
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("bug")
    assert target.read_bytes() == OLD_BYTES


def test_exception_that_is_not_an_os_error_propagates_unchanged(target: Path) -> None:
    with pytest.raises(ValueError, match="not mine"), atomic_output(target):
        raise ValueError("not mine")


def test_os_error_while_writing_becomes_export_failed_naming_the_target(target: Path) -> None:
    with pytest.raises(ExportFailed, match=re.escape(str(target))), atomic_output(target):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_is_said_in_plain_words(target: Path) -> None:
    with pytest.raises(ExportFailed, match="the disk is full"), atomic_output(target):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_os_error_leaves_no_temporary_file_and_target_intact(target: Path) -> None:
    with pytest.raises(ExportFailed), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert list(target.parent.iterdir()) == [target]
    assert target.read_bytes() == OLD_BYTES


def test_missing_folder_raises_export_failed_naming_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "export.xlsx"
    body_ran = False
    with pytest.raises(ExportFailed, match="no such folder.*does not exist"), atomic_output(target):
        body_ran = True
    assert not body_ran


def test_failing_rename_keeps_target_and_removes_temporary_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, destination: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportFailed, match="permission was denied"), atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == OLD_BYTES
    assert list(target.parent.iterdir()) == [target]


def test_file_is_synced_before_it_replaces_the_target(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        calls.append("fsync")
        real_fsync(descriptor)

    def replace(source: Path, destination: Path) -> None:
        calls.append("replace")
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert calls == ["fsync", "replace"]


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
def test_new_file_gets_the_usual_permissions_not_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "shared.xlsx"
    umask = os.umask(0o022)
    try:
        with atomic_output(target) as temp:
            temp.write_bytes(b"new")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
