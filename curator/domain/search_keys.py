"""What a record is found by (its names, aliases and fields as folded search keys), and
what a typed query is looked up as."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from curator.domain.countries import country_name
from curator.domain.language import is_cjk
from curator.domain.passages import fold_passage
from curator.domain.pinyin import fold_query, pinyin_search_forms
from curator.domain.records import RecordKind

MIN_LATIN_SUBSTRING = 3
"""A query without Han characters is looked for inside words from this length on; shorter
ones ("li", "x") only find keys that start with them, as a substring would match everything."""


class SearchField(StrEnum):
    """The field of a record a search key comes from."""

    NAME_EN = "name_en"
    NAME_ZH = "name_zh"
    ALIAS = "alias"
    KEY = "key"
    POSITION = "position"
    ACRONYM = "acronym"
    COUNTRY = "country"
    """A country the record is in or involves, by its English or Chinese name."""

    @property
    def weight(self) -> int:
        """0 for names, 1 for aliases, 2 for other fields: the lower, the better a match."""
        if self in (SearchField.NAME_EN, SearchField.NAME_ZH):
            return 0
        return 1 if self is SearchField.ALIAS else 2


_DETAIL_SEARCH_FIELDS: dict[RecordKind, tuple[SearchField, ...]] = {
    RecordKind.EVENT: (),
    RecordKind.PERSON: (SearchField.POSITION,),
    RecordKind.ORGANIZATION: (SearchField.ACRONYM,),
}
"""The detail fields of each kind that a search looks in (their column names)."""


@dataclass(frozen=True)
class SearchKey:
    """One folded form a record is found by, with the field and text it comes from."""

    field: SearchField
    value: str
    form: str

    @property
    def han(self) -> str | None:
        """The form's Han characters spaced apart (for a search by one or two characters),
        or None if it has none."""
        return spaced_han(self.form)


def spaced_han(text: str) -> str | None:
    """The Han characters of `text` separated by spaces (国务院 办 → 国 务 院 办), or None."""
    characters = [char for char in text if char >= _FIRST_HAN and is_cjk(char)]
    return " ".join(characters) if characters else None


_FIRST_HAN = "\u3400"  # no character before it is Han: most are skipped without a lookup


@lru_cache(maxsize=65_536)  # names recur (surnames, places): rebuilding an index repeats them
def _name_forms(text: str, *, person: bool) -> frozenset[str]:
    """Folded forms of a name: as written, in pinyin, and a person's run together and, for
    a name of two words, the other way round (as a Chinese name's pinyin is)."""
    forms = pinyin_search_forms(text, person=person)
    if person:  # "fanxiaojian" and "xiaojian" find "Fan Xiaojian" as they find 范小建
        forms |= {form.replace(" ", "") for form in forms}
        forms |= {" ".join(reversed(words)) for form in forms
                  if len(words := form.split()) == 2}
    return frozenset(forms)


def record_search_keys(
    kind: RecordKind,
    *,
    key: str,
    name_en: str,
    name_zh: str,
    details: Mapping[str, object],
    aliases: Iterable[str] = (),
    countries: Iterable[str] = (),
) -> list[SearchKey]:
    """Every search key of a record: names and aliases in either script and in pinyin,
    its key, the detail fields a search looks in (position, acronym), and the English and
    Chinese names of the countries (ISO codes) it is in or involves (坦桑尼亚 finds a visit
    to Tanzania)."""
    person = kind is RecordKind.PERSON
    named = [(SearchField.NAME_EN, name_en), (SearchField.NAME_ZH, name_zh)]
    named += [(SearchField.ALIAS, alias) for alias in aliases]
    keys = {
        SearchKey(field, value, form)
        for field, value in named if value.strip()
        for form in _name_forms(value, person=person)
    }
    others = [(SearchField.KEY, key)]
    others += [(field, str(details.get(field.value) or ""))
               for field in _DETAIL_SEARCH_FIELDS[kind]]
    others += [(SearchField.COUNTRY, country_name(code, language))
               for code in countries for language in ("en", "zh")]
    for field, value in others:
        form = fold_query(value)
        if form:
            keys.add(SearchKey(field, value, form))
    return sorted(keys, key=lambda k: (k.field.weight, k.field.value, k.value, k.form))


@dataclass(frozen=True)
class SearchQuery:
    """A typed query and the forms it is looked up as."""

    text: str
    """The query as typed, without surrounding spaces."""
    folded: str
    """Folded as keys are (`fold_query`): found as a key, a key's start, or inside a key."""
    pinyin: tuple[str, ...]
    """A Han query's pinyin forms: found as a whole key or its first words (范 finds
    "Fan Xiaojian", not "Fang Wei")."""
    passage_text: str
    """Folded as passages are (`fold_passage`), white space runs made one space."""

    @property
    def han_only(self) -> bool:
        """Whether the folded query is nothing but Han characters."""
        return bool(self.folded) and all(map(is_cjk, self.folded))

    @property
    def substring(self) -> str | None:
        """The form to look for inside keys, or None when the query is too short for that."""
        if self.han_only or len(self.folded) >= MIN_LATIN_SUBSTRING:
            return self.folded
        return None


def parse_query(text: str) -> SearchQuery:
    """What a search looks for when `text` is typed."""
    text = text.strip()
    folded = fold_query(text)
    pinyin: set[str] = set()
    if any(map(is_cjk, folded)):
        pinyin = (pinyin_search_forms(text, person=True) | pinyin_search_forms(text))
        pinyin = {form for form in pinyin if not any(map(is_cjk, form))}
    return SearchQuery(text, folded, tuple(sorted(pinyin)), " ".join(fold_passage(text).split()))
