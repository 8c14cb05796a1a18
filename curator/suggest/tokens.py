"""Words of a sentence with their offsets, and what each word may be in a name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from curator.suggest import lexicon

_TOKEN = re.compile(
    r"(?P<company>Co\.,?\s*Ltd\.?)"
    r"|(?P<dotted>(?:[A-Z]\.){2,}(?:[A-Z](?![\w.]))?)"
    r"|(?P<word>[^\W\d_](?:[\w&+]|['’\-](?=\w))*)"
    r"|(?P<number>\d+(?:st|nd|rd|th)?)"
    r"|(?P<mark>\S)"
)
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "amb", "st", "jr", "sr", "co",
                                  "ltd", "inc", "corp", "hon", "rev", "mme"})
_ACRONYM = re.compile(r"(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&\-+]{1,9}")
_NAME_WORD = re.compile(r"[A-Z][a-z'’\-]*[a-z]|[A-Z]\.?")
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


@dataclass(frozen=True)
class Token:
    """A word or mark of the text with its offsets and role."""

    text: str
    start: int
    end: int
    role: Role
    possessive: bool = False

    @property
    def bare(self) -> str:
        """The word without a possessive 's or a closing period."""
        text = self.text
        if self.possessive:
            text = text[:-2]
        return text


@cache
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
    if kind == "dotted" or _ACRONYM.fullmatch(word) and _mostly_upper(word):
        return Role.ACRONYM
    if word in lexicon.function_words():
        return Role.FUNCTION
    return Role.WORD


def _mostly_upper(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    upper = sum(1 for char in letters if char.isupper())
    return upper >= 2 and 2 * upper >= len(letters) and not ("&" in word and len(word) <= 4)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`, which stands at `offset` in the document."""
    tokens: list[Token] = []
    consumed = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "mark"
        word = match.group()
        start, end = match.start(), match.end()
        if start < consumed:
            continue  # the period an abbreviation took
        if kind == "word" and text[end:end + 1] == "." and (
            word.casefold() in _TITLE_ABBREVIATIONS or (len(word) == 1 and word.isupper())
        ):
            word, end = word + ".", end + 1
        consumed = end
        possessive = kind == "word" and word.endswith(_POSSESSIVE) and len(word) > 3
        role = _role(word[:-2] if possessive else word, kind)
        tokens.append(Token(word, offset + start, offset + end, role, possessive))
    return tokens


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


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Every word written in lower case in a text: words a name is unlikely to be made of."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’\-]*[a-z](?![\w'’-])", text))


NAME_POSSESSIVES = frozenset({"People", "Children", "Women", "Farmers", "Workers", "Citizens",
                               "Nations", "Peoples", "Men", "Youth"})
_RUN_ROLES = frozenset(Role) - {Role.OTHER, Role.CONNECTOR}


def capitalized_runs(tokens: list[Token]) -> list[list[int]]:
    """Indices of the maximal runs of capitalized words (with connectors inside them); a
    capitalized function word ("During", "The") starts a new run and is left out, and a
    possessive ("Botswana's") ends one, unless it belongs to a name ("People's Bank")."""
    runs: list[list[int]] = []
    current: list[int] = []

    def close() -> None:
        while current and tokens[current[-1]].role is Role.CONNECTOR:
            current.pop()
        if current:
            runs.append(current.copy())
        current.clear()

    for index, token in enumerate(tokens):
        if token.role is Role.FUNCTION:
            close()
        elif token.role in _RUN_ROLES:
            current.append(index)
            if token.possessive and token.bare not in NAME_POSSESSIVES:
                close()
        elif token.role is Role.CONNECTOR and current:
            current.append(index)
        else:
            close()
    close()
    return runs
