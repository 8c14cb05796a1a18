"""Likely duplicates among records of one kind: the same name in either script, an acronym
and its expansion, a short and a full form in the same document, near-identical spellings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import combinations

from curator.domain.language import is_cjk
from curator.domain.records import RecordKind
from curator.domain.translation import N_
from curator.domain.vocabulary_files import vocabulary_lines
from curator.identity.acronyms import acronym_key, initials, partial_initials
from curator.identity.candidates import Candidate, DuplicatePair, DuplicateReason, pair
from curator.identity.name_forms import (
    FormScript,
    NameForm,
    bare_name,
    folded,
    han_name,
    reading,
    record_forms,
)
from curator.identity.spellings import similar_spelling_pairs

LARGE_GROUP = 12
"""Records sharing one name beyond this many are each paired with the oldest only (merging
into it settles them all) rather than every one with every other."""

MAX_READINGS = 3
"""An acronym that may stand for more names than this is not taken as any one of them."""

Progress = Callable[[str], None]


def find_duplicates(
    candidates: Sequence[Candidate], *, progress: Progress | None = None
) -> list[DuplicatePair]:
    """Every likely duplicate pair among `candidates` (one kind), each pair once with its
    strongest reason, best first."""
    rules: list[tuple[str, Callable[[Sequence[Candidate]], list[DuplicatePair]]]] = [
        (N_("same names"), same_name_pairs),
        (N_("acronyms"), acronym_pairs),
        (N_("short forms"), short_form_pairs),
        (N_("spellings"), similar_spelling_pairs),
    ]
    best: dict[tuple[int, int], DuplicatePair] = {}
    for label, rule in rules:
        if progress is not None:
            progress(label)
        for found in rule(candidates):
            known = best.get(found.ids)
            if known is None or found.score > known.score:  # ties: the earlier, surer rule
                best[found.ids] = found
    return sorted(best.values(), key=lambda p: (-p.score, p.first_id, p.second_id))


def _group_pairs(members: list[Candidate]) -> Iterable[tuple[Candidate, Candidate]]:
    """Pairs within a group of records sharing a name (oldest first)."""
    members = sorted(members, key=lambda c: c.id)
    if len(members) > LARGE_GROUP:
        return ((members[0], other) for other in members[1:])
    return combinations(members, 2)


def same_name_pairs(candidates: Sequence[Candidate]) -> list[DuplicatePair]:
    """Records whose names or aliases fold to the same form, directly or through pinyin."""
    groups: dict[str, dict[int, list[NameForm]]] = defaultdict(lambda: defaultdict(list))
    by_id = {c.id: c for c in candidates}
    for candidate in candidates:
        forms = record_forms(candidate.kind, candidate.name_en, candidate.name_zh,
                             candidate.aliases)
        for form in forms:
            groups[form.key][candidate.id].append(form)
    found = []
    for group in groups.values():
        if len(group) < 2:
            continue
        for first, second in _group_pairs([by_id[record_id] for record_id in group]):
            match = _name_match(first, group[first.id], second, group[second.id])
            if match is not None:
                found.append(match)
    return found


def _name_match(
    first: Candidate, first_forms: list[NameForm], second: Candidate, second_forms: list[NameForm]
) -> DuplicatePair | None:
    written_first = [f for f in first_forms if f.script is not FormScript.PINYIN]
    written_second = [f for f in second_forms if f.script is not FormScript.PINYIN]
    if written_first and written_second:
        a = min(written_first, key=lambda f: f.alias)
        b = min(written_second, key=lambda f: f.alias)
        score = 95 if a.alias or b.alias else 100
        said = f"“{a.written}” and “{b.written}” are the same name"
        return pair(first, second, DuplicateReason.SAME_NAME, score,
                    said + (" (an alias)" if score < 100 else ""))
    if not (written_first or written_second):
        return None  # two Chinese names read alike: homophones, not one name
    first_han, second_han = han_name(first.name_zh), han_name(second.name_zh)
    if first_han and second_han and first_han != second_han:
        return None  # both have Chinese names, and they differ
    chinese = (first_forms if not written_first else second_forms)[0]
    latin = (written_first or written_second)[0]
    return pair(first, second, DuplicateReason.OTHER_SCRIPT, 90,
                f"{chinese.written} is “{latin.written}” in pinyin")


def acronym_pairs(candidates: Sequence[Candidate]) -> list[DuplicatePair]:
    """Organizations where one's acronym (a name, alias or the acronym field) spells the
    initials of the other's name, or is another's acronym too. An acronym that could stand
    for more than `MAX_READINGS` names, or that more organizations go by, is left out: it
    says nothing about any one of them."""
    organizations = [c for c in candidates if c.kind is RecordKind.ORGANIZATION]
    acronyms: dict[str, list[tuple[Candidate, str, bool]]] = defaultdict(list)
    for org in organizations:
        for text, is_field in ((org.acronym, True), *((t, False) for t in _names(org))):
            if text and (key := acronym_key(text)) is not None:
                acronyms[key].append((org, text, is_field))
    expansions: dict[str, list[tuple[Candidate, str, bool]]] = defaultdict(list)
    for org in organizations:
        for text in _names(org):
            wholes = set(initials(text))
            for letters in (wholes | partial_initials(text)) & acronyms.keys():
                expansions[letters].append((org, text, letters in wholes))
    found = []
    for letters, holders in acronyms.items():
        found += _expansion_pairs(holders, expansions.get(letters, []))
        if len({org.id for org, _text, _field in holders}) <= MAX_READINGS + 1:
            for (a, a_text, a_field), (b, b_text, b_field) in combinations(holders, 2):
                if a.id != b.id and (a_field or b_field):
                    found.append(pair(a, b, DuplicateReason.ACRONYM, 85,
                                      f"both go by “{a_text}”" if a_text == b_text
                                      else f"“{a_text}” and “{b_text}” are one acronym"))
    return found


def _expansion_pairs(
    holders: list[tuple[Candidate, str, bool]], expansions: list[tuple[Candidate, str, bool]]
) -> list[DuplicatePair]:
    """Each organization going by an acronym with the names it may stand for: those whose
    initials it is, else those whose initials hold it (less surely), if there are few."""
    whole = [(org, text) for org, text, is_whole in expansions if is_whole]
    readings, score = (whole, 90) if whole else (
        [(org, text) for org, text, _whole in expansions], 75)
    if len({org.id for org, _text in readings}) > MAX_READINGS:
        return []
    return [pair(holder, org, DuplicateReason.ACRONYM, score,
                 f"“{written}” may stand for “{text}”")
            for holder, written, _field in holders for org, text in readings
            if org.id != holder.id]


def _names(candidate: Candidate) -> list[str]:
    return [text for text in (candidate.name_en, candidate.name_zh, *candidate.aliases) if text]


@cache
def _compound_surnames() -> frozenset[str]:
    return frozenset(vocabulary_lines("compound_surnames.txt"))


def _short_surname(text: str) -> set[str]:
    """The surname keys of a title-and-surname form ("Mr. Fan", "范部长"), else nothing."""
    name = bare_name(text)
    if not name or name == " ".join(text.split()):
        return set()  # no title: a one-word name alone is not taken as a surname
    if all(map(is_cjk, name)):
        if len(name) == 1 or name in _compound_surnames():
            return {folded(name), folded(reading(name, person=True)).replace(" ", "")}
        return set()
    words = folded(name).split()
    return set(words) if len(words) == 1 else set()


def _full_surnames(candidate: Candidate) -> set[str]:
    """Keys of the surname a full name may have: the first or last word of a Latin name,
    the first character (or two) of a Chinese name and its pinyin."""
    keys: set[str] = set()
    words = folded(bare_name(candidate.name_en)).split()
    if len(words) >= 2:
        keys |= {words[0], words[-1]}
    chinese = folded(bare_name(candidate.name_zh))
    if len(chinese) >= 2 and all(map(is_cjk, chinese)):
        surname = chinese[:2] if chinese[:2] in _compound_surnames() else chinese[:1]
        keys |= {surname, folded(reading(chinese, person=True)).split()[0]}
    return keys


def short_form_pairs(candidates: Sequence[Candidate]) -> list[DuplicatePair]:
    """A person named by title and surname only ("Mr. Fan") and one with a full name of that
    surname ("Fan Xiaojian") with evidence in the same document; never across documents."""
    people = [c for c in candidates if c.kind is RecordKind.PERSON and c.document_ids]
    shorts: list[tuple[Candidate, str, set[str]]] = []
    full_names: dict[tuple[int, str], list[Candidate]] = defaultdict(list)
    for person in people:
        short = [(text, keys) for text in (person.name_en, person.name_zh)
                 if text and (keys := _short_surname(text))]
        if short:
            shorts.append((person, short[0][0], set().union(*(keys for _t, keys in short))))
            continue
        for key in _full_surnames(person):
            for document_id in person.document_ids:
                full_names[(document_id, key)].append(person)
    found = []
    for person, written, keys in shorts:
        matches = {full.id: full for document_id in person.document_ids for key in keys
                   for full in full_names.get((document_id, key), ())}
        score = 85 if len(matches) == 1 else 60
        for full in matches.values():
            found.append(pair(person, full, DuplicateReason.SHORT_FORM, score,
                              f"“{written}” may be {full.name_en or full.name_zh}, quoted in "
                              "the same document"))
    return found
