"""Words of a sentence with their offsets, and what each word may be in a name."""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from curator.suggest import lexicon

_SPACED_TOKEN = re.compile(
    r"(\s*)"  # the spaces before a token, then one of:
    r"(?:(Co\.,?\s*Ltd\.?)"  # a company's ending
    r"|((?:[A-Z]\.){2,}(?:[A-Z](?![\w.]))?)"  # a dotted acronym (U.S.A.)
    r"|([^\W\d_][\w&+]*(?:['’\-](?=\w)[\w&+]*)*)"  # a word (inner ' and - before a letter)
    r"|(\d+(?:st|nd|rd|th)?)"  # a number
    r"|(\S))"  # a mark
)
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "amb", "st", "jr", "sr", "co",
                                  "ltd", "inc", "corp", "hon", "rev", "mme"})
_ACRONYM = re.compile(r"(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&\-+]{1,9}")
_NAME_WORD = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le)?[A-Z](?:[^\W\d_A-Z]|['’\-])*[^\W\d_A-Z]"
                        r"|[A-Z]\.?")
"""A word of a person's name: capitalized, and no capital inside but after a surname's
prefix ("McDonald", "DeSouza")."""
_POSSESSIVE = ("'s", "’s")


class Role(Enum):
    """What a word may be inside a capitalized run."""

    HONORIFIC = "H"
    TITLE = "T"
    MODIFIER = "M"
    ORG_HEAD = "O"
    CONNECTOR = "C"
    ACRONYM = "A"
    FUNCTION = "F"
    EVENT = "V"
    WORD = "N"
    """Any other capitalized word: part of a name, a place, a theme."""
    OTHER = "X"
    """Punctuation, numbers and lower-case words: they end a run."""

    # Members are singletons compared by identity: hash them by identity too, in C (the
    # Enum's own hash of the name is Python code, and roles are looked up in sets a lot).
    __hash__ = object.__hash__


class Token(NamedTuple):
    """A word or mark of the text with its offsets and role."""

    text: str
    start: int
    end: int
    role: Role
    possessive: bool = False
    bare: str = ""
    """The word without a possessive 's (set by `tokenize`)."""


def _role(word: str, kind: str) -> Role:
    if kind == "company":
        return Role.ORG_HEAD
    if kind in ("number", "mark"):
        return Role.OTHER
    if lexicon.is_honorific(word):
        return Role.HONORIFIC
    if word in lexicon.CONNECTORS:
        return Role.CONNECTOR
    if not word[:1].isupper():
        return Role.OTHER
    folded = word.rstrip(".").casefold()
    if word.rstrip(".") in lexicon.organization_heads() or word in lexicon.organization_heads():
        return Role.ORG_HEAD
    if word in lexicon.event_nouns():
        return Role.EVENT
    if folded in lexicon.title_heads():
        return Role.TITLE
    if folded in lexicon.title_modifiers():
        return Role.MODIFIER
    if kind == "dotted" or _ACRONYM.fullmatch(word) and _mostly_upper(word) and \
            not _joins_a_country(word):
        return Role.ACRONYM
    if word in lexicon.function_words():
        return Role.FUNCTION
    return Role.WORD


def _joins_a_country(word: str) -> bool:
    """Whether a hyphenated word joins a country to a partner ("China-IFAD", "Kenya-UNEP"):
    it qualifies what follows (a seminar, a programme), it is not an acronym."""
    return "-" in word and any(lexicon.country_code(part) or lexicon.demonym_country(part)
                               for part in word.split("-") if len(part) > 2)


COMPANY_WORD = re.compile(r"(?!Fitz|Della)[A-Z][a-z]{3,}[A-Z][a-z]{2,}")
"""A company's name written as one word with an inner capital ("PetroChina", "SinoHydro"); a
surname with one has a short prefix ("McDonald", "MacArthur", "DeSouza")."""


def _mostly_upper(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    upper = sum(1 for char in letters if char.isupper())
    return upper >= 2 and 2 * upper >= len(letters) and not ("&" in word and len(word) <= 4)


_WORD_ROLES: dict[str, Role] = {}
"""Roles of the words met so far: most words recur."""
_LONGEST_ABBREVIATION = max(map(len, _TITLE_ABBREVIATIONS))
_WORDS: dict[str, tuple[Role, bool, str]] = {}
"""(role, possessive, bare) of the words met so far, as written: one look-up a word."""


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`, which stands at `offset` in the document."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__  # Token's own __new__ costs a call per word
    roles = _WORD_ROLES
    words = _WORDS
    other = Role.OTHER
    position = 0
    took_period = False
    # One tuple of groups per token, the spaces before it first: the offsets follow from the
    # lengths, cheaper than asking each match for its span, group and name.
    for space, company, dotted, word, number, mark in _SPACED_TOKEN.findall(text):
        start = position + len(space)
        if word:
            end = position = start + len(word)
            if len(word) <= _LONGEST_ABBREVIATION and text[end:end + 1] == "." and (
                    word.casefold() in _TITLE_ABBREVIATIONS
                    or (len(word) == 1 and word.isupper())):
                word, end = word + ".", end + 1
                took_period = True
            known = words.get(word)
            if known is None:
                possessive = len(word) > 3 and word.endswith(_POSSESSIVE)
                bare = word[:-2] if possessive else word
                role = roles.get(bare)
                if role is None:
                    role = roles[bare] = _role(bare, "word")
                known = words[word] = (role, possessive, bare)
            append(new(Token, (word, offset + start, offset + end, *known)))
        elif mark:
            position = start + 1
            if took_period:  # the period an abbreviation took
                took_period = False
                continue
            append(new(Token, (mark, offset + start, offset + position, other, False, mark)))
        else:
            took_period = False
            word = company or dotted or number
            position = start + len(word)
            role = other if number else _role(word, "company" if company else "dotted")
            append(new(Token, (word, offset + start, offset + position, role, False, word)))
    return tokens


_NOT_LOWER_CASE = re.compile(r"[^\W\d_a-z]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def may_name_anything(text: str) -> bool:
    """Whether a sentence may name a person or an organization: every name holds a capital,
    so one whose only capital opens it with a function word ("The", "It") names none."""
    if _NOT_LOWER_CASE.search(text, 1) is None:
        first = _FIRST_WORD.match(text)
        after = text[first.end():first.end() + 1] if first is not None else ""
        if first is not None and (after.isspace() or after == ",") and \
                _role(first.group(), "word") is Role.FUNCTION:
            return False
    return True


def is_name_word(token: Token, lowercase_words: frozenset[str]) -> bool:
    """Whether a token may be part of a person's name in this document."""
    if token.role is not Role.WORD:
        return False
    word = token.bare
    if not _NAME_WORD.fullmatch(word):
        return False
    folded = word.casefold()
    if folded in lexicon.not_names() or lexicon.demonym_country(word):
        return False
    if len(word) > 2 and lexicon.country_code(word) or lexicon.place_country(word):
        return False
    return folded not in lowercase_words or lexicon.is_pinyin_word(word)


_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’\-]*[a-z](?![\w'’-])")


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Every word written in lower case in a text: words a name is unlikely to be made of."""
    # Read piece by piece between spaces (a space bounds a word as the expression's look
    # around does), each distinct piece once, most of them plain words: twice as quick as
    # running the expression through the whole text.
    found: set[str] = set()
    for piece in set(text.split()):
        if piece.isalpha() and piece.islower() and piece.isascii():
            if len(piece) > 1:
                found.add(piece)
        else:
            found.update(_LOWER_CASE_WORD.findall(piece))
    return frozenset(found)


NAME_POSSESSIVES = frozenset({"People", "Children", "Women", "Farmers", "Workers", "Citizens",
                               "Nations", "Peoples", "Men", "Youth"})


def capitalized_runs(tokens: list[Token]) -> list[list[int]]:
    """Indices of the maximal runs of capitalized words (with connectors inside them); a
    capitalized function word ("During", "The") starts a new run and is left out, and a
    possessive ("Botswana's") ends one, unless it belongs to a name ("People's Bank")."""
    runs: list[list[int]] = []
    current: list[int] = []
    other, connector, function = Role.OTHER, Role.CONNECTOR, Role.FUNCTION
    pinyin_words = lexicon.pinyin_function_words()
    for index, token in enumerate(tokens):
        role = token.role
        if role is function and token.text in pinyin_words and _opens_pinyin_name(tokens, index):
            role = Role.WORD
            tokens[index] = token._replace(role=role)
        if role is other or role is function:
            if current:
                _close(tokens, current, runs)
                current = []
        elif role is connector:
            if current:
                current.append(index)
        else:
            current.append(index)
            if token.possessive and token.bare not in NAME_POSSESSIVES:
                _close(tokens, current, runs)
                current = []
    if current:
        _close(tokens, current, runs)
    return runs


def _opens_pinyin_name(tokens: list[Token], index: int) -> bool:
    """Whether a function word that is also a pinyin surname ("He") opens a Chinese name: a
    two-syllable given name follows it ("He Xiaojun"), not a place."""
    if index + 1 >= len(tokens):
        return False
    given = tokens[index + 1]
    return (given.role is Role.WORD and given.start == tokens[index].end + 1
            and not lexicon.place_country(given.bare)
            and lexicon.is_pinyin_name(tokens[index].text, given.bare, strict=True))


def _close(tokens: list[Token], run: list[int], runs: list[list[int]]) -> None:
    """Keep a run without the connectors that end it."""
    while run and tokens[run[-1]].role is Role.CONNECTOR:
        run.pop()
    if run:
        runs.append(run)
