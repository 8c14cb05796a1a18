"""Searching a large project as one types: median and worst time per query.

Run: uv run python bench/search.py PROJECT [--repeat N]
     uv run python bench/search.py --build RECORDS PROJECT   (makes a made-up project first)

`--build` inserts people, organizations and events with bulk Core inserts, and documents
that mention them, then calls `rebuild_search_index` as a bulk loader must.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from curator.domain.documents import text_sha256
from curator.domain.pinyin import name_to_pinyin
from curator.domain.records import RecordKind, format_key
from curator.services.searching import search
from curator.store.database import ProjectDatabase
from curator.store.search_index import rebuild_search_index
from curator.store.tables import (
    DocumentRow,
    EventDetailRow,
    OrganizationDetailRow,
    PersonDetailRow,
    RecordRow,
)

QUERIES = (
    "范", "吕", "北京", "扶贫", "范小建", "国务院", "國務院", "国务院扶贫办",
    "x", "li", "lyu", "wang", "fan xiaojian", "fanxiaojian", "ministry", "poverty reduction",
    "iprcc", "vice minister", "P-0042", "zzqx", "no such thing",
)
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
            "田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢钟汪范金")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂小建文凯友清华国民海波志宏"
ORGANIZATIONS = (
    ("Ministry of Agriculture of {}", "{}农业部", "MOA"),
    ("International Poverty Reduction Center in {}", "{}国际扶贫中心", "IPRC"),
    ("State Council Leading Group Office of Poverty Alleviation, {}", "{}国务院扶贫办", "LGOP"),
    ("{} Normal University", "{}师范大学", ""),
)
PLACES = (("Beijing", "北京"), ("Yunnan", "云南"), ("Guangxi", "广西"), ("Gansu", "甘肃"),
          ("Brazil", "巴西"), ("Kenya", "肯尼亚"), ("Laos", "老挝"), ("Peru", "秘鲁"))
POSITIONS = ("Vice Minister", "Director General", "Ambassador", "副部长", "主任", "司长")


def _person(rng: random.Random) -> tuple[str, str]:
    zh = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return name_to_pinyin(zh), zh


def build(database: ProjectDatabase, count: int, rng: random.Random) -> None:
    """Insert `count` records (70% people, 20% organizations, 10% events) and one document
    of 100 paragraphs per 500 records, in bulk, then build the search index."""
    now = datetime.now(UTC)
    records, people, organizations, events, paragraphs = [], [], [], [], []
    for number in range(1, count + 1):
        share = number % 10
        kind = (RecordKind.PERSON if share < 7 else
                RecordKind.ORGANIZATION if share < 9 else RecordKind.EVENT)
        if kind is RecordKind.PERSON:
            name_en, name_zh = _person(rng)
            if rng.random() < 0.5:  # half are written in one script only
                name_en, name_zh = rng.choice(((name_en, ""), ("", name_zh)))
            people.append({"record_id": number, "position": rng.choice(POSITIONS)})
        elif kind is RecordKind.ORGANIZATION:
            (en, zh, acronym), (place, place_zh) = rng.choice(ORGANIZATIONS), rng.choice(PLACES)
            name_en, name_zh = en.format(place), zh.format(place_zh)
            organizations.append({"record_id": number, "acronym": acronym or None})
        else:
            place, place_zh = rng.choice(PLACES)
            name_en, name_zh = f"Visit to {place} {number}", f"访问{place_zh}"
            events.append({"record_id": number, "start_date": f"{rng.randrange(2000, 2024)}"})
        records.append({
            "id": number, "kind": kind.value, "number": number, "key": format_key(kind, number),
            "name_en": name_en, "name_zh": name_zh, "status": "draft", "version": 1,
            "created_at": now, "created_by": "bench", "updated_at": now, "updated_by": "bench"})
        paragraphs.append(f"{name_en} ({name_zh}) met the delegation in "
                          f"{' and '.join(rng.choice(PLACES))}; 会议讨论了减贫合作。")
    documents = [
        {"title": f"Report {n}", "source_name": f"report-{n}.txt",
         "text": "\n\n".join(paragraphs[n * 100:(n + 1) * 100]), "encoding": "utf-8",
         "media_type": "text/plain", "language": "en", "imported_at": now,
         "imported_by": "bench"}
        for n in range(max(1, count // 500))
    ]
    for document in documents:
        document["sha256"] = text_sha256(str(document["text"]))
    with database.unit_of_work() as session:
        for table, rows in ((RecordRow, records), (PersonDetailRow, people),
                            (OrganizationDetailRow, organizations), (EventDetailRow, events),
                            (DocumentRow, documents)):
            session.execute(insert(table), rows)
        started = time.perf_counter()
        rebuild_search_index(session.connection())
        print(f"built {count:,} records and {len(documents):,} documents; search index "
              f"rebuilt in {time.perf_counter() - started:.1f} s")


def measure(database: ProjectDatabase, repeat: int) -> None:
    """Time each query `repeat` times (after one warm-up) and print median and worst."""
    search(database, "warm up")
    print(f"{'query':<20} {'median ms':>9} {'worst ms':>9} {'records':>8} {'passages':>9}")
    medians = []
    for query in QUERIES:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            results = search(database, query)
            timings.append((time.perf_counter() - started) * 1000)
        medians.append(statistics.median(timings))
        print(f"{query:<20} {medians[-1]:9.1f} {max(timings):9.1f} {len(results.records):8} "
              f"{len(results.passages):9}")
    print(f"median of medians {statistics.median(medians):.1f} ms, worst median "
          f"{max(medians):.1f} ms")


def main() -> None:
    """Build a project if asked, then time the queries on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--build", type=int, metavar="RECORDS",
                        help="first make a new project of this many records at PROJECT")
    parser.add_argument("--repeat", type=int, default=9)
    arguments = parser.parse_args()
    if arguments.build and arguments.project.exists():
        parser.error(f"{arguments.project} exists; --build makes a new project")
    database = ProjectDatabase.open(arguments.project, create=bool(arguments.build))
    try:
        if arguments.build:
            build(database, arguments.build, random.Random(7))
        measure(database, arguments.repeat)
    finally:
        database.close()


if __name__ == "__main__":
    main()
