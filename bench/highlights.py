"""Source view with many highlights: time to show a large document and to redraw after an edit.

Run: QT_QPA_PLATFORM=offscreen uv run python bench/highlights.py [MEGABYTES] [SPANS]
"""

from __future__ import annotations

import random
import sys
import time

from PySide6.QtWidgets import QApplication

from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.ui.source_view import SourceView

PARAGRAPH = ("From June 12 to 22, 2012, Vice Minister of LGOP Zheng Wenkai headed a delegation "
             "to attend the United Nations Conference on Sustainable Development. 国务院扶贫办。 ")


def make_text(megabytes: float) -> str:
    """About `megabytes` of paragraphs, one per line."""
    lines = []
    size = 0
    while size < megabytes * 1_000_000:
        line = PARAGRAPH * random.randint(1, 6)
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines)


def make_evidence(text: str, count: int) -> list[Evidence]:
    """`count` random spans of 5–40 characters."""
    kinds = list(RecordKind)
    spans = []
    for n in range(count):
        start = random.randrange(0, len(text) - 50)
        end = start + random.randint(5, 40)
        spans.append(Evidence(n, n, kinds[n % 3], f"X-{n}", 1, start, end, text[start:end], "", ""))
    return spans


def timed(label: str, action) -> float:  # type: ignore[no-untyped-def]
    """Run `action`, print and return its duration in milliseconds."""
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{label}: {elapsed:.0f} ms")
    return elapsed


def main() -> None:
    """Show the document, then add one span, then scroll page by page."""
    random.seed(7)
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    app = QApplication(sys.argv[:1])
    text = make_text(megabytes)
    evidence = make_evidence(text, count)
    view = SourceView()
    view.resize(900, 900)
    view.show()
    print(f"{len(text):,} characters, {count:,} spans")
    timed("show document with highlights", lambda: view.show_document(1, text, evidence))
    more = [*evidence, *make_evidence(text, 1)]
    timed("re-highlight after one new span", lambda: view.set_evidence(more))
    bar = view.verticalScrollBar()
    steps = 50
    started = time.perf_counter()
    for step in range(steps):
        bar.setValue(bar.maximum() * step // steps)
        view.viewport().repaint()
    print(f"scroll + repaint: {(time.perf_counter() - started) * 1000 / steps:.1f} ms per page")
    timed("spans under a click (lookup)", lambda: [view.record_ids_at(p) for p in range(0, 1000)])
    app.quit()


if __name__ == "__main__":
    main()
