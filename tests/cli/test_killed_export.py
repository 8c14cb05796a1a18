"""An export killed mid-write leaves nothing behind once the next export to that folder runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from curator.cli import main

# Stops the export after its first data sheet, when the workbook's sheet parts are on disk.
STALLED_EXPORT = """
import sys, time
from pathlib import Path
from curator.exchange import xlsx_writer
import curator.cli
gate = Path(sys.argv[1])
write_table = xlsx_writer._write_table
def stall(*args):
    write_table(*args)
    gate.touch()
    time.sleep(600)
xlsx_writer._write_table = stall
sys.exit(curator.cli.main(sys.argv[2:]))
"""


def _wait_for(path: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the export never got going"
        time.sleep(0.05)


def test_a_killed_export_leaves_nothing_after_the_next_export(
    tmp_path: Path, sample_source: Path
) -> None:
    project = tmp_path / "p.curator"
    assert main(["-p", str(project), "import", str(sample_source)]) == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    system_temp = tmp_path / "system-temp"  # where openpyxl would put its parts by default
    system_temp.mkdir()
    gate = tmp_path / "stalled"
    target = exports / "report.xlsx"
    exporter = subprocess.Popen(
        [sys.executable, "-c", STALLED_EXPORT, str(gate), "-p", str(project), "export",
         str(target)],
        stderr=subprocess.PIPE, env={**os.environ, "TMPDIR": str(system_temp)},
    )
    try:
        _wait_for(gate, exporter)
    finally:
        exporter.send_signal(signal.SIGKILL)
        exporter.communicate(timeout=30)
    [scratch] = exports.iterdir()
    assert scratch.name.startswith(f".report.xlsx.curator-tmp-{exporter.pid}-")
    assert any(part.name.startswith("sheet-") for part in scratch.iterdir())  # killed mid-write
    assert list(system_temp.iterdir()) == []

    assert main(["-p", str(project), "export", str(exports / "other.xlsx")]) == 0
    assert [path.name for path in exports.iterdir()] == ["other.xlsx"]
