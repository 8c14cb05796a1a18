"""Regenerate docs/screenshot.png: the demo chapter and its example records, under a real X server.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/take_screenshot.py
With `--language zh_CN` the window speaks Chinese, shows the event (its country in both
languages) and is saved as docs/screenshot-zh_CN.png.
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
    language = parser.parse_args().language
    app = QApplication(sys.argv[:1])
    if language != "en":
        from curator.languages import set_language
        from curator.ui.translation import install_translators

        set_language(language)
        install_translators(app)
    database = open_demo_project(Path(tempfile.mkdtemp()) / "demo.curator")
    window = MainWindow()
    workbench = window.attach(database)
    window.resize(1500, 900)
    window.show()
    # The demo project comes with example records (services/demo_examples.py): record 4 is
    # the Rio+20 delegation with its head, organizer and countries.
    if language == "en":
        workbench.open_record(4)
        target = Path(__file__).with_name("screenshot.png")
    else:
        workbench.open_record(4)
        target = Path(__file__).with_name(f"screenshot-{language}.png")

    def grab() -> None:
        window.grab().save(str(target))
        print(f"saved {target}")
        app.quit()

    QTimer.singleShot(800, grab)
    app.exec()


if __name__ == "__main__":
    main()
