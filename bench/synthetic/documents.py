"""Writing yearbook chapters about the planned events, noting where each record is named."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from curator.domain.countries import country_name
from synthetic import vocabulary as words
from synthetic.records import Event, ProjectPlan, Record, Relation

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_VERBS = {
    "visit abroad": "headed a delegation to visit", "reception": "met with a delegation from",
    "overseas training": "led the", "conference/forum": "addressed the",
    "seminar/training": "opened the", "research": "launched the", "exchange": "took part in the",
    "project": "signed the", "agreement signing": "signed the",
}
_ALIAS_CLAUSES = (
    "briefed the hosts on China's experience in {topic}.",
    "stressed the importance of cooperation in {topic}.",
    "thanked the partners for their support in {topic}.",
)

Span = tuple[int, int, int, str | None, int | None, int | None]
"""start, end, record id, field, relation id, alias id: a span that could be evidence."""


@dataclass(frozen=True)
class Chapter:
    """A written document: its title, text and the spans naming records in it."""

    title: str
    source_name: str
    text: str
    spans: list[Span]


class _Writer:
    """Text written piece by piece, with the spans of what it names."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def end_sentence(self) -> None:
        """A full stop, unless the text ends with one (a name ending in "Ltd.")."""
        if not self.parts[-1].endswith("."):
            self.write(".")

    def cite(self, start: int, record_id: int, *, field: str | None = None,
             relation_id: int | None = None, alias_id: int | None = None) -> None:
        """Note the text from `start` to here as naming a record (or a field, relation, alias)."""
        self.spans.append((start, self.length, record_id, field, relation_id, alias_id))

    def mention(self, text: str, record_id: int, *, field: str | None = None) -> int:
        """Write `text` as a name of a record (or of one field); returns where it starts."""
        start = self.length
        self.write(text)
        self.cite(start, record_id, field=field)
        return start


def date_phrase(event: Event, *, in_list: bool) -> str:
    """When an event took place, as a paragraph ("From June 12 to 22, 2012") or a list says."""
    start, end = event.start, event.end
    month = MONTHS[start.month - 1]
    if event.month_only:
        return f"{month} {start.year}" if in_list else f"In {month} {start.year}"
    if end is None:
        return f"{month} {start.day}, {start.year}" if in_list else (
            f"On {month} {start.day}, {start.year}")
    until = f"{end.day}" if end.month == start.month else f"{MONTHS[end.month - 1]} {end.day}"
    if in_list:
        return f"{month} {start.day}–{until}, {start.year}"
    return f"From {month} {start.day} to {until}, {start.year}"


class ChapterWriter:
    """Writes one chapter of a yearbook about its events, padded to a size with prose."""

    def __init__(self, rng: random.Random, plan: ProjectPlan) -> None:
        self.rng = rng
        self.plan = plan

    def chapter(self, year: int, part: int, size: int, events: list[Event]) -> Chapter:
        """A chapter of about `size` characters telling `events` (all of `year`)."""
        title = f"International Cooperation {year} (Part {part})"
        self.w = _Writer()
        self.w.write(f"{title}\n\nOverview\n\n")
        self._prose(3)
        self.w.write(f"{words.FOOTER}\n\n")
        by_section = [[e for e in events if e.told and e.detail["event_type"] in types]
                      for _part, _heading, types in words.SECTION_HEADINGS]
        told, part_title = 0, ""
        total = max(1, sum(map(len, by_section)))
        for (part_name, heading, _types), section in zip(
                words.SECTION_HEADINGS, by_section, strict=True):
            if not section:
                continue
            if part_name != part_title:
                if part_title:
                    self.w.write(f"{words.FOOTER}\n\n")
                self.w.write(f"{part_name}\n\n")
                part_title = part_name
            budget = (size - self.w.length) / max(1, total - told)
            # Sections told in paragraphs take about 450 characters an event, lists 170.
            in_paragraphs = self.rng.random() < (budget - 170) / 280
            self._section(heading, year, sorted(section, key=lambda e: e.start),
                          in_list=not in_paragraphs)
            told += len(section)
            while self.w.length < size * (0.1 + 0.9 * told / total) - 300:
                self._prose(self.rng.randrange(3, 7))
        self.w.write(f"{words.FOOTER}\n")
        return Chapter(title, f"yearbook-{year}-international-cooperation-part-{part:02d}.txt",
                       "".join(self.w.parts), self.w.spans)

    def _prose(self, sentences: int, *, opening: str = "") -> None:
        """A paragraph naming nothing, about cooperation in general."""
        topic = self.rng.choice(words.TOPICS)[0]
        text = " ".join(
            sentence.format(topic=topic, number=self.rng.randrange(10, 300))
            for sentence in self.rng.sample(words.FILLER_SENTENCES, sentences))
        if opening:
            text = opening + text[0].lower() + text[1:]
        self.w.write(text + "\n\n")

    def _section(self, heading: str, year: int, events: list[Event], *, in_list: bool) -> None:
        self.w.write(f"【{heading}】")
        if self.rng.random() < 0.5:
            self._prose(1, opening=f"In {year}, ")
        else:
            self.w.write("\n\n")
        for number, event in enumerate(events, start=1):
            if in_list:
                self._list_item(number, event)
            else:
                self._paragraph(event)
        if in_list:
            self.w.write("\n")

    def _paragraph(self, event: Event) -> None:
        """An event told in a paragraph: who, what, where, with whom."""
        w, start = self.w, self.w.length
        w.mention(date_phrase(event, in_list=False), event.id, field="start_date")
        w.write(", ")
        lead = event.participants[0] if event.participants else None
        if lead is not None:
            self._person(lead)
        elif event.organizations:
            w.write("the ")
            self._organization(event.organizations[0])
        else:
            w.write("LGOP")
        w.write(f" {_VERBS[str(event.detail['event_type'])]} ")
        if event.detail["event_type"] in ("visit abroad", "reception"):
            self._countries(event.countries, fallback="abroad")
        else:
            w.mention(event.name_en, event.id, field="name_en")
            if event.countries:
                w.write(" with partners from ")
                self._countries(event.countries, fallback="")
        if event.detail["city"]:
            w.write(", holding talks in " if event.countries else " in ")
            w.mention(str(event.detail["city"]), event.id, field="city")
        w.end_sentence()
        w.cite(start, event.id)
        others = event.participants[1:]
        if others:
            w.write(" The delegation included ")
            self._listed(others, self._person)
            w.end_sentence()
        supporters = event.organizations[0 if lead is not None else 1:]
        if supporters:
            w.write(" The activity was supported by ")
            self._listed(supporters, self._organization)
            w.end_sentence()
        self._aliases(event, lead)
        w.write(" ")
        self._prose(self.rng.randrange(1, 3))

    def _list_item(self, number: int, event: Event) -> None:
        """An event told as one item of a numbered list."""
        w = self.w
        w.write(f"{number}. ")
        start = w.length
        w.mention(date_phrase(event, in_list=True), event.id, field="start_date")
        w.write(": ")
        named = w.mention(event.name_en, event.id, field="name_en")
        if event.name_zh:
            w.write(" (")
            w.mention(event.name_zh, event.id, field="name_zh")
            w.write(")")
        unnamed = []
        for relation in event.countries:
            found = event.name_en.find(country_name(relation.country_code or ""))
            if found < 0:
                unnamed.append(relation)
                continue
            length = len(country_name(relation.country_code or ""))
            w.spans.append((named + found, named + found + length, event.id, None,
                            relation.id, None))
        if event.participants:
            w.write(", led by ")
            self._listed(event.participants[:2], self._person)
        if event.organizations:
            w.write("; with ")
            self._listed(event.organizations[:2], self._organization)
        if unnamed:
            w.write("; in ")
            self._countries(unnamed, fallback="")
        w.end_sentence()
        w.cite(start, event.id)
        w.write("\n")

    def _listed(self, relations: list[Relation], write_one: Callable[[Relation], None]) -> None:
        for index, relation in enumerate(relations):
            if index:
                self.w.write(" and " if index == len(relations) - 1 else ", ")
            write_one(relation)

    def _person(self, relation: Relation) -> None:
        """A participant by title and name (and in Chinese), supporting the relation too."""
        w, start = self.w, self.w.length
        person = self.plan.record(relation.object_id or 0)
        if relation.title:
            w.write(f"{relation.title} ")
        w.mention(person.name_en, person.id)
        if person.name_zh and self.rng.random() < 0.5:
            w.write(" (")
            w.mention(person.name_zh, person.id, field="name_zh")
            w.write(")")
        w.cite(start, relation.subject_id, relation_id=relation.id)

    def _organization(self, relation: Relation) -> None:
        """An organization by name and acronym, supporting the relation too."""
        w, start = self.w, self.w.length
        organization = self.plan.record(relation.object_id or 0)
        w.mention(organization.name_en, organization.id)
        acronym = organization.detail["acronym"]
        if acronym:
            w.write(" (")
            self._alias_or_field(organization, str(acronym), "acronym")
            w.write(")")
        w.cite(start, relation.subject_id, relation_id=relation.id)

    def _alias_or_field(self, record: Record, text: str, field: str) -> None:
        start = self.w.length
        self.w.write(text)
        if record.alias == text:
            self.w.cite(start, record.id, alias_id=record.alias_id)
        else:
            self.w.cite(start, record.id, field=field)

    def _countries(self, relations: list[Relation], *, fallback: str) -> None:
        """Countries an event relates to, each supporting its relation."""
        if not relations:
            self.w.write(fallback)
            return
        names = [country_name(relation.country_code or "") for relation in relations]
        for index, (relation, name) in enumerate(zip(relations, names, strict=True)):
            if index:
                self.w.write(" and " if index == len(relations) - 1 else ", ")
            start = self.w.length
            self.w.write(name)
            self.w.cite(start, relation.subject_id, relation_id=relation.id)

    def _aliases(self, event: Event, lead: Relation | None) -> None:
        """A sentence naming the lead (or the event) again by an alias."""
        topic = self.rng.choice(words.TOPICS)[0]
        person = self.plan.record(lead.object_id or 0) if lead is not None else None
        if person is not None and person.alias and self.rng.random() < 0.8:
            self.w.write(" ")
            self._alias_or_field(person, person.alias, "name_en")
            self.w.write(" " + self.rng.choice(_ALIAS_CLAUSES).format(topic=topic))
        if event.alias:
            self.w.write(" Participants called ")
            self._alias_or_field(event, event.alias, "name_en")
            self.w.write(" a success.")
