"""People named in a sentence: the name, the title around it, and the nationality it gives.

"Vice Minister of LGOP Zheng Wenkai", "Mr. Zheng Wenkai, Vice Minister of LGOP",
"Botswana's Minister of Presidential Affairs ... Mokgweetsi Masisi", "Ms. Yoka Brandt",
and a Chinese name in pinyin on its own ("Zheng Wenkai met ..."), less surely.
"""

from __future__ import annotations

from dataclasses import dataclass

from curator.suggest import lexicon
from curator.suggest.tokens import Role, Token, capitalized_runs, is_name_word

MAX_NAME_WORDS = 4
MAX_TRAILING_WORDS = 2
"""A name after a title's complement ("Minister of National Integration Helder Barbalho")
is taken as two words (and initials): the words before it are more likely the portfolio's."""
_TITLE_ROLES = frozenset({Role.TITLE, Role.MODIFIER})
_SPLITTING_CONNECTORS = frozenset({"and"})
_INTRODUCING = frozenset({Role.TITLE, Role.HONORIFIC})
"""A run without a title or an honorific introduces nobody."""


@dataclass(frozen=True)
class PersonMention:
    """A person's name in the text, with what the words around it say of them."""

    start: int
    end: int
    name: str
    title: str = ""
    title_start: int = -1
    title_end: int = -1
    nationality: str | None = None
    confidence: float = 0.9
    possessor: tuple[int, int] | None = None
    """Span of the word before the title that owns it ("the World Bank's"), if any."""

    @property
    def words(self) -> list[str]:
        """The words of the name."""
        return self.name.split()


_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "van", "von", "der"})
"""Lower-case words inside a name after its first word ("Paes de Sousa")."""


def _name_words(tokens: list[Token], indices: list[int], at: int, lowercase: frozenset[str]
                ) -> list[int]:
    """The name words starting at position `at` of `indices` (at most MAX_NAME_WORDS)."""
    found: list[int] = []
    for position in range(at, min(len(indices), at + MAX_NAME_WORDS)):
        token = tokens[indices[position]]
        if token.text in _NAME_PARTICLES and found and position + 1 < len(indices) \
                and is_name_word(tokens[indices[position + 1]], lowercase):
            found.append(indices[position])  # "Paes de Sousa"
            continue
        if not is_name_word(token, lowercase):
            break
        found.append(indices[position])
        if token.possessive:
            break
    while found and tokens[found[-1]].text.endswith(".") and len(tokens[found[-1]].text) == 2:
        found.pop()  # a name ends with a word, not an initial
    return found


def _trailing_name(tokens: list[Token], indices: list[int], lowercase: frozenset[str],
                   most: int = MAX_TRAILING_WORDS) -> list[int]:
    """The name words ending the run, two or more (`most` at most), after a word that is
    not a name."""
    found: list[int] = []
    for index in reversed(indices):
        words = sum(1 for i in found if len(tokens[i].bare) > 1)
        if words == most or not is_name_word(tokens[index], lowercase):
            break
        found.insert(0, index)
    if len(found) == len(indices) or len(found) < 2:
        return []
    return found


def _split_at_and(tokens: list[Token], run: list[int]) -> list[list[int]]:
    """A run cut where "and" is followed by a new title or honorific ("... and Vice Premier")."""
    pieces: list[list[int]] = [[]]
    for position, index in enumerate(run):
        token = tokens[index]
        if token.text in _SPLITTING_CONNECTORS and pieces[-1]:
            ahead = [tokens[i].role for i in run[position + 1: position + 4]]
            if any(role in _TITLE_ROLES or role is Role.HONORIFIC for role in ahead):
                pieces.append([])
                continue
        pieces[-1].append(index)
    return [piece for piece in pieces if piece]


def _after_last_and(tokens: list[Token], run: list[int]) -> list[int]:
    """The words of a run after its last "and": the last of several things it names ("...
    Korea Department and Steven Sabey, Deputy Director")."""
    for position in range(len(run) - 1, 0, -1):
        if tokens[run[position]].text == "and":
            return run[position + 1:]
    return run


class _Reader:
    """Reads the people of one sentence's tokens."""

    def __init__(self, tokens: list[Token], text: str, lowercase: frozenset[str],
                 runs: list[list[int]]) -> None:
        self.tokens = tokens
        self.text = text
        self.lowercase = lowercase
        self.found: list[PersonMention] = []
        self.runs = runs

    def slice(self, first: int, last: int) -> str:
        """Document text from token `first` to token `last` inclusive."""
        start, end = self.tokens[first].start, self.tokens[last].end
        if self.tokens[last].possessive:
            end -= 2
        return self.text[start:end]

    def mention(self, name: list[int], title: list[int], *, nationality: str | None,
                confidence: float, possessor: tuple[int, int] | None = None) -> None:
        name_text = self.slice(name[0], name[-1])
        if lexicon.place_country(name_text) or lexicon.country_code(name_text):
            return
        title = [i for i in title if self.tokens[i].role is not Role.HONORIFIC]
        while title and self.tokens[title[0]].role is Role.CONNECTOR:
            title.pop(0)
        while title and self.tokens[title[-1]].role is Role.CONNECTOR:
            title.pop()
        first, last = self.tokens[name[0]], self.tokens[name[-1]]
        self.found.append(PersonMention(
            first.start, last.end - (2 if last.possessive else 0),
            self.slice(name[0], name[-1]),
            self.slice(title[0], title[-1]) if title else "",
            self.tokens[title[0]].start if title else -1,
            self.tokens[title[-1]].end if title else -1,
            nationality, confidence, possessor,
        ))

    def piece(self, piece: list[int], carried: list[int], possessor: tuple[int, int] | None
              ) -> list[int]:
        """Read one person from a piece of a run; returns the title left without a name."""
        tokens = self.tokens
        nationality = None
        while piece and (tokens[piece[0]].role is Role.CONNECTOR):
            piece = piece[1:]
        while piece:
            head = tokens[piece[0]]
            two = f"{head.text} {tokens[piece[1]].text}" if len(piece) > 1 else ""
            code = lexicon.demonym_country(head.text)
            if lexicon.demonym_country(two):
                nationality, piece = lexicon.demonym_country(two), piece[2:]
            elif code:
                nationality, piece = code, piece[1:]
            else:
                break
        roles = [tokens[i].role for i in piece]
        if Role.HONORIFIC in roles:
            at = roles.index(Role.HONORIFIC)
            while at < len(roles) and roles[at] is Role.HONORIFIC:
                at += 1
            name = _name_words(tokens, piece, at, self.lowercase)
            if name:
                title = carried + piece[: roles.index(Role.HONORIFIC)]
                has_title = any(tokens[i].role in _TITLE_ROLES for i in title)
                self.mention(name, title if has_title else [], nationality=nationality,
                             confidence=0.9, possessor=possessor)
                return []
        heads = [at for at, role in enumerate(roles) if role is Role.TITLE]
        if not heads:
            return []
        at = heads[0]
        while at < len(roles) and roles[at] in _TITLE_ROLES:
            at += 1
        name = _name_words(tokens, piece, at, self.lowercase)
        if name and (len(name) > 1 or self._ends_name(piece, name)):
            self.mention(name, carried + piece[:at], nationality=nationality,
                         confidence=0.9 if len(name) > 1 else 0.7, possessor=possessor)
            return []
        name = _trailing_name(tokens, piece[at:], self.lowercase) if at < len(piece) else []
        if name:
            title = carried + piece[: piece.index(name[0])]
            self.mention(name, title, nationality=nationality, confidence=0.85,
                         possessor=possessor)
            return []
        return carried + piece

    def _ends_name(self, piece: list[int], name: list[int]) -> bool:
        """Whether a one-word name stands alone: not followed by another capitalized word."""
        following = piece.index(name[-1]) + 1
        return following >= len(piece) or self.tokens[piece[following]].role is Role.CONNECTOR

    def titled(self) -> None:
        """People introduced by a title or an honorific."""
        runs = self.runs
        previous_end = -1
        possessor: tuple[int, int] | None = None
        dangling: list[int] = []
        for run in runs:
            first = self.tokens[run[0]]
            if previous_end >= 0 and run[0] != previous_end + 1:
                possessor = None
            if dangling and run[0] == previous_end + 2 and \
                    self.tokens[previous_end + 1].text == ",":
                self._title_across_comma(dangling, run, possessor)
            dangling = []
            if not _INTRODUCING.isdisjoint([self.tokens[i].role for i in run]):
                carried: list[int] = []
                for piece in _split_at_and(self.tokens, run):
                    carried = self.piece(piece, carried, possessor)
                dangling = carried
            last = self.tokens[run[-1]]
            possessor = (first.start, last.end - 2) if last.possessive else None
            previous_end = run[-1]

    def _title_across_comma(self, title: list[int], run: list[int],
                            possessor: tuple[int, int] | None) -> None:
        """A title whose list of fields goes on past a comma before the name ends it:
        "Minister of Food, Agriculture and Livestock Mehmet Mehdi Eker"."""
        tokens = self.tokens
        if _INTRODUCING.isdisjoint([tokens[i].role for i in title]) or \
                not _INTRODUCING.isdisjoint([tokens[i].role for i in run]):
            return
        # The run holds the rest of the title and the name only, so a name of three words
        # is read whole ("... and Livestock Mehmet Mehdi Eker").
        name = _trailing_name(tokens, run, self.lowercase, most=3)
        if not name or "and" not in [tokens[i].text for i in run[:run.index(name[0])]]:
            return
        self.mention(name, list(range(title[0], name[0])), nationality=None,
                     confidence=0.8, possessor=possessor)

    def comma_titled(self) -> None:
        """"Name, Title of Org" — a name alone before a comma and a title after it."""
        tokens = self.tokens
        for whole in self.runs:
            after = whole[-1] + 1
            if after >= len(tokens) or tokens[after].text != ",":
                continue
            run = _after_last_and(tokens, whole)
            roles = [tokens[i].role for i in run]
            at = roles.index(Role.HONORIFIC) + 1 if Role.HONORIFIC in roles else 0
            while at < len(roles) and roles[at] is Role.HONORIFIC:
                at += 1
            name = _name_words(tokens, run, at, self.lowercase)
            if name != run[at:] or (len(name) < 2 and at == 0):
                continue
            title = self._title_after(after + 1)
            span = (tokens[name[0]].start, tokens[name[-1]].end)
            known = [m for m in self.found if (m.start, m.end) == span]
            if title and not any(m.title for m in known):
                for mention in known:
                    self.found.remove(mention)
                self.mention(name, title, nationality=None,
                             confidence=0.9 if known else 0.85)

    def _title_after(self, at: int) -> list[int]:
        """The title starting at token `at`, up to the next comma or lower-case word."""
        tokens = self.tokens
        title: list[int] = []
        for index in range(at, min(len(tokens), at + 25)):
            token = tokens[index]
            lowered_title = token.text.casefold() in lexicon.title_words()
            if token.role is Role.OTHER and not lowered_title:
                break
            title.append(index)
        for position, index in enumerate(title):
            if any(m.start <= tokens[index].start < m.end for m in self.found):
                title = title[:position]
                break
        if len(title) > 2 and tokens[title[-2]].text == "in":
            title = title[:-2]
        while title and tokens[title[-1]].role is Role.CONNECTOR:
            title.pop()
        heads = [i for i in title[:6] if tokens[i].text.casefold() in lexicon.title_heads()]
        return title if heads else []

    def pinyin(self) -> None:
        """Chinese names in pinyin standing alone ("Zheng Wenkai met ..."): surname and a
        two-syllable given name, not already read."""
        tokens = self.tokens
        taken = [(m.start, m.end) for m in self.found]
        # Every capitalized word stands in a run: the other words need no look.
        word = Role.WORD
        last = len(tokens) - 1
        for index in [i for run in self.runs for i in run
                      if i < last and tokens[i].role is word and tokens[i + 1].role is word]:
            surname, given = tokens[index], tokens[index + 1]
            if any(start <= surname.start < end for start, end in taken):
                continue
            nxt = tokens[index + 2] if index + 2 < len(tokens) else None
            if nxt is not None and nxt.role is Role.WORD and not nxt.possessive \
                    and nxt.text[:1].isupper():
                continue
            if surname.possessive or not lexicon.is_pinyin_name(surname.text, given.bare,
                                                                strict=True):
                continue
            self.mention([index, index + 1], [], nationality=None, confidence=0.6)


def find_people(tokens: list[Token], text: str, lowercase: frozenset[str],
                runs: list[list[int]] | None = None) -> list[PersonMention]:
    """The people a sentence names, by the offsets of their names in `text`."""
    reader = _Reader(tokens, text, lowercase,
                     capitalized_runs(tokens) if runs is None else runs)
    reader.titled()
    reader.comma_titled()
    reader.pinyin()
    return sorted(reader.found, key=lambda mention: mention.start)
