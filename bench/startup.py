"""Time from typing `uv run curator` to the window on screen, and to the demo project shown in it.

Run: xvfb-run -a uv run python bench/startup.py [RUNS]   (or with QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time


def time_one_start(environment: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching the command to the window shown, and to the project ready."""
    started = time.perf_counter()
    moments: dict[str, float] = {}
    with subprocess.Popen(
        ["uv", "run", "--quiet", "curator", "--exit-when-shown"],
        stderr=subprocess.PIPE, text=True, env=environment,
    ) as process:
        assert process.stderr is not None
        for line in process.stderr:
            for moment in ("window shown", "project ready"):
                if line.startswith(moment):
                    moments[moment] = time.perf_counter() - started
    if len(moments) != 2:
        raise RuntimeError(f"curator exited with {process.returncode} before its project showed")
    return moments["window shown"], moments["project ready"]


def _summary(label: str, times: list[float]) -> str:
    return (f"{label}: median {statistics.median(times):.2f} s, "
            f"min {min(times):.2f} s, max {max(times):.2f} s")


def main() -> None:
    """Warm up once (the first run builds the demo project), then time several starts."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    environment = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp(prefix="curator-bench-"))
    first_window, first_ready = time_one_start(environment)
    print(f"first start (builds the demo project): window {first_window:.2f} s, "
          f"project {first_ready:.2f} s")
    results = [time_one_start(environment) for _ in range(runs)]
    print(f"later starts, {runs} runs")
    print(_summary("  window on screen", [window for window, _ in results]))
    print(_summary("  project shown   ", [ready for _, ready in results]))


if __name__ == "__main__":
    main()
