"""Organizations named in a sentence: a capitalized phrase with an organization word in it
("Ministry of Commerce"), a name with its acronym ("... Center in China (IPRCC)"), and
acronyms standing alone where they act as organizations ("sponsored by IPRCC and UNDP")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from curator.suggest import lexicon
from curator.suggest.tokens import (
    COMPANY_WORD,
    NAME_POSSESSIVES,
    Role,
    Token,
    capitalized_runs,
)
from curator.suggest.vocabulary import words

_ROMAN = re.compile(r"[IVXLC]+")
_CHINESE_THEN_CLOSE = re.compile(r"\s*[,，、]\s*[\u3400-\u9fff·]{2,40}\s*[)）]")


@dataclass(frozen=True)
class OrganizationMention:
    """An organization's name (or acronym) in the text."""

    start: int
    end: int
    name: str
    acronym: str = ""
    acronym_start: int = -1
    acronym_end: int = -1
    kind: str | None = None
    country: str | None = None
    confidence: float = 0.85
    parent: tuple[int, int] | None = None
    """Span of the organization this one is part of ("... of LGOP"), if the text says."""


def long_form(short: str, long: str) -> int | None:
    """Where in `long` the words that `short` abbreviates begin (Schwartz & Hearst 2003):
    every letter of the acronym in order, its first at the start of a word; None if none."""
    letters = [char.casefold() for char in short if char.isalnum()]
    if len(letters) < 2:
        return None
    position = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        while position >= 0 and (
            long[position].casefold() != char
            or (index == 0 and position > 0 and long[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    return long.rfind(" ", 0, position + 1) + 1


def _kind(words: list[str]) -> str | None:
    heads = lexicon.organization_heads()
    cut = next((i for i, word in enumerate(words) if word in ("of", "for", "in", "on")),
               len(words))
    main = [heads[word] for word in words[:cut] if word in heads]
    kinds = [heads[word] for word in words if word in heads]
    kind = main[-1] if main else kinds[0] if kinds else None
    opener = " ".join(words[:2])
    international = any(opener.startswith(word) for word in lexicon.lines_international())
    if international and kind in (None, "government"):
        return "international organization"
    return None if kind == "-" else kind


def is_acronym_organization(tokens: list[Token], index: int) -> bool:
    """Whether an acronym standing at `index` acts as an organization here."""
    token = tokens[index]
    word = token.bare
    if token.role is not Role.ACRONYM or _ROMAN.fullmatch(word) or word.endswith("s"):
        return False
    if any(char.isdigit() for char in word) or lexicon.country_code(word.replace(".", "")):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return not (following is not None and following.text in words("not_organization_after.txt"))


class _Reader:
    """Reads the organizations of one sentence."""

    def __init__(self, tokens: list[Token], text: str, blocked: set[int]) -> None:
        self.tokens = tokens
        self.text = text
        self.blocked = blocked
        self.found: list[OrganizationMention] = []
        self.non_organizations: set[str] = set()

    def make(self, indices: list[int], *, acronym: Token | None = None,
             confidence: float = 0.85) -> OrganizationMention | None:
        tokens = self.tokens
        while indices and tokens[indices[0]].role in (Role.CONNECTOR, Role.FUNCTION):
            indices = indices[1:]
        while indices and tokens[indices[-1]].role is Role.CONNECTOR:
            indices = indices[:-1]
        country = None
        words = [tokens[i].bare for i in indices]
        if len(indices) >= 3 and words[-2] == "in" and not (
                lexicon.country_code(words[-1]) or lexicon.place_country(words[-1])):
            indices, words = indices[:-2], words[:-2]
        if len(indices) >= 3 and words[-2] in ("of", "in") or len(indices) >= 4 and \
                words[-3:-1] == ["of", "the"]:
            tail = words[-1]
            code = lexicon.country_code(tail) or lexicon.place_country(tail)
            cut = -3 if words[-2] == "the" else -2
            head_before = words[cut - 1] in lexicon.organization_heads()
            government = any(w in lexicon.government_heads() for w in words[:cut])
            if code and (government and words[cut] == "of" or not head_before):
                country = code
                indices, words = indices[:cut], words[:cut]
        if words and words[-1] == "Republic":  # "... and Development People's Republic"
            indices, words = _without_formal_country(tokens, indices)
        if not any(tokens[i].role is Role.ORG_HEAD for i in indices) and acronym is None:
            return None
        if acronym is None:
            last_head = max(p for p, i in enumerate(indices) if tokens[i].role is Role.ORG_HEAD)
            after = indices[last_head + 1:]
            if after and tokens[after[0]].role is not Role.CONNECTOR:
                indices, words = indices[: last_head + 1], words[: last_head + 1]
        if any(tokens[i].role is Role.EVENT for i in indices) or len(indices) < 2:
            return None
        if all(tokens[i].role is Role.ORG_HEAD for i in indices) and acronym is None:
            return None
        indices = _with_listed_countries(tokens, indices)
        first, last = tokens[indices[0]], tokens[indices[-1]]
        country = country or lexicon.demonym_country(first.text)
        end = last.end - (2 if last.possessive else 0)
        mention = OrganizationMention(
            first.start, end, self.text[first.start:end],
            acronym.bare if acronym else "",
            acronym.start if acronym else -1, acronym.end if acronym else -1,
            _kind(words), country, confidence,
        )
        self.found.append(mention)
        return mention

    def _chinese_closes(self, end: int) -> bool:
        """Whether a Chinese name and the closing bracket follow an acronym: "(LGOP, 国务院…)"."""
        return _CHINESE_THEN_CLOSE.match(self.text, end) is not None

    def defined_acronyms(self) -> set[int]:
        """Names followed by their acronym in brackets; returns the token indices used."""
        tokens, used = self.tokens, set[int]()
        if not tokens or "(" not in self.text[tokens[0].start:tokens[-1].end]:
            return used
        # The brackets picked in one pass: a loop over every word was slow.
        for index in [i for i in range(1, len(tokens) - 2)
                      if tokens[i].text == "(" and (tokens[i + 2].text == ")" or
                                                    self._chinese_closes(tokens[i + 1].end))]:
            acronym = tokens[index + 1]
            if acronym.role is not Role.ACRONYM:
                continue
            run = self._run_before(index)
            if not run:
                continue
            start = tokens[run[0]].start
            long = self.text[start:tokens[run[-1]].end]
            begins = long_form(acronym.bare, long)
            if begins is None:
                self.non_organizations.add(acronym.bare)
                continue
            indices = [i for i in run if tokens[i].start >= start + begins]
            mention = self.make(indices, acronym=acronym, confidence=0.95)
            if mention is None or not any(tokens[i].role is Role.ORG_HEAD for i in indices):
                if mention is not None:
                    self.found.remove(mention)
                self.non_organizations.add(acronym.bare)
                continue
            used.update(indices)
            used.update((index, index + 1, index + 2))
        return used

    def _run_before(self, index: int) -> list[int]:
        run: list[int] = []
        for i in range(index - 1, max(-1, index - 16), -1):
            token = self.tokens[i]
            if token.role is Role.OTHER or token.role is Role.FUNCTION or i in self.blocked:
                break
            if token.possessive and i != index - 1 and token.bare not in NAME_POSSESSIVES:
                break
            run.insert(0, i)
        return run

    def phrases(self, used: set[int], runs: list[list[int]]) -> None:
        """Capitalized phrases holding an organization word, and companies written as one
        word with an inner capital ("PetroChina")."""
        tokens = self.tokens
        for run in runs:
            # without an organization word no segment of the run names one
            if Role.ORG_HEAD in [tokens[i].role for i in run]:
                for segment in self._segments(run, used):
                    if len(segment) == 1 and _is_company_word(tokens[segment[0]]):
                        self._company(segment[0])
                    else:
                        self.make(segment)
            else:
                for index in run:
                    if _is_company_word(tokens[index]) and index not in used and \
                            index not in self.blocked:
                        self._company(index)

    def _company(self, index: int) -> None:
        token = self.tokens[index]
        end = token.end - (2 if token.possessive else 0)
        self.found.append(OrganizationMention(token.start, end, token.bare, kind="enterprise",
                                              confidence=0.7))

    def _segments(self, run: list[int], used: set[int]) -> list[list[int]]:
        tokens = self.tokens
        segments: list[list[int]] = [[]]
        for position, index in enumerate(run):
            token = tokens[index]
            stop = index in used or index in self.blocked or token.role in (
                Role.TITLE, Role.HONORIFIC)
            if token.role is Role.MODIFIER and position + 1 < len(run) and \
                    tokens[run[position + 1]].role in (Role.TITLE, Role.MODIFIER):
                stop = True
            if stop:
                segments.append([])
                continue
            if token.text in ("and", "of") and segments[-1]:
                ahead = [i for i in run[position + 1: position + 3]
                         if tokens[i].text != "the"]
                nxt = tokens[ahead[0]] if ahead else None
                before = tokens[segments[-1][-1]]
                then_the = token.text == "and" and position + 1 < len(run) and \
                    tokens[run[position + 1]].text == "the"  # "... Resources and the Board"
                starts_new = nxt is not None and (
                    nxt.role in (Role.ORG_HEAD, Role.ACRONYM) or then_the
                    or (token.text == "and" and (lexicon.demonym_country(nxt.text) is not None
                                                 or _is_company_word(nxt))))
                if starts_new or (token.text == "and" and before.role in (Role.ORG_HEAD,
                                                                          Role.ACRONYM)):
                    segments.append([])
                    continue
            segments[-1].append(index)
        return [segment for segment in segments if segment]

    def acronyms(self, used: set[int], runs: list[list[int]]) -> None:
        """Acronyms standing alone as organizations."""
        acronym = Role.ACRONYM
        tokens = self.tokens
        # The acronyms picked in one pass (an acronym stands in a run).
        for index in [i for run in runs for i in run if tokens[i].role is acronym]:
            token = tokens[index]
            if index in used or index in self.blocked:
                continue
            if token.bare in self.non_organizations or not is_acronym_organization(
                    self.tokens, index):
                continue
            end = token.end - (2 if token.possessive else 0)
            self.found.append(OrganizationMention(
                token.start, end, token.bare, token.bare, token.start, end,
                confidence=0.7))


_FORMAL_COUNTRY_WORDS = frozenset({"Republic", "People's", "People’s", "Democratic", "Federal",
                                   "Islamic", "Socialist", "Arab", "Federative", "United"})
"""Words of a country's formal name ("People's Republic of China"), which may follow an
organization's name with nothing between ("Office of ... Development People's Republic")."""


def _without_formal_country(tokens: list[Token], indices: list[int]
                            ) -> tuple[list[int], list[str]]:
    """A phrase without the country's formal name that ends it, if an organization word
    comes before that name."""
    cut = len(indices)
    while cut and tokens[indices[cut - 1]].text in _FORMAL_COUNTRY_WORDS:
        cut -= 1
    before = tokens[indices[cut - 1]].bare if cut else ""
    # One formal word is a country's own name ("Dominican Republic"), and so is a formal
    # name after a country's adjective ("Syrian Arab Republic").
    if len(indices) - cut < 2 or lexicon.demonym_country(before) or \
            lexicon.country_code(before) or \
            not any(tokens[i].role is Role.ORG_HEAD for i in indices[:cut]):
        return indices, [tokens[i].bare for i in indices]
    while cut and tokens[indices[cut - 1]].role is Role.CONNECTOR:
        cut -= 1
    kept = indices[:cut]
    return kept, [tokens[i].bare for i in kept]


def _with_listed_countries(tokens: list[Token], indices: list[int]) -> list[int]:
    """A name that opens with two countries joined by "and" ("Mongolia and Korea Department")
    with the countries listed before them ("China, Mongolia and Korea Department")."""
    def country(index: int) -> bool:
        return tokens[index].role is Role.WORD and \
            lexicon.country_code(tokens[index].bare) is not None

    if len(indices) < 4 or tokens[indices[1]].text != "and" or not (
            country(indices[0]) and country(indices[2])):
        return indices
    first = indices[0]
    while first >= 2 and tokens[first - 1].text == "," and country(first - 2):
        first -= 2
    return list(range(first, indices[0])) + indices


def _is_company_word(token: Token) -> bool:
    # istitle() first: it rules out most words without the expression
    return token.role is Role.WORD and not token.bare.istitle() and \
        COMPANY_WORD.fullmatch(token.bare) is not None


_TITLED = re.compile(
    r"\b(?:titled|entitled|themed(?:\s+on)?|theme\s+(?:of|was|is)|topic\s+(?:of|was|is)|"
    r"speech\s+(?:of|on))\s*(?:of\s*)?[“\"]([^”\"]{3,300})[”\"]", re.IGNORECASE)
"""A title in quotes: a speech's, a theme's. Its words name no organization."""


def _titles(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Spans of the quoted titles in the sentence of `tokens`."""
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    if text.find("“", start, end) < 0 and text.find('"', start, end) < 0:
        return []
    return [match.span(1) for match in _TITLED.finditer(text, start, end)]


def find_organizations(tokens: list[Token], text: str, *, blocked: set[int],
                       runs: list[list[int]] | None = None
                       ) -> tuple[list[OrganizationMention], set[str]]:
    """The organizations a sentence names, and the acronyms it defines as something else
    ("Micro, Small and Medium Enterprises (MSME)"). `blocked` tokens (people's names)
    are never part of an organization."""
    reader = _Reader(tokens, text, blocked)
    runs = capitalized_runs(tokens) if runs is None else runs
    used = reader.defined_acronyms()
    reader.phrases(used, runs)
    covered: set[int] = set()
    if reader.found:
        starts = [token.start for token in tokens]
        covered = {i for m in reader.found
                   for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))}
    reader.acronyms(used | covered, runs)
    titles = _titles(tokens, text)
    found = [m for m in reader.found if not any(start <= m.start < end for start, end in titles)]
    return sorted(found, key=lambda m: m.start), reader.non_organizations
