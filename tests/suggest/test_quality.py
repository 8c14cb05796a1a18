"""Suggestions measured against gold annotations of the demo chapter and of documents of our
own in the same genre: F1 at least 0.85 for people and organizations, 0.75 for events."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from curator.domain.names import fold_name
from curator.ingest.sections import detect_sections
from curator.paths import demo_corpus_dir
from curator.suggest.pipeline import organization_key, suggest_document
from curator.suggest.suggestions import DocumentSuggestions

GOLD = Path(__file__).parent / "gold"
DOCUMENTS = Path(__file__).parent / "documents"


@dataclass(frozen=True)
class Score:
    """Counts and measures for one record type."""

    found: int
    expected: int
    correct_found: int
    correct_expected: int

    @property
    def precision(self) -> float:
        return self.correct_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct_expected / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (f"P {self.precision:.2f} ({self.correct_found}/{self.found})  "
                f"R {self.recall:.2f} ({self.correct_expected}/{self.expected})  "
                f"F1 {self.f1:.2f}")


@dataclass(frozen=True)
class Gold:
    """A gold annotation: the part of the text it covers, and what a curator records."""

    part: tuple[str, str] | None
    events: list[tuple[str, str]]
    people: list[list[str]]
    organizations: list[list[str]]


def read_gold(name: str) -> Gold:
    """Read tests/suggest/gold/<name>.tsv."""
    part = None
    events, people, organizations = [], [], []
    for line in (GOLD / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *rest = line.split("\t")
        if kind == "part":
            part = (rest[0], rest[1])
        elif kind == "event":
            events.append((rest[0], rest[1]))
        elif kind == "person":
            people.append(rest[0].split("|"))
        else:
            organizations.append(rest[0].split("|"))
    return Gold(part, events, people, organizations)


def part_span(text: str, gold: Gold) -> tuple[int, int]:
    """The offsets of the part of the text a gold covers (all of it by default)."""
    if gold.part is None:
        return 0, len(text)
    return text.index(gold.part[0]), text.index(gold.part[1])


def _match(found: list[set[str]], expected: list[set[str]]) -> tuple[int, int]:
    """(suggestions matching some gold entry, gold entries matched by some suggestion)."""
    correct_found = sum(1 for forms in found if any(forms & gold for gold in expected))
    correct_expected = sum(1 for gold in expected if any(forms & gold for forms in found))
    return correct_found, correct_expected


def score(suggestions: DocumentSuggestions, gold: Gold, span: tuple[int, int]
          ) -> dict[str, Score]:
    """Precision, recall and F1 of events, people and organizations within `span`."""
    start, end = span

    def inside(mentions: list) -> bool:  # type: ignore[type-arg]
        return any(start <= m.start < end for m in mentions)

    people = [{fold_name(p.name), *(fold_name(a) for a in p.aliases)}
              for p in suggestions.people if inside(p.mentions)]
    gold_people = [{fold_name(form) for form in forms} for forms in gold.people]
    organizations = [{organization_key(o.name)} | ({o.acronym.casefold()} if o.acronym else set())
                     for o in suggestions.organizations if inside(o.mentions)]
    gold_organizations = [{organization_key(f) for f in forms} | {f.casefold() for f in forms}
                          for forms in gold.organizations]
    found_events = Counter((e.start_date, e.event_type) for e in suggestions.events
                           if start <= e.span.start < end)
    gold_events = Counter(gold.events)
    overlap = sum((found_events & gold_events).values())
    return {
        "events": Score(sum(found_events.values()), len(gold.events), overlap, overlap),
        "people": Score(len(people), len(gold_people), *_match(people, gold_people)),
        "organizations": Score(len(organizations), len(gold_organizations),
                               *_match(organizations, gold_organizations)),
    }


THRESHOLDS = {"events": 0.75, "people": 0.85, "organizations": 0.85}
CASES = {
    "lgop-international-cooperation-2012":
        lambda: demo_corpus_dir() / "lgop-international-cooperation-2012.txt",
    "agriculture-foreign-cooperation-2015":
        lambda: DOCUMENTS / "agriculture-foreign-cooperation-2015.txt",
    "water-news-releases": lambda: DOCUMENTS / "water-news-releases.txt",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_suggestions_reach_the_bar_on_each_gold(name: str, capsys: pytest.CaptureFixture[str]
                                                ) -> None:
    text = CASES[name]().read_text(encoding="utf-8")
    gold = read_gold(name)
    scores = score(suggest_document(text, detect_sections(text)), gold, part_span(text, gold))
    with capsys.disabled():
        for kind, measured in scores.items():
            print(f"\n{name:40} {kind:14} {measured}", end="")
    for kind, measured in scores.items():
        assert measured.f1 >= THRESHOLDS[kind], f"{kind}: {measured}"
