"""Dated activities: which sentences report one, its type, title, and the roles its wording
gives the people, organizations and countries it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from curator.suggest.date_mentions import DateMention
from curator.suggest.text_units import Sentence
from curator.suggest.vocabulary import any_pattern, rows, typed_patterns, words

_LEADING = re.compile(
    r"^(?:(?:on|from|in|between|during|at|by|since|early|late|mid|around|about)\b"
    r"(?:\s+(?:the\s+)?(?:morning|afternoon|evening|night|early|end|middle|beginning|"
    r"start|late|mid|days?|week|weekend)(?:\s+of)?)?)?[\s,-]*$",
    re.IGNORECASE,
)
_INNER = re.compile(r"\b(?:on|from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_INNER_BEFORE_END = re.compile(r"\s*\b(?:on|from|between)(?:\s+the)?\s*$", re.IGNORECASE)
"""What stands right before a date that ends the report of an activity ("… visited the centre
from March 12 to 15, 2019")."""
_QUOTED = re.compile(r"[“\"]([^”\"]{6,200})[”\"]")
_CAPITALIZED_EVENT = re.compile(
    r"(?:\b\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w'’+\-]*\s+(?:(?:of|on|for|and|the|in|to|&)\s+)*)*"
    r"(?:{nouns})(?:\s+(?:(?:of|on|for|and|the|in|to|&)\s+)*[A-Z][\w'’+\-]*)*"
)
_OPENING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_NAMED_TYPES = frozenset({"conference/forum", "seminar/training", "overseas training",
                          "exchange", "research", "project", "agreement signing"})


@dataclass(frozen=True)
class Trigger:
    """A sentence that reports an activity, and its date."""

    sentence: int
    date: DateMention


def is_trigger(sentence: Sentence, dates: list[DateMention]) -> DateMention | None:
    """The date of the activity a sentence reports, or None if it reports none.

    A sentence that opens with a date ("On May 30, 2012, ...", "From June 12 to 22, ...")
    and names an activity reports one; so does one saying an event "was held" on a date, and
    one whose activity comes first and its date after ("… met with X on March 13, 2019").
    """
    if not dates:
        return None
    text = sentence.text
    if not reports_activity(text):
        return None
    first = dates[0]
    before = text[: first.start - sentence.start]
    if _LEADING.match(before):
        return first
    if any_pattern("event_passives.txt").search(text):
        return first
    for date in dates:  # "… met with the delegation in Beijing on March 13, 2019."
        before = text[: date.start - sentence.start]
        if _INNER.search(before[-24:]) and reports_activity(before):
            return date
    return None


def reports_activity(text: str) -> bool:
    """Whether a sentence's wording tells of an activity (the event verbs' vocabulary)."""
    return any_pattern("event_verbs.txt").search(text) is not None


def section_type(titles: list[str]) -> str | None:
    """The event type the innermost section heading gives, if any gives one."""
    return _section_type(tuple(titles))


@cache
def _section_type(titles: tuple[str, ...]) -> str | None:
    for title in titles:
        for pattern, event_type in typed_patterns("section_types.tsv"):
            if pattern.search(title):
                return event_type
    return None


def wording_type(text: str) -> str | None:
    """The event type the wording of a sentence suggests, if any."""
    for pattern, event_type in typed_patterns("event_cues.tsv"):
        if pattern.search(text):
            return event_type
    return None


@cache
def _event_nouns() -> tuple[str, ...]:
    return tuple(words("event_nouns.txt"))


@cache
def _event_phrase() -> re.Pattern[str]:
    nouns = "|".join(sorted(words("event_nouns.txt"), key=len, reverse=True))
    return re.compile(_CAPITALIZED_EVENT.pattern.replace("{nouns}", nouns))


def event_title(text: str, event_type: str | None, date_end: int,
                date_start: int | None = None) -> str:
    """A title for the event: the name the text gives it, or the words after its date (those
    before it when the sentence tells the activity first and its date after)."""
    if event_type in _NAMED_TYPES or event_type is None:
        for match in _QUOTED.finditer(text):
            around = text[max(0, match.start() - 40): match.end() + 20].casefold()
            if any(noun.casefold() in around for noun in words("event_nouns.txt")):
                return match.group(1).strip()
        best = ""
        # Every phrase holds an event noun: a sentence with none needs no search for one.
        phrases = _event_phrase().finditer(text) if any(
            noun in text for noun in _event_nouns()) else ()
        for match in phrases:
            phrase = _OPENING_ARTICLE.sub("", match.group().strip())
            if len(phrase.split()) >= 2 and len(phrase) > len(best):
                best = phrase
        if best:
            return best
    rest = text[date_end:].lstrip(" ,")
    head = "" if date_start is None else text[:date_start]
    if head and not _LEADING.match(head):  # the activity is told before its date
        head = head.rsplit("—", 1)[-1]  # after a dateline ("Beijing, May 2 —")
        rest = _INNER_BEFORE_END.sub("", head).strip(" ,")
    rest = rest[:1].upper() + rest[1:]
    if len(rest) > 90:
        rest = rest[:90].rsplit(" ", 1)[0] + "…"
    return rest.rstrip(".")


def item_title(text: str, event_type: str | None) -> str:
    """A title for an activity a list item tells of without a date: the name it gives in
    quotes ("a programme known as “…”"), else its words (`event_title`)."""
    quoted = _QUOTED.search(text)
    return quoted.group(1).strip() if quoted else event_title(text, event_type, 0)


_ARTICLES = ("the", "an", "a")


def _without_closing_article(text: str) -> str:
    """`text` without an article that ends it ("met with the "): what the role rules read
    before a name. (A regular expression for this searched the whole text: slow.)"""
    stripped = text.rstrip()
    for article in _ARTICLES:
        if stripped[-len(article):].lower() == article:
            before = stripped[-len(article) - 1:-len(article)]
            if not (before.isalnum() or before == "_"):
                return stripped[:-len(article)]
    return text


_Find = Callable[[str], "re.Match[str] | None"]


def _anchored(pattern: str) -> bool:
    """Whether an expression matches only at the start of a text: it opens with ^ and has
    no alternative outside parentheses and brackets (the rules are not MULTILINE). Its
    `match` finds what `search` does without trying it at every later position."""
    if not pattern.startswith("^"):
        return False
    depth, escaped, class_from = 0, False, -1
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_from >= 0:  # inside [...]: a ] first (or after ^) is a member
            if char == "]" and at > class_from + 1 and \
                    not (at == class_from + 2 and pattern[class_from + 1] == "^"):
                class_from = -1
        elif char == "[":
            class_from = at
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


@cache
def _role_rules(kind: str) -> tuple[tuple[str, bool, _Find], ...]:
    """(role, whether the wording stands before the name, how to look for it)."""
    rules = []
    for rule_kind, role, where, pattern in rows("roles.tsv"):
        if rule_kind == kind:
            compiled = re.compile(pattern, re.IGNORECASE)
            rules.append((role, where == "before",
                          compiled.match if _anchored(pattern) else compiled.search))
    return tuple(rules)


@cache
def _any_rule(kind: str, before: bool) -> _Find:
    """One expression matching where any "before" (or any "after") rule of `kind` does: most
    names have none of that wording around them, and one search tells so (one match, when
    every rule holds at the text's start only, as the "after" rules do)."""
    expressions = [pattern for rule_kind, _role, where, pattern in rows("roles.tsv")
                   if rule_kind == kind and (where == "before") == before]
    compiled = re.compile("|".join(f"(?:{pattern})" for pattern in expressions) or "(?!)",
                          re.IGNORECASE)
    return compiled.match if expressions and all(map(_anchored, expressions)) else \
        compiled.search


ROLE_CONTEXT = 160
"""How much of the wording before a name the role rules read: they end at the name, and
searching a long sentence's whole beginning for them is slow."""


def role_from_wording(kind: str, before: str, after: str) -> str | None:
    """The role of a person or organization named between `before` and `after` (the
    sentence's text on either side), as the roles vocabulary reads the wording."""
    before = _without_closing_article(before[-ROLE_CONTEXT:])
    any_before = _any_rule(kind, True)(before) is not None
    any_after = _any_rule(kind, False)(after) is not None
    if not (any_before or any_after):
        return None
    for role, is_before, find in _role_rules(kind):
        if not (any_before if is_before else any_after):
            continue
        if find(before if is_before else after):
            return role
    return None


LIST_GAP = re.compile(r"^(?:\s*(?:,|and|&|as\s+well\s+as|;)?\s*(?:the\s+)?)+$", re.IGNORECASE)
"""What stands between two names of one list ("A, B and the C")."""
