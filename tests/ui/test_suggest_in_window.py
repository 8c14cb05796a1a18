"""Suggest in the window: the open document is pre-annotated on a background thread while
the window stays in use, can be cancelled, and suggestions are drawn apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.services import editing, importing
from curator.store import records as record_store
from curator.store.evidence import evidence_in_document
from curator.ui.main_window import MainWindow
from curator.ui.workbench import Workbench

RUN_TIMEOUT_MS = 60_000


def _suggest(qtbot: QtBot, workbench: Workbench) -> bool:
    """Run Suggest and wait until it is over; whether it stored anything."""
    with qtbot.waitSignal(workbench.suggestions_ended, timeout=RUN_TIMEOUT_MS) as ended:
        assert workbench.suggest_in_document()
    return bool(ended.args[0])


def _spans(window: MainWindow) -> list:  # type: ignore[type-arg]
    view = window.workbench.source_view
    return view._highlighter.spans_between(0, len(view.toPlainText()))


def test_suggest_fills_the_lists_and_draws_suggestions_apart(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_document(sample_document)
    assert _suggest(qtbot, window.workbench)
    assert window.workbench.record_panel.models[RecordKind.PERSON].rowCount() == 1
    spans = _spans(window)
    assert spans and all(span.suggested for span in spans)


def test_an_accepted_suggestion_is_drawn_as_curated(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_document(sample_document)
    _suggest(qtbot, window.workbench)
    person = next(span for span in _spans(window) if span.kind is RecordKind.PERSON)
    assert window.workbench.editor.set_status(person.record_id, ReviewStatus.DRAFT)
    assert editing.load_record(window.workbench.database, person.record_id).status is \
        ReviewStatus.DRAFT
    assert not any(span.suggested for span in _spans(window)
                   if span.record_id == person.record_id)
    assert any(span.suggested for span in _spans(window))


_VISITS = (
    "From {month} {day} to {end}, {year}, Vice Minister of Water Resources {name} headed a "
    "delegation to {country}, where the delegation met with officials of the Ministry of "
    "Irrigation and visited the National Water Institute (NWI{number}).",
    "On {month} {day}, {year}, Director-General {name} of the Rural Water Supply Bureau "
    "opened the Training Course on Flood Control, sponsored by the Ministry of Commerce and "
    "attended by {count} officials from {country} and other countries.",
    "The activity widened the channels of communication between the two sides and raised "
    "the influence of China's experience in small hydropower and drinking water safety.",
)
_NAMES = ("Liu Dehua", "Zhang Qiming", "Wang Xiaoyun", "Chen Lijun", "Zhou Wenbo")
_COUNTRIES = ("Kenya", "Laos", "Nepal", "Peru", "Ghana", "Cambodia")
_MONTHS = ("March", "April", "May", "June", "July", "September", "October")


def _long_release(paragraphs: int) -> str:
    """Water-ministry news of the same kind as the tests' documents, `paragraphs` long."""
    lines = ["Water Cooperation News", ""]
    for number in range(paragraphs):
        template = _VISITS[number % len(_VISITS)]
        lines.append(template.format(
            month=_MONTHS[number % len(_MONTHS)], day=1 + number % 20, end=22 + number % 5,
            year=2000 + number % 20, name=_NAMES[number % len(_NAMES)],
            country=_COUNTRIES[number % len(_COUNTRIES)], number=number, count=10 + number % 30))
        lines.append("")
    return "\n".join(lines)


def _open_long_release(open_window: Callable[[Path], MainWindow], tmp_path: Path,
                       paragraphs: int) -> MainWindow:
    window = open_window(tmp_path / "test.curator")
    source = tmp_path / "water-news.txt"
    source.write_text(_long_release(paragraphs), encoding="utf-8")
    document = importing.import_document(window.workbench.database, source).document_id
    window.workbench.open_document(document)
    return window


def test_the_window_stays_responsive_while_suggestions_run(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = _open_long_release(open_window, tmp_path, 1500)
    workbench = window.workbench
    running_at_tick: list[bool] = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: running_at_tick.append(
        workbench.suggestion_run is not None and workbench.suggestion_run.running))
    timer.start()
    with qtbot.waitSignal(workbench.suggestions_ended, timeout=RUN_TIMEOUT_MS) as ended:
        assert workbench.suggest_in_document()
        assert not workbench.suggest_action.isEnabled()  # one run at a time
    timer.stop()
    assert ended.args == [True]
    assert running_at_tick.count(True) >= 3  # the event loop turned while the rules ran
    assert workbench.suggest_action.isEnabled()
    assert workbench.record_panel.models[RecordKind.PERSON].rowCount() == len(_NAMES)


def test_cancelling_while_storing_leaves_nothing_half_stored(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = _open_long_release(open_window, tmp_path, 300)
    workbench = window.workbench
    messages: list[str] = []
    workbench.status_changed.connect(messages.append)
    seen: list[int] = []

    def cancel_once_people_are_written(done: int, total: int) -> None:
        seen.append(1000 * done // total)
        if 1000 * done // total >= 750:  # people and organizations inserted, not committed
            run.job.cancel()

    with qtbot.waitSignal(workbench.suggestions_ended, timeout=RUN_TIMEOUT_MS) as ended:
        assert workbench.suggest_in_document()
        run = workbench.suggestion_run
        assert run is not None
        # In the job's own thread, so the cancel lands before its next step, not after.
        run.job.progressed.connect(cancel_once_people_are_written,
                                   Qt.ConnectionType.DirectConnection)
    assert ended.args == [False]
    assert max(seen) == 750
    assert messages[-1] == "Suggestions cancelled; nothing was added."
    with workbench.database.unit_of_work() as session:
        assert all(record_store.count_records(session, kind) == 0 for kind in RecordKind)
        assert evidence_in_document(session, workbench.source_view.document_id or 0) == []
    assert workbench.suggest_action.isEnabled()
    assert _suggest(qtbot, workbench)  # and it can run again to the end
    assert workbench.record_panel.models[RecordKind.PERSON].rowCount() == len(_NAMES)


def test_closing_the_window_stops_a_run(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = _open_long_release(open_window, tmp_path, 1500)
    workbench = window.workbench
    assert workbench.suggest_in_document()
    run = workbench.suggestion_run
    assert run is not None
    window.close()
    assert not run.job.isRunning()
