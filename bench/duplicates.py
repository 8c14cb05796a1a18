"""Duplicate detection and the name check at creation on a large project.

Run: uv run python bench/duplicates.py [PROJECT] [--people 50000] [--organizations 20000]

With PROJECT (say one made by bench/generate_project.py) it is measured as it is; without,
a project of made-up people and organizations is built first with bulk inserts, a few
percent of them planted duplicates (the same name in the other script, a title and surname
in the same document, a typo, an acronym), and the report says how many of those were found.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from curator.domain.pinyin import name_to_pinyin
from curator.domain.records import RecordKind, format_key
from curator.identity.acronyms import initials
from curator.services.duplicates import find_duplicates, matching_records
from curator.store.database import ProjectDatabase
from curator.store.search_index import rebuild_search_index
from curator.store.tables import (
    DocumentRow,
    EvidenceRow,
    KeySequenceRow,
    OrganizationDetailRow,
    PersonDetailRow,
    RecordRow,
)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
            "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫"
            "段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯健俊帆"
         "晨鑫鹏波宁婷雪琳博志峰昊天佳欣怡梓涵子轩宏国庆春海东林永德新小民晓光荣")
FOREIGN_GIVEN = ["Gillian", "Momodu", "Tiago", "Maria", "John", "Aisha", "Peter", "Ana",
                 "Kofi", "Ingrid", "Rahul", "Fatima", "Carlos", "Elena", "David", "Amara"]
FOREIGN_FAMILY = ["Mellsop", "Kargbo", "Silva", "Okafor", "Smith", "Haddad", "Müller",
                  "Santos", "Mensah", "Larsen", "Sharma", "Diallo", "Ortega", "Petrova",
                  "Nguyen", "Banda", "Kowalski", "Tanaka", "Rossi", "Haile"]
PLACES = ["Yunnan", "Guizhou", "Gansu", "Sichuan", "Hunan", "Hubei", "Shaanxi", "Guangxi",
          "Hebei", "Henan", "Anhui", "Jiangxi", "Qinghai", "Ningxia", "Tibet", "Xinjiang",
          "Laos", "Cambodia", "Nepal", "Tanzania", "Ethiopia", "Brazil", "Peru", "Kenya"]
BODIES = ["Poverty Alleviation Office", "Rural Development Center", "Agricultural Bank",
          "Microfinance Association", "Training Institute", "Women's Federation",
          "Development Research Center", "Foundation for Rural Education",
          "Cooperative Union", "Bureau of Statistics", "Institute of Agricultural Science",
          "Water Resources Department", "Health Commission", "Chamber of Commerce"]
TOPICS = ["", " for Rural Women", " for Microcredit", " for Ecological Migration",
          " for Vocational Skills", " for Clean Water", " for Child Nutrition",
          " for Disaster Relief", " for Tea Growers", " for Minority Education",
          " for Road Building", " for Village Health", " for Small Enterprises"]
SYLLABLES = [consonant + vowel for consonant in "bdklmnrstvz" for vowel in "aeiou"]
LEVELS = ["Provincial", "County", "National", "Regional", "Municipal", "District", "Township",
          "Prefectural"]
DOCUMENTS = 200


def _typo(rng: random.Random, text: str) -> str:
    at = rng.randrange(2, len(text) - 2)
    return text[:at] + text[at + 1] + text[at] + text[at + 2:]


def _people(rng: random.Random, count: int) -> tuple[list[tuple[str, str]], int]:
    """(English, Chinese) names; returns them and how many are planted duplicates."""
    people: list[tuple[str, str]] = []
    planted = 0
    seen: set[str] = set()
    while len(people) < count:
        if people and rng.random() < 0.03:  # a duplicate of someone already there
            name_en, name_zh = rng.choice(people)
            if name_zh and name_en:
                people.append(rng.choice([("", name_zh), (name_en, ""),
                                          (f"Mr. {name_en.split()[0]}", "")]))
            elif len(name_en) > 8:
                people.append((_typo(rng, name_en), ""))
            else:
                continue
            planted += 1
            continue
        if rng.random() < 0.75:
            zh = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                                for _ in range(rng.choice((1, 2, 2))))
            if zh in seen:
                continue
            seen.add(zh)
            en = name_to_pinyin(zh)
            people.append(rng.choice([(en, zh), (en, zh), ("", zh), (en, "")]))
        else:
            family = rng.choice(FOREIGN_FAMILY) if rng.random() < 0.1 else "".join(
                rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4)))).capitalize()
            en = f"{rng.choice(FOREIGN_GIVEN)} {family}"
            if en in seen:
                continue
            seen.add(en)
            people.append((en, ""))
    return people, planted


def _organizations(rng: random.Random, count: int) -> tuple[list[tuple[str, str]], int]:
    """(name, acronym field) pairs; the planted duplicates are acronyms of earlier names."""
    orgs: list[tuple[str, str]] = []
    planted = 0
    seen: set[str] = set()
    while len(orgs) < count:
        if orgs and rng.random() < 0.02:
            name = rng.choice(orgs)[0]
            letters = initials(name)
            if letters:
                orgs.append((letters[0], ""))
                planted += 1
            continue
        name = (f"{rng.choice(PLACES)} {rng.choice(LEVELS)} {rng.choice(BODIES)}"
                f"{rng.choice(TOPICS)}")
        if name not in seen:
            seen.add(name)
            orgs.append((name, ""))
    return orgs, planted


def build(location: Path, people: int, organizations: int, seed: int = 1) -> dict[str, int]:
    """A project of made-up records with planted duplicates; how many were planted."""
    rng = random.Random(seed)
    person_names, planted_people = _people(rng, people)
    org_names, planted_orgs = _organizations(rng, organizations)
    now = datetime.now(UTC)
    database = ProjectDatabase.open(location)
    records, details_p, details_o, evidence = [], [], [], []
    number = {"person": 0, "organization": 0}
    for kind, names in (("person", person_names), ("organization", org_names)):
        for name_en, name_zh_or_acronym in names:
            number[kind] += 1
            record_id = len(records) + 1
            name_zh = name_zh_or_acronym if kind == "person" else ""
            records.append({
                "id": record_id, "kind": kind, "number": number[kind],
                "key": format_key(RecordKind(kind), number[kind]), "name_en": name_en,
                "name_zh": name_zh, "status": "draft", "version": 1, "created_at": now,
                "created_by": "bench", "updated_at": now, "updated_by": "bench"})
            if kind == "person":
                details_p.append({"record_id": record_id})
                for document in {rng.randrange(1, DOCUMENTS + 1) for _ in range(2)}:
                    evidence.append({
                        "record_id": record_id, "document_id": document, "start": 0, "end": 4,
                        "exact": "Text", "prefix": "", "suffix": "", "created_at": now,
                        "created_by": "bench"})
            else:
                details_o.append({"record_id": record_id})
    with database.unit_of_work() as session:
        session.execute(insert(DocumentRow), [
            {"id": n, "title": f"Chapter {n}", "source_name": f"c{n}.txt", "sha256": f"{n:064x}",
             "encoding": "utf-8", "media_type": "text/plain", "language": "en",
             "text": "Text of a chapter.", "imported_at": now, "imported_by": "bench"}
            for n in range(1, DOCUMENTS + 1)])
        session.execute(insert(RecordRow), records)
        session.execute(insert(PersonDetailRow), details_p)
        session.execute(insert(OrganizationDetailRow), details_o)
        session.execute(insert(EvidenceRow), evidence)
        for kind, last in number.items():
            session.merge(KeySequenceRow(kind=kind, last_number=last))
        rebuild_search_index(session.connection())  # as a bulk loader must
    database.close()
    return {"people": planted_people, "organizations": planted_orgs}


def measure(location: Path | str, planted: dict[str, int] | None) -> None:
    """Time detection per kind and the name check, and report what was found (reading
    only: a project given is never changed)."""
    database = ProjectDatabase.open(location, read_only=planted is None)
    try:
        for kind in (RecordKind.PERSON, RecordKind.ORGANIZATION):
            steps: list[tuple[str, float]] = []

            def mark(step: str, steps: list[tuple[str, float]] = steps) -> None:
                steps.append((step, time.perf_counter()))

            started = time.perf_counter()
            pairs = find_duplicates(database, kinds=[kind], progress=mark)
            total = time.perf_counter() - started
            marks = [started] + [at for _step, at in steps] + [started + total]
            split = ", ".join(f"{step.split(': ')[1]} {marks[i + 2] - marks[i + 1]:.1f} s"
                              for i, (step, _at) in enumerate(steps))
            reasons: dict[str, int] = {}
            for pair in pairs:
                reasons[pair.reason.value] = reasons.get(pair.reason.value, 0) + 1
            planted_note = ("" if planted is None
                            else f" ({planted[kind.plural_label.lower()]} planted)")
            print(f"{kind.plural_label}: {len(pairs):,} pairs{planted_note} in {total:.1f} s "
                  f"(reading {marks[1] - marks[0]:.1f} s, {split}); {reasons}")
        timings = []
        for name in ("Fan Xiaojian", "范小建", "Gillian Mellsop", "Mr. Wang Wei", "王伟",
                     "Yunnan Provincial Poverty Alleviation Office"):
            started = time.perf_counter()
            found = matching_records(database, RecordKind.PERSON, name)
            timings.append((time.perf_counter() - started) * 1000)
            print(f"  name check {name!r}: {len(found)} match(es) in {timings[-1]:.0f} ms")
        print(f"name check: median {statistics.median(timings):.0f} ms, "
              f"worst {max(timings):.0f} ms (the first loads pinyin tables)")
    finally:
        database.close()


def main() -> None:
    """Build (unless given) and measure a project."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?")
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--organizations", type=int, default=20_000)
    arguments = parser.parse_args()
    planted = None
    location: Path | str
    if arguments.project:
        location = arguments.project
    else:
        location = Path(tempfile.mkdtemp()) / "duplicates.curator"
        started = time.perf_counter()
        planted = build(location, arguments.people, arguments.organizations)
        print(f"built {arguments.people:,} people and {arguments.organizations:,} "
              f"organizations in {time.perf_counter() - started:.0f} s")
    measure(location, planted)


if __name__ == "__main__":
    main()
