"""Kill a writer again and again (SIGKILL, no chance to clean up) in the middle of a stream of
edits, creations and imports, and check after every kill that the project is sound and holds
every change the writer acknowledged.

Run by `test_kill_loop.py` as its own process: it imports Curator once and forks each writer,
so a hundred kills take a minute rather than a hundred interpreter start-ups.

    python -m tests.store.kill_loop PROJECT KILLS SEED
prints one JSON line: {"kills": …, "acknowledged": {"create": …, "edit": …, "import": …},
"problems": […]}
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from curator.store.database import ProjectDatabase
from tests.store.edit_stream import run_stream
from tests.store.stream_check import problems_after

STEPS_PER_WRITER = 400
"""More than a writer finishes before it is killed."""


def _writer(project: str, seed: int, folder: Path, pipe: int) -> None:
    """The forked child: stream changes, each line to the pipe; never returns."""
    out = os.fdopen(pipe, "w", buffering=1)
    try:
        run_stream(project, seed, STEPS_PER_WRITER, folder, lambda line: print(line, file=out))
    finally:
        os._exit(0)


def _read_all(pipe: int) -> list[str]:
    chunks = []
    while chunk := os.read(pipe, 65536):
        chunks.append(chunk)
    text = b"".join(chunks).decode("utf-8", errors="replace")
    return [line for line in text.split("\n") if line]  # a torn last line is dropped


def kill_loop(project: str, kills: int, seed: int) -> dict[str, object]:
    """Fork, let the writer run a random moment, SIGKILL it, check; `kills` times."""
    rnd = random.Random(seed)
    lines: list[str] = []
    problems: list[str] = []
    ProjectDatabase.open(project).close()
    with tempfile.TemporaryDirectory() as scratch:
        for kill in range(kills):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _writer(project, seed * 1000 + kill, Path(scratch), write_end)
            os.close(write_end)
            time.sleep(rnd.uniform(0.05, 0.6))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines += _read_all(read_end)
            os.close(read_end)
            database = ProjectDatabase.open(project)
            try:
                found = problems_after(database, lines)
            finally:
                database.close()
            if found:
                problems += [f"after kill {kill + 1}: {problem}" for problem in found]
                break
    acknowledged = {kind: sum(line.startswith(f"ack {kind} ") for line in lines)
                    for kind in ("create", "edit", "import")}
    return {"kills": kill + 1, "problems": problems, "acknowledged": acknowledged}


def main() -> None:
    project, kills, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(kill_loop(project, kills, seed)))


if __name__ == "__main__":
    main()
