"""The command line in Chinese (LANG=zh_CN.UTF-8): what commands print, and the refusals of a
binary file and of files that are no workbook of Curator's, with no English left in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _curator(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment["LANG"] = "zh_CN.UTF-8"
    return subprocess.run([sys.executable, "-m", "curator", *map(str, arguments)],
                          env=environment, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def _english_words(text: str) -> list[str]:
    """Words of English prose (file names, keys and codes aside)."""
    return [word for word in re.findall(r"(?<![\w./-])[a-z]{3,}(?![\w./-])", text)
            if word not in ("curator", "export", "xlsx", "documents")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "notes.txt"
    source.write_text("郑文凯于2012年6月率团访问巴西。\n", encoding="utf-8")
    path = tmp_path / "p.curator"
    result = _curator("-p", path, "import", source)
    assert result.returncode == 0, result.stderr
    assert "notes.txt：已导入为文档 1（“" in result.stdout
    assert "节）" in result.stdout and not _english_words(result.stdout)
    return path


def test_commands_print_chinese(project: Path, tmp_path: Path) -> None:
    stats = _curator("-p", project, "stats")
    assert stats.returncode == 0, stats.stderr
    assert "事件：0" in stats.stdout and not _english_words(stats.stdout)
    exported = _curator("-p", project, "export", tmp_path / "out.json")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("已将 事件 0 条") and not _english_words(exported.stdout)
    found = _curator("-p", project, "search", "巴西")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("文档 1 “") and "0 条记录" in found.stderr
    duplicates = _curator("-p", project, "duplicates")
    assert duplicates.returncode == 0, duplicates.stderr
    assert "0 对可能重复的记录" in duplicates.stderr


def test_a_binary_file_is_refused_in_chinese_only(tmp_path: Path) -> None:
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"ab\x00cd" * 100)
    result = _curator("-p", tmp_path / "p.curator", "import", binary)
    assert result.returncode == 1
    assert "如果它是 UTF-16 文本" in result.stderr and "If it is" not in result.stderr


@pytest.mark.parametrize("name", ["out.zip", "out.json"])
def test_a_file_that_is_no_workbook_is_named_so(project: Path, tmp_path: Path,
                                                name: str) -> None:
    path = tmp_path / name
    if name.endswith(".zip"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("events.csv", "key,name_en\n")
    else:
        path.write_text("{}", encoding="utf-8")
    result = _curator("-p", project, "import-workbook", path)
    assert result.returncode != 0
    assert f"{name} 不是 Excel 工作簿：只能读回由 Curator 导出的 .xlsx 工作簿" in result.stderr
    assert "zip" not in result.stderr.replace(name, "") and "_rels" not in result.stderr
