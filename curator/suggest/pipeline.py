"""The suggestion rules run over one document: people, organizations, then events."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from curator.domain.documents import Section
from curator.domain.names import fold_name
from curator.suggest import events as event_rules
from curator.suggest import lexicon
from curator.suggest.date_mentions import MAYBE_DATE, DateMention, find_dates
from curator.suggest.enumerations import named_activities, year_named
from curator.suggest.organizations import OrganizationMention, find_organizations
from curator.suggest.people import PersonMention, find_people
from curator.suggest.places import (
    find_countries,
    find_participant_count,
    find_venue,
    listed_countries,
)
from curator.suggest.suggestions import (
    DocumentSuggestions,
    Span,
    SuggestedCountry,
    SuggestedEvent,
    SuggestedLink,
    SuggestedOrganization,
    SuggestedPerson,
)
from curator.suggest.text_units import Paragraph, Sentence, paragraphs
from curator.suggest.tokens import (
    Role,
    Token,
    capitalized_runs,
    lowercase_vocabulary,
    may_name_anything,
    tokenize,
)

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all): each paragraph is read, then looked at for events;
may raise to cancel."""

_CHINESE_AFTER = re.compile(r"\s*[（(]\s*([\u3400-\u9fff·•]{2,30})\s*[)）]")
_ACRONYM_THEN_CHINESE = re.compile(
    r"\s*[（(]\s*[A-Z][A-Za-z&\-]{1,15}\s*[,，、]\s*([\u3400-\u9fff·•]{2,40})\s*[)）]")
_PERSON_TITLE_ZH = re.compile(
    r"(?:主任|部长|司长|局长|处长|厅长|书记|总理|主席|大使|参赞|先生|女士|教授|博士|代表|行长|"
    r"院长|校长|所长|秘书长|总裁|总经理|董事长)$")
"""Words that end a person's title in Chinese: brackets ending so name a person, not the
organization before them."""
_SPELLINGS = (("centre", "center"), ("organisation", "organization"),
              ("programme", "program"))
_OWNER_GAP = re.compile(r"\s*(?:of|,)\s*(?:the\s+)?")
"""What stands between a person and the organization they belong to ("X of the Y")."""
_BRACKETED = re.compile(r"\([^()]*\)")
_KEY_DROPS = frozenset({"the", "of", "on", "for", "and", "in"})


def _mention_start(pair: tuple[PersonMention, str]) -> int:
    return pair[0].start


def organization_key(name: str) -> str:
    """What two spellings of one organization's name share ("Centre"/"Center", of/on)."""
    folded = fold_name(name)
    for british, american in _SPELLINGS:
        folded = folded.replace(british, american)
    return " ".join(word for word in folded.split() if word not in _KEY_DROPS)


def _chunks(text: str, size: int = 4000) -> Iterator[str]:
    """The text in pieces of about `size` characters cut after a line's end."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


@contextmanager
def _collections_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while the rules run: they keep every sentence's
    words until the document is read, and the collector re-scanning them all took a tenth
    of the time (measured on the generated chapters); they make no cycles to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class _SentenceReading:
    """What one sentence holds, resolved to the document's records by key."""

    sentence: Sentence
    tokens: list[Token]
    runs: list[list[int]]
    people: list[tuple[PersonMention, str]] = field(default_factory=list)
    organizations: list[tuple[OrganizationMention, str]] = field(default_factory=list)


class _Document:
    """One run of the rules over a document's text."""

    def __init__(self, text: str, sections: Sequence[Section]) -> None:
        self.text = text
        self.sections = sorted(sections, key=lambda s: (s.start, -s.end))
        self.next_section = 0
        self.open_sections: list[Section] = []
        self.lowercase = lowercase_vocabulary(text)
        self.readings: list[_SentenceReading] = []
        self.organizations: dict[str, SuggestedOrganization] = {}
        self.acronyms: dict[str, str] = {}
        self.non_organizations: set[str] = set()
        self.people: dict[str, SuggestedPerson] = {}
        self.person_order: list[tuple[int, str]] = []
        self.first_year: int | None = None
        self.first_year_read = False

    # -- reading ---------------------------------------------------------------------------

    def read(self, units: list[Paragraph], progress: Progress | None) -> None:
        mentions: list[tuple[_SentenceReading, list[PersonMention],
                             list[OrganizationMention]]] = []
        for number, paragraph in enumerate(units, start=1):
            for sentence in paragraph.sentences:
                if not may_name_anything(sentence.text):
                    reading = _SentenceReading(sentence, [], [])
                    self.readings.append(reading)
                    mentions.append((reading, [], []))
                    continue
                tokens = tokenize(sentence.text, sentence.start)
                runs = capitalized_runs(tokens)
                people = find_people(tokens, self.text, self.lowercase, runs)
                blocked: set[int] = set()
                if people:
                    starts = [token.start for token in tokens]
                    blocked = {i for p in people for i in range(bisect_left(starts, p.start),
                                                                bisect_left(starts, p.end))}
                organizations, others = find_organizations(tokens, self.text,
                                                           blocked=blocked, runs=runs)
                self.non_organizations |= others
                reading = _SentenceReading(sentence, tokens, runs)
                self.readings.append(reading)
                mentions.append((reading, people, organizations))
            if progress is not None and number % 20 == 0:
                progress(number, 2 * len(units))
        self._organizations(mentions)
        self._people(mentions)

    def _organizations(self, mentions: list[tuple[_SentenceReading, list[PersonMention],
                                                  list[OrganizationMention]]]) -> None:
        for _reading, _people, found in mentions:
            for mention in found:
                if mention.acronym and mention.name != mention.acronym:
                    self.acronyms.setdefault(mention.acronym, organization_key(mention.name))
        for reading, _people, found in mentions:
            for mention in found:
                key = self._organization(mention)
                if key is not None:
                    reading.organizations.append((mention, key))

    def _organization(self, mention: OrganizationMention) -> str | None:
        standalone = mention.name == mention.acronym
        if standalone and mention.acronym in self.non_organizations:
            return None
        key = self.acronyms.get(mention.acronym) if standalone else \
            organization_key(mention.name)
        key = key or f"acronym {mention.acronym}"
        if mention.acronym and not standalone and self.acronyms[mention.acronym] != key:
            key = self.acronyms[mention.acronym]  # a second expansion: an alias
        if key not in self.organizations and not standalone:
            longer = next((defined for defined in self.acronyms.values()
                           if key.endswith(" " + defined)), None)
            if longer is not None and longer in self.organizations:
                key = longer
                if len(mention.name) > len(self.organizations[key].name):
                    self.organizations[key].name = mention.name
        record = self.organizations.get(key)
        if record is None:
            record = SuggestedOrganization(key, mention.name, mention.acronym, mention.kind,
                                           mention.country, confidence=mention.confidence)
            self.organizations[key] = record
        elif not standalone and record.name == record.acronym:
            record.name, record.kind = mention.name, mention.kind  # the acronym came first
        record.acronym = record.acronym or mention.acronym
        record.country = record.country or mention.country
        record.confidence = max(record.confidence, mention.confidence)
        record.mentions.append(Span(mention.start, mention.end))
        if mention.acronym and not standalone:
            record.mentions.append(Span(mention.acronym_start, mention.acronym_end))
        if not record.name_zh:
            record.name_zh = self._chinese_after(mention.end)
        return key

    def _chinese_after(self, end: int) -> str:
        """The Chinese name in brackets right after a name — "(国务院…)", "(LGOP, 国务院…)" —
        unless it names a person by a title ("Director of LGOP (刘永富主任)")."""
        match = _CHINESE_AFTER.match(self.text, end) or _ACRONYM_THEN_CHINESE.match(self.text, end)
        if match is None or _PERSON_TITLE_ZH.search(match.group(1)):
            return ""
        return match.group(1)

    def _people(self, mentions: list[tuple[_SentenceReading, list[PersonMention],
                                           list[OrganizationMention]]]) -> None:
        singles: list[tuple[_SentenceReading, PersonMention]] = []
        for reading, found, _organizations in mentions:
            for mention in found:
                if len(mention.words) == 1:
                    singles.append((reading, mention))
                    continue
                key = fold_name(mention.name)
                person = self.people.get(key)
                if person is None:
                    person = SuggestedPerson(key, mention.name, confidence=mention.confidence)
                    self.people[key] = person
                self._describe(person, mention, reading)
                person.mentions.append(Span(mention.start, mention.end))
                reading.people.append((mention, key))
                self.person_order.append((mention.start, key))
        self.person_order.sort()
        self._index_short_forms()
        for reading, mention in singles:
            owner = self._short_form_owner(mention.name, mention.start)
            if owner is None:
                key = fold_name(mention.name)
                person = self.people.setdefault(key, SuggestedPerson(
                    key, mention.name, confidence=mention.confidence))
                self._describe(person, mention, reading)
                person.mentions.append(Span(mention.start, mention.end))
            else:
                key = owner
                start = mention.title_start if mention.title_start >= 0 else mention.start
                self._alias(key, start, mention.end)
            reading.people.append((mention, key))
        self._bare_short_forms()

    def _describe(self, person: SuggestedPerson, mention: PersonMention,
                  reading: _SentenceReading) -> None:
        person.confidence = max(person.confidence, mention.confidence)
        if mention.title and not person.title:
            person.title = mention.title
            person.affiliation = person.affiliation or self._affiliation(mention, reading)
        person.nationality = person.nationality or mention.nationality or (
            lexicon.country_code(self.text[mention.possessor[0]:mention.possessor[1]])
            if mention.possessor else None)
        if not person.name_zh:
            person.name_zh = self._chinese_after(mention.end)

    def _affiliation(self, mention: PersonMention, reading: _SentenceReading) -> str | None:
        """The organization the person's title names, or that owns it ("the World Bank's")."""
        for found, key in reading.organizations:
            if mention.title_start <= found.start and found.end <= mention.title_end:
                return key
            if mention.possessor and found.start <= mention.possessor[0] < found.end + 1:
                return key
            between = self.text[mention.end:found.start]
            if found.start >= mention.end and _OWNER_GAP.fullmatch(between):
                return key
        return None

    def _alias(self, key: str, start: int, end: int) -> None:
        text = " ".join(self.text[start:end].split())
        person = self.people[key]
        if fold_name(text) != fold_name(person.name):
            person.aliases.setdefault(text, []).append(Span(start, end))

    def _index_short_forms(self) -> None:
        """Where each first or last word of a full name is named, in order of the text."""
        self.short_forms: dict[str, tuple[list[int], list[str]]] = {}
        for start, key in self.person_order:
            parts = self.people[key].name.split()
            for word in dict.fromkeys((parts[0], parts[-1])):
                starts, keys = self.short_forms.setdefault(word, ([], []))
                starts.append(start)
                keys.append(key)

    def _short_form_owner(self, word: str, at: int) -> str | None:
        """The person a short form ("Fan", "Masisi") stands for: the nearest named before
        it with that word first or last in their name, else the first named after it."""
        owners = self.short_forms.get(word)
        if owners is None:
            return None
        starts, keys = owners
        before = bisect_left(starts, at)
        return keys[before - 1] if before else keys[0]

    def _bare_short_forms(self) -> None:
        """Short forms standing alone or after a title: "Fan", "Minister Fan", "Mr. Fan's"."""
        short: dict[str, list[str]] = {}
        for person in self.people.values():
            parts = person.name.split()
            if len(parts) > 1:
                for word in (parts[0], parts[-1]):
                    short.setdefault(word, []).append(person.key)
        plain = Role.WORD
        for reading in self.readings:
            tokens = reading.tokens
            # The words that may be short forms, picked in one pass (words stand in runs).
            candidates = [i for run in reading.runs for i in run
                          if tokens[i].bare in short and tokens[i].role is plain]
            taken = [(m.start, m.end) for m, _ in reading.people] + \
                [(m.start, m.end) for m, _ in reading.organizations] if candidates else []
            for index in candidates:
                token = tokens[index]
                if any(start <= token.start < end for start, end in taken):
                    continue
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and following.role is Role.WORD:
                    continue
                first = index
                while first > 0 and tokens[first - 1].role in (Role.TITLE, Role.MODIFIER,
                                                               Role.HONORIFIC):
                    first -= 1
                titled = first < index
                if not titled and (token.bare.casefold() in self.lowercase
                                   or len(token.bare) < 2):
                    continue
                key = self._short_form_owner(token.bare, token.start)
                if key is None:
                    continue
                self._alias(key, tokens[first].start, token.end - (2 if token.possessive
                                                                    else 0))
                mention = PersonMention(token.start, token.end, token.bare,
                                        confidence=0.7)
                reading.people.append((mention, key))
            if len(reading.people) > 1:
                reading.people.sort(key=_mention_start)

    # -- events ----------------------------------------------------------------------------

    def events(self, units: list[Paragraph], progress: Progress | None = None
               ) -> list[SuggestedEvent]:
        by_sentence = {(r.sentence.start, r.sentence.end): r for r in self.readings}
        found: list[SuggestedEvent] = []
        year: int | None = None
        for number, paragraph in enumerate(units, start=1):
            if progress is not None and number % 20 == 0:
                progress(len(units) + number, 2 * len(units))
            # One search says whether the paragraph holds a date: without one no sentence
            # reports a dated activity (a counted list or an undated list item still may).
            dated = MAYBE_DATE.search(self.text, paragraph.start, paragraph.end) is not None
            if year is None and not dated:
                year = self._first_year()
            triggers: list[tuple[int, SuggestedEvent]] = []
            listed = False
            for index, sentence in enumerate(paragraph.sentences):
                trigger = None
                if dated:
                    dates = find_dates(sentence.text, offset=sentence.start, year=year)
                    if year is None:
                        year = self._first_year()
                        dates = find_dates(sentence.text, offset=sentence.start, year=year)
                    for date in dates:
                        if date.year_given:
                            year = (date.last or date.first).year
                    trigger = event_rules.is_trigger(sentence, dates)
                named = self._named_activities(
                    paragraph, by_sentence[(sentence.start, sentence.end)], trigger, year)
                found.extend(named)
                listed = listed or bool(named)
                if not named and trigger is not None:
                    triggers.append((index, self._event(paragraph, sentence, trigger)))
            for number, (index, event) in enumerate(triggers):
                end = triggers[number + 1][0] if number + 1 < len(triggers) else \
                    len(paragraph.sentences)
                scope = [by_sentence[(s.start, s.end)] for s in paragraph.sentences[index:end]]
                self._relate(event, scope)
                found.append(event)
            if not triggers and not listed:
                self._undated_item(paragraph, year, by_sentence, found)
        return found

    def _named_activities(self, paragraph: Paragraph, reading: _SentenceReading,
                          trigger: DateMention | None, year: int | None
                          ) -> list[SuggestedEvent]:
        """An event for each activity a sentence counts and names ("held three seminars,
        namely ..."), of the sentence's date, or of the year it names or the text has
        reached; each one's evidence is where it is named, and the sentence's people and
        organizations relate to each (its participants' count is the whole list's)."""
        sentence = reading.sentence
        count_at, activities = named_activities(sentence.text, sentence.start)
        if not activities:
            return []
        year = year_named(sentence.text, count_at) or year
        if trigger is None and year is None:
            return []
        event_type = event_rules.section_type(self._section_titles(paragraph)) or \
            event_rules.wording_type(sentence.text)
        events = []
        for activity in activities:
            event = SuggestedEvent(
                title=activity.title, event_type=event_type,
                start_date=trigger.first.iso() if trigger else str(year),
                end_date=trigger.last.iso() if trigger and trigger.last else None,
                span=Span(activity.start, activity.end), country=activity.country,
                participant_count=find_participant_count(
                    self.text[activity.start:activity.end]),
                confidence=0.7)
            self._relate(event, [reading], count_participants=False)
            events.append(event)
        return events

    def _undated_item(self, paragraph: Paragraph, year: int | None,
                      by_sentence: dict[tuple[int, int], _SentenceReading],
                      found: list[SuggestedEvent]) -> None:
        """An item of a numbered list of activities that gives no date of its own ("1. A
        research programme organized by … was approved."): an event of the year the text
        has reached, when the section names a kind of activity and the item's first sentence
        the activity. Less sure than a dated one: a curator checks the date."""
        if not paragraph.listed or year is None or not paragraph.sentences:
            return
        sentence = paragraph.sentences[0]
        if not sentence.text.endswith((".", "!", "。")):
            return  # a heading numbered in the list, for the paragraphs after it
        event_type = event_rules.section_type(self._section_titles(paragraph))
        if event_type is None or not event_rules.reports_activity(sentence.text):
            return
        event = SuggestedEvent(
            title=event_rules.item_title(sentence.text, event_type),
            event_type=event_type, start_date=str(year), end_date=None,
            span=Span(sentence.start, sentence.end), confidence=0.6)
        self._relate(event, [by_sentence[(s.start, s.end)] for s in paragraph.sentences])
        found.append(event)

    def _first_year(self) -> int | None:
        """The first year the document gives (read once: a text with none asks each time)."""
        if not self.first_year_read:
            self.first_year_read = True
            self.first_year = next((date.first.year for chunk in _chunks(self.text)
                                    for date in find_dates(chunk) if date.year_given), None)
            if self.first_year is None:
                match = re.search(r"\b(?:19|20)\d{2}\b", self.text)
                self.first_year = int(match.group()) if match else None
        return self.first_year

    def _section_titles(self, paragraph: Paragraph) -> list[str]:
        """The headings around a paragraph, innermost first; paragraphs are asked for in
        the order of the text, so the sections open at the last one are all to look at."""
        at = paragraph.start
        while self.next_section < len(self.sections) and \
                self.sections[self.next_section].start <= at:
            self.open_sections.append(self.sections[self.next_section])
            self.next_section += 1
        self.open_sections = [s for s in self.open_sections if s.end > at]
        inside = self.open_sections
        titles = [s.title for s in sorted(inside, key=lambda s: -s.level)]
        return ([paragraph.heading] if paragraph.heading else []) + titles

    def _event(self, paragraph: Paragraph, sentence: Sentence, date: DateMention
               ) -> SuggestedEvent:
        event_type = event_rules.section_type(self._section_titles(paragraph)) or \
            event_rules.wording_type(sentence.text)
        title = event_rules.event_title(sentence.text, event_type, date.end - sentence.start,
                                        date.start - sentence.start)
        venue = find_venue(sentence.text, sentence.start)
        confidence = 0.9 if date.precision == "day" else 0.75
        if event_type is None:
            confidence -= 0.2
        return SuggestedEvent(
            title=title, event_type=event_type, start_date=date.first.iso(),
            end_date=date.last.iso() if date.last else None,
            span=Span(sentence.start, sentence.end),
            city=venue.city if venue else None, country=venue.country if venue else None,
            confidence=confidence,
        )

    def _relate(self, event: SuggestedEvent, scope: list[_SentenceReading], *,
                count_participants: bool = True) -> None:
        """Give an event the people, organizations, countries (and, unless told not to,
        the participants' count) its sentences name, with the roles their wording gives."""
        text = self.text
        for reading in scope:
            sentence = reading.sentence
            if count_participants and event.participant_count is None:
                event.participant_count = find_participant_count(sentence.text)
            countries = find_countries(sentence.text, sentence.start)
            for country, how in listed_countries(sentence.text, countries, sentence.start):
                if all(c.code != country.code for c in event.countries):
                    event.countries.append(SuggestedCountry(
                        country.code, how, Span(country.start, country.end)))
            if event.country is None:
                visited = [c for c in event.countries if c.role == "visited"]
                event.country = visited[0].code if visited else None
            previous_role: str | None = None
            previous_end = -1
            for mention, key in reading.people:
                begin = mention.title_start if mention.title_start >= 0 else mention.start
                before = text[max(sentence.start, begin - event_rules.ROLE_CONTEXT):begin]
                after = text[mention.end:sentence.end]
                role = event_rules.role_from_wording("participant", before, after)
                if role is None and previous_end >= 0 and \
                        event_rules.LIST_GAP.match(text[previous_end:begin]):
                    role = previous_role
                previous_role, previous_end = role, mention.end
                self._link(event.participants, SuggestedLink(
                    key, role, Span(mention.start, mention.end), mention.title))
            previous_role, previous_end = None, -1
            for found, key in reading.organizations:
                before = text[max(sentence.start, found.start - event_rules.ROLE_CONTEXT):
                              found.start]
                after = text[found.end:sentence.end]
                role = event_rules.role_from_wording("event_organization", before, after)
                if role is None and previous_end >= 0 and \
                        event_rules.LIST_GAP.match(_BRACKETED.sub("",
                                                                  text[previous_end:found.start])):
                    role = previous_role
                previous_role, previous_end = role, found.end
                if role is not None:
                    self._link(event.organizations,
                               SuggestedLink(key, role, Span(found.start, found.end)))

    @staticmethod
    def _link(links: list[SuggestedLink], link: SuggestedLink) -> None:
        for number, known in enumerate(links):
            if known.key == link.key:
                if known.role is None and link.role is not None:
                    links[number] = SuggestedLink(known.key, link.role, known.span,
                                                  known.title or link.title)
                return
        links.append(link)


def suggest_document(text: str, sections: Sequence[Section] = (), *,
                     progress: Progress | None = None) -> DocumentSuggestions:
    """Run every rule over a document's text; nothing is stored."""
    units = paragraphs(text)
    steps = 2 * len(units)
    with _collections_paused():
        document = _Document(text, sections)
        document.read(units, progress)
        suggestions = DocumentSuggestions(
            events=document.events(units, progress),
            people=list(document.people.values()),
            organizations=list(document.organizations.values()),
        )
        # The words of every sentence go before the collector resumes (they hold no cycles):
        # kept, they were all scanned at its first run, a twentieth of the time.
        del document, units
    if progress is not None:
        progress(steps, steps)
    return suggestions
