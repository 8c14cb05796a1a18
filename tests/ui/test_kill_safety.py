"""Typing survives the process being killed: no Save, no clean shutdown needed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.services.editing import load_record
from curator.store.database import ProjectDatabase

TYPIST = """
import sys, time
from PySide6.QtWidgets import QApplication
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from curator.ui.settings import WindowSettings
from PySide6.QtCore import QSettings

app = QApplication([])
window = MainWindow(settings=WindowSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.attach(ProjectDatabase.open(sys.argv[1]))
window.show()
window.workbench.open_record(int(sys.argv[3]))
window.workbench.editor.record_changed.connect(lambda record: print("saved", flush=True))
window.workbench.record_form.name_en.widget.setFocus()
window.workbench.record_form.name_en.widget.setText("")
from PySide6.QtTest import QTest
QTest.keyClicks(window.workbench.record_form.name_en.widget, "Typed before the kill")
app.exec()
"""


def test_text_typed_without_leaving_the_field_survives_a_kill(
    tmp_path: Path, database: ProjectDatabase, sample_document: int
) -> None:
    record = create_record_from_selection(database, RecordKind.PERSON, sample_document, 0, 6)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(tmp_path / "test.curator"),
         str(tmp_path / "settings.ini"), str(record.id)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment,
    ) as typist:
        try:
            assert typist.stdout is not None
            assert typist.stdout.readline().strip() == "saved"
        finally:
            typist.send_signal(signal.SIGKILL)
            typist.wait(timeout=10)
    assert typist.returncode == -signal.SIGKILL
    assert load_record(database, record.id).name_en == "Typed before the kill"
