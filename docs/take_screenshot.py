"""Regenerate docs/screenshot.png: the demo chapter and its example records, under a real X server.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/take_screenshot.py
With `--language zh_CN` the window speaks Chinese, shows the event (its country in both
languages) and is saved as docs/screenshot-zh_CN.png. With `--size 1280x720 --output FILE`
the window is that size (run the X server with a screen that large) and saved to FILE.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from curator.services.demo import open_demo_project
from curator.ui.main_window import MainWindow


def main() -> None:
    """Build the demo project in a temporary folder and save a screenshot of it."""
    parser = argparse.ArgumentParser(description="Save a screenshot of the window.")
    parser.add_argument("--language", default="en", help="en (default) or zh_CN")
    parser.add_argument("--size", default="1500x900", help="the window's WIDTHxHEIGHT")
    parser.add_argument("--output", type=Path, help="where to save it (default: in docs/)")
    arguments = parser.parse_args()
    language = arguments.language
    width, height = (int(part) for part in arguments.size.split("x"))
    app = QApplication(sys.argv[:1])
    if language != "en":
        from curator.languages import set_language
        from curator.ui.translation import install_translators

        set_language(language)
        install_translators(app)
    database = open_demo_project(Path(tempfile.mkdtemp()) / "demo.curator")
    window = MainWindow()
    workbench = window.attach(database)
    window.resize(width, height)
    window.show()
    # The demo project comes with example records (services/demo_examples.py): record 4 is
    # the Rio+20 delegation with its head, organizer and countries.
    if language == "en":
        workbench.open_record(4)
        target = Path(__file__).with_name("screenshot.png")
    else:
        workbench.open_record(4)
        target = Path(__file__).with_name(f"screenshot-{language}.png")
    target = arguments.output or target

    def grab() -> None:
        window.grab().save(str(target))
        print(f"saved {target}")
        app.quit()

    QTimer.singleShot(800, grab)
    app.exec()


if __name__ == "__main__":
    main()
