"""Near-identical spellings: names that differ by a letter or two once titles, case, accents
and word order are set aside ("Gillian Mellsop" and "Gillian Melsop"), within words rather
than by a whole word, and not two pinyin spellings of different Chinese names ("Wang Jianwei"
and "Wang Jianwen": both are pinyin, so a letter apart is another name, not a typo).

Every name is compared only with the names that share the first or last four letters of one
of its rare words, and of those only with names of a length that could still reach the
threshold, so 50,000 people are not 1.25 billion comparisons. A typo at both ends of every
rare word of a name is missed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from curator.identity.candidates import Candidate, DuplicatePair, DuplicateReason, pair
from curator.identity.name_forms import han_name, is_pinyin, spelling

SIMILARITY_THRESHOLD = 90
"""rapidfuzz ratio (0–100, Indel distance) of the sorted words at which two names are
reported: "fan xiaojian" and "fan xiaojain" score 92, "gillian mellsop" and "gillian melsop"
97; "li ming" and "li meng" score 86 and are not (two common names a vowel apart). At 85
too many different Chinese names a letter apart come up; at 95 a typo in a name of
ten letters is missed."""

MIN_LENGTH = 6
"""Shorter names ("li na", "wang") are not compared: a letter changes a short name into
another common one."""

WORD_THRESHOLD = 75
"""Each word that differs between two near-identical names must still score this against
its counterpart: "mellsop"/"melsop" 92, "center"/"centre" 83, but "yunnan"/"hunan" 73, so
the Yunnan and Hunan offices of one kind are two organizations, not a typo."""

MAX_DIFFERENT_WORDS = 2

BLOCK_LETTERS = 4
RARE_SHARE = 0.005
MIN_RARE = 20


def _blocks(spellings: Sequence[str]) -> dict[str, list[int]]:
    """Indexes of the names sharing the first or last letters of a rare word (one that at
    most `RARE_SHARE` of the names have), or, for a name of common words only, the first or
    last letters of the whole (words sorted). Common words ("office", "wang") would make
    blocks of thousands; a rare word is what two spellings of one name share."""
    frequency = Counter(word for text in spellings for word in set(text.split()))
    rare = max(MIN_RARE, int(len(spellings) * RARE_SHARE))
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(spellings):
        if len(text) < MIN_LENGTH:
            continue
        words = [word for word in text.split() if frequency[word] <= rare] or [text]
        for key in {f"^{w[:BLOCK_LETTERS]}" for w in words} | {
                f"${w[-BLOCK_LETTERS:]}" for w in words}:
            blocks[key].append(index)
    return blocks


def _longest_reachable(length: int, threshold: int) -> int:
    """The longest name that can still score `threshold` against one of `length` letters
    (ratio = 2·matches / (a + b) · 100)."""
    return (length * (200 - threshold)) // threshold


def _similar_in_block(
    members: list[int], spellings: Sequence[str], threshold: int
) -> list[tuple[int, int, float]]:
    members = sorted(members, key=lambda index: len(spellings[index]))
    lengths = [len(spellings[index]) for index in members]
    found = []
    for position, index in enumerate(members):
        text = spellings[index]
        end = bisect_right(lengths, _longest_reachable(len(text), threshold))
        others = [spellings[other] for other in members[position + 1:end]]
        for _match, score, offset in process.extract(
            text, others, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        ):
            found.append((index, members[position + 1 + offset], score))
    return found


def words_a_typo_apart(first: str, second: str) -> bool:
    """Whether two spellings (words sorted) differ only within words, not by a whole word."""
    only_first, only_second = first.split(), second.split()
    for word in first.split():
        if word in only_second:
            only_first.remove(word)
            only_second.remove(word)
    if len(only_first) != len(only_second) or len(only_first) > MAX_DIFFERENT_WORDS:
        return False
    if all(map(is_pinyin, first.split() + second.split())):
        return False  # two Chinese names in pinyin: a letter apart is another character
    return all(fuzz.ratio(a, b) >= WORD_THRESHOLD
               for a, b in zip(only_first, only_second, strict=True))


def similar_spelling_pairs(
    candidates: Sequence[Candidate], *, threshold: int = SIMILARITY_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of records of one kind whose names are spelled nearly alike (but not alike:
    identical names are the same-name rule's)."""
    spellings = [spelling(c.kind, c.name_en, c.name_zh) for c in candidates]
    chinese = [han_name(c.name_zh) for c in candidates]
    best: dict[tuple[int, int], float] = {}
    for members in _blocks(spellings).values():
        if len(members) < 2:
            continue
        for first, second, score in _similar_in_block(members, spellings, threshold):
            if chinese[first] and chinese[second] and chinese[first] != chinese[second]:
                continue  # two Chinese names whose pinyin is alike: two people
            if (spellings[first] != spellings[second]
                    and words_a_typo_apart(spellings[first], spellings[second])):
                key = (min(first, second), max(first, second))
                best[key] = max(score, best.get(key, 0))
    return [
        pair(candidates[first], candidates[second], DuplicateReason.SIMILAR_SPELLING,
             int(score), f"“{_shown(candidates[first])}” and “{_shown(candidates[second])}” "
             f"are spelled nearly alike ({score:.0f}%)")
        for (first, second), score in best.items()
    ]


def _shown(candidate: Candidate) -> str:
    return candidate.name_en or candidate.name_zh
