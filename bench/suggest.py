"""Suggestion speed: the rules over the demo chapter, over large chapters made of it, and
over the generated project's chapters (bench/synthetic, written in memory, no database), the
latter also by one process and by one a core, as `curator suggest` reads several documents.

    uv run python bench/suggest.py [--store] [--generated N]

With both, the generated chapters are also imported into a new project and suggested there,
records stored, as `curator suggest` does.

A large chapter is the demo chapter and the suggestion tests' own documents repeated with
their years moved on, so dates, names and sections keep varying. The generated chapters are
the first N (default 10) that `generate_project.py --seed 1 --scale 1.0` writes. Times are
wall clock and CPU (the machine may be shared); throughput is characters of text per second.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

from curator.ingest.sections import detect_sections
from curator.paths import demo_corpus_dir
from curator.suggest.batch import suggest_documents
from curator.suggest.pipeline import suggest_document

_TESTS = Path(__file__).resolve().parent.parent / "tests" / "suggest" / "documents"


def _sources() -> list[str]:
    demo = demo_corpus_dir() / "lgop-international-cooperation-2012.txt"
    return [path.read_text(encoding="utf-8") for path in (demo, *sorted(_TESTS.glob("*.txt")))]


def large_chapter(size: int) -> str:
    """A chapter of about `size` characters."""
    parts: list[str] = []
    total, shift = 0, 0
    sources = _sources()
    while total < size:
        for source in sources:
            moved = re.sub(r"\b(19|20)(\d\d)\b",
                           lambda m, by=shift: str(int(m.group()) + by), source)
            parts.append(moved)
            total += len(moved)
        shift += 1
    return "\n\n".join(parts)


def _time(text: str) -> tuple[float, float]:
    sections = detect_sections(text)
    wall, cpu = time.perf_counter(), time.process_time()
    suggest_document(text, sections)
    return time.perf_counter() - wall, time.process_time() - cpu


def generated_chapters(count: int) -> list[str]:
    """The texts of the first `count` chapters of the generated project (seed 1, scale 1.0)."""
    from generate_project import _rng, plan_project
    from synthetic.documents import ChapterWriter
    from synthetic.records import ProjectSize

    plan, chapters = plan_project(1, ProjectSize.at(1.0))
    by_document: list[list] = [[] for _ in chapters]
    for event in plan.events:
        by_document[event.document].append(event)
    writer = ChapterWriter(_rng(1, "text"), plan)
    return [writer.chapter(year, part, length, events).text
            for (year, part, length), events in list(zip(chapters, by_document,
                                                         strict=True))[:count]]


def _generated(count: int) -> None:
    texts = generated_chapters(count)
    characters = sum(len(text) for text in texts)
    wall = cpu = 0.0
    for text in texts:
        one_wall, one_cpu = _time(text)
        wall, cpu = wall + one_wall, cpu + one_cpu
    print(f"{count} generated  {characters:>9,} chars  {wall:6.2f} s wall  {cpu:6.2f} s CPU  "
          f"{characters / cpu / 1e6:5.2f} MB/s (CPU)")
    readings = [(text, detect_sections(text)) for text in texts]
    for workers in sorted({1, os.cpu_count() or 1}):
        wall = time.perf_counter()
        for _suggestions in suggest_documents(readings, workers=workers):
            pass
        wall = time.perf_counter() - wall
        print(f"  {workers} process{'es' if workers > 1 else '  '}  {characters:>9,} chars  "
              f"{wall:6.2f} s wall  {characters / wall / 1e6:5.2f} MB/s (wall, as "
              f"`curator suggest` reads several documents)")


def main() -> None:
    demo = _sources()[0]
    suggest_document(demo, detect_sections(demo))  # vocabularies and country names loaded
    for name, text in (("demo chapter", demo), ("200 KB chapter", large_chapter(200_000)),
                       ("1 MB chapter", large_chapter(1_000_000))):
        wall, cpu = _time(text)
        print(f"{name:16} {len(text):>9,} chars  {wall:6.2f} s wall  {cpu:6.2f} s CPU  "
              f"{len(text) / cpu / 1e6:5.2f} MB/s (CPU)")
    if "--generated" in sys.argv:
        _generated(_count())
    if "--store" in sys.argv:
        _store(demo)
        if "--generated" in sys.argv:
            _store_generated(_count())


def _count() -> int:
    """How many generated chapters `--generated N` asks for (10 by default)."""
    at = sys.argv.index("--generated") + 1
    return int(sys.argv[at]) if at < len(sys.argv) and sys.argv[at].isdigit() else 10


def _store_generated(count: int) -> None:
    """The generated chapters imported into a new project and suggested, as `curator
    suggest` does: read by one process a core, stored in this one."""
    from curator.services import importing, suggesting
    from curator.store.database import ProjectDatabase

    folder = Path(tempfile.mkdtemp())
    texts = generated_chapters(count)
    database = ProjectDatabase.open(folder / "bench.curator", create=True)
    for number, text in enumerate(texts):
        source = folder / f"chapter-{number:02d}.txt"
        source.write_text(text, encoding="utf-8")
        importing.import_document(database, source)
    wall, cpu = time.perf_counter(), time.process_time()
    report = suggesting.suggest(database)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    characters = sum(len(text) for text in texts)
    print(f"stored {count} generated  {sum(report.created.values())} records, "
          f"{report.evidence} spans, {report.relations} relations  {wall:6.2f} s wall "
          f"({cpu:.2f} s CPU in this process)  {characters / wall / 1e6:5.2f} MB/s")
    database.close()


def _store(text: str) -> None:
    from curator.services import importing, suggesting
    from curator.store.database import ProjectDatabase

    folder = Path(tempfile.mkdtemp())
    source = folder / "chapter.txt"
    source.write_text(text, encoding="utf-8")
    database = ProjectDatabase.open(folder / "bench.curator", create=True)
    document = importing.import_document(database, source).document_id
    wall, cpu = time.perf_counter(), time.process_time()
    report = suggesting.suggest(database, [document])
    print(f"stored demo      {sum(report.created.values())} records, {report.evidence} spans, "
          f"{report.relations} relations  {time.perf_counter() - wall:6.2f} s wall  "
          f"{time.process_time() - cpu:6.2f} s CPU")
    wall, cpu = time.perf_counter(), time.process_time()
    suggesting.suggest(database, [document])
    print(f"second run       {time.perf_counter() - wall:6.2f} s wall  "
          f"{time.process_time() - cpu:6.2f} s CPU")
    database.close()


if __name__ == "__main__":
    main()
