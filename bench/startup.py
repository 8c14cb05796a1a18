"""Time from typing `uv run curator` to the main window being shown, on the demo project.

Run: uv run python bench/startup.py [RUNS]   (needs a display or QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time


def time_one_start(environment: dict[str, str]) -> float:
    """Seconds from launching the command to the app reporting its window shown."""
    started = time.perf_counter()
    process = subprocess.Popen(
        ["uv", "run", "--quiet", "curator", "--exit-when-shown"],
        stderr=subprocess.PIPE, text=True, env=environment,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("window shown"):
            elapsed = time.perf_counter() - started
            process.wait()
            return elapsed
    raise RuntimeError(f"curator exited with {process.wait()} before showing its window")


def main() -> None:
    """Warm up once (the first run builds the demo project), then time several starts."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    environment = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp(prefix="curator-bench-"))
    first = time_one_start(environment)
    times = [time_one_start(environment) for _ in range(runs)]
    print(f"first start (creates the demo project): {first:.2f} s")
    print(f"later starts, {runs} runs: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()
