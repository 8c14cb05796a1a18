"""A command's help starts with a usage line a user can copy."""

from __future__ import annotations

import pytest

from curator.cli import main


@pytest.mark.parametrize("command", ["suggest", "search", "export", "import-workbook"])
def test_a_commands_usage_line_names_curator_then_the_command(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main([command, "--help"])
    assert ended.value.code == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"usage: curator [-p PROJECT] {command} [-h]")
