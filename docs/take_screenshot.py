"""Regenerate docs/screenshot.png: the demo chapter with a few records, under a real X server.

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

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.services.browsing import open_document
from curator.services.demo import open_demo_project
from curator.services.editing import edit_field
from curator.ui.main_window import MainWindow

ANNOTATIONS = [
    (RecordKind.EVENT, "From June 12 to 22, 2012", "Delegation visit to Brazil", ""),
    (RecordKind.PERSON, "Vice Minister of LGOP Zheng Wenkai", "Zheng Wenkai", "郑文凯"),
    (RecordKind.ORGANIZATION, "State Council Leading Group Office of Poverty Alleviation and "
     "Development", "LGOP", "国务院扶贫开发领导小组办公室"),
]


def main() -> None:
    """Build a demo project in a temporary folder, annotate it, and save a screenshot."""
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
    text = open_document(database, 1).text
    record = None
    for kind, quote, name_en, name_zh in ANNOTATIONS:
        start = text.index(quote)
        record = create_record_from_selection(database, kind, 1, start, start + len(quote))
        record = edit_field(database, record.id, "name_en", name_en,
                            expected_version=record.version)
        if name_zh:
            record = edit_field(database, record.id, "name_zh", name_zh,
                                expected_version=record.version)
        if kind is RecordKind.EVENT:
            record = edit_field(database, record.id, "country", "BR",
                                expected_version=record.version)
    window = MainWindow()
    workbench = window.attach(database)
    window.resize(1500, 900)
    window.show()
    assert record is not None
    if language == "en":
        workbench.open_record(2)
        target = Path(__file__).with_name("screenshot.png")
    else:
        workbench.open_record(1)
        target = Path(__file__).with_name(f"screenshot-{language}.png")

    def grab() -> None:
        window.grab().save(str(target))
        print(f"saved {target}")
        app.quit()

    QTimer.singleShot(800, grab)
    app.exec()


if __name__ == "__main__":
    main()
