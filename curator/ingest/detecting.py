"""Telling which legacy encoding undeclared bytes are in, once they are known not to be UTF-8.

The candidates are the encodings a curator's sources are saved in besides UTF-8 and UTF-16:

- GB18030 — mainland Chinese; a superset of GBK and GB2312, so those files decode too;
- Big5 — Traditional Chinese (Taiwan, Hong Kong);
- Shift-JIS and EUC-JP — Japanese;
- EUC-KR — Korean;
- Windows-1251 and KOI8-R — Russian and other Cyrillic;
- Windows-1252 — French, German, Portuguese, Spanish…; it reads every printable Latin-1
  (ISO 8859-1) character the same way, so Latin-1 files need no candidate of their own,
  and leaving Latin-1 out means not every byte string decodes.

UTF-16 is not a candidate: it is recognized by its byte-order mark or by its NUL bytes
before detection starts. The list is short on purpose: charset-normalizer left to choose
among all its code pages picks exotic ones for short texts (Mac Cyrillic, EBCDIC, …).

Each candidate that decodes the bytes strictly, into text without private-use or
unassigned characters, is a reading. The readings are judged in three steps:

1. Shape: Latin text with accents read as Windows-1252 has its non-ASCII characters alone
   inside Latin words; read as GB18030 it has ideographs that swallow a letter. When the
   Windows-1252 reading has that shape, it wins (as the decoder always did).
2. Repertoire: the share of a reading's non-ASCII characters that are ones its language
   uses every day (GB2312 level-1 hanzi, Big5 frequent characters, JIS level-1 kanji and
   kana, Hangul syllables, Cyrillic or accented Latin words in a sane case pattern).
   Readings close to the best share stay in the running; when even the best share is
   under half, nothing reads as text and the bytes are refused.
3. charset-normalizer, limited to those readings, ranks them by how chaotic and how
   coherent each text is. With too few non-ASCII bytes to judge, two readings that differ
   are refused as ambiguous rather than one picked at random.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import charset_normalizer

from curator.domain.translation import _
from curator.errors import ImportRefused
from curator.ingest.text_faults import encoding_label, first_unusual_character

CANDIDATE_ENCODINGS: tuple[str, ...] = (
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp1251",
    "koi8-r",
    "cp1252",
)
"""The encodings tried, most likely first: ties in every other respect go to the earlier."""

_WESTERN = "cp1252"
_WESTERN_SHARE = 0.5  # over this share of non-ASCII runs are lone characters in Latin words
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_SAMPLE_CHARS = 20_000  # enough text to judge a reading by; long files are not read twice
_MIN_SHARE = 0.5  # a reading with fewer everyday characters than this is not text
_CONTENDER_MARGIN = 0.1  # readings this close to the best repertoire share stay in the running
_MIN_EVIDENCE_BYTES = 16  # fewer non-ASCII bytes than this cannot tell two readings apart
_LETTERS = re.compile(r"[^\W\d_]+")
_WESTERN_LETTERS = frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýœšžßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒŠŽ")
_SHORT_WORD = 3  # letters; "été", "où", "à" may be mostly accents, longer words are not
_COMMON_PUNCTUATION = frozenset("“”‘’„«»–—…№°€•·")


@dataclass(frozen=True)
class _Repertoire:
    """Everyday characters of a double-byte encoding: those with these lead bytes in `codec`."""

    codec: str
    lead_bytes: frozenset[int]


def _leads(*spans: tuple[int, int]) -> frozenset[int]:
    return frozenset(byte for first, last in spans for byte in range(first, last + 1))


_JIS_EVERYDAY = _Repertoire("euc_jp", _leads((0xA1, 0xA5), (0xB0, 0xCF)))  # kana, level-1 kanji
_REPERTOIRES: dict[str, _Repertoire] = {
    "gb18030": _Repertoire("gb2312", _leads((0xA1, 0xA3), (0xB0, 0xD7))),  # level-1 hanzi
    "big5": _Repertoire("big5", _leads((0xA1, 0xC5))),  # symbols, frequent characters
    "shift_jis": _JIS_EVERYDAY,
    "euc_jp": _JIS_EVERYDAY,
    "euc_kr": _Repertoire("euc_kr", _leads((0xA1, 0xA3), (0xB0, 0xC8))),  # Hangul syllables
}
_ALPHABETS: dict[str, str] = {"cp1251": "CYRILLIC", "koi8-r": "CYRILLIC", "cp1252": "LATIN"}


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8 in the candidate encoding that reads them as text.

    Returns the text and the codec name, or None when no candidate gives clean text
    (strictly decoded, no private-use or unassigned characters, mostly everyday ones).
    Raises ImportRefused when the text is too short to tell two different readings apart.
    """
    readings = _readings(data)
    if not readings:
        return None
    western = readings.get(_WESTERN)
    chinese = readings.get("gb18030")
    if (
        western is not None
        and _looks_western(western)
        and (chinese is None or _looks_western(chinese))
    ):
        return western, _WESTERN
    contenders = _contenders(readings)
    if not contenders:
        return None
    if len(set(contenders.values())) == 1:
        encoding = next(iter(contenders))
        return contenders[encoding], encoding
    if sum(byte > 0x7F for byte in data[: _SAMPLE_CHARS * 2]) < _MIN_EVIDENCE_BYTES:
        raise ImportRefused(_ambiguous(contenders))
    encoding = _ranked_by_charset_normalizer(data, contenders)
    return contenders[encoding], encoding


def _readings(data: bytes) -> dict[str, str]:
    """Each candidate's strict decoding whose sample holds no private-use or unassigned char."""
    readings = {}
    for encoding in CANDIDATE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # The sample decides here; decode_bytes checks the whole of the reading it returns.
        if first_unusual_character(text[:_SAMPLE_CHARS]) is None:
            readings[encoding] = text
    return readings


def _looks_western(text: str) -> bool:
    """Whether the non-ASCII letters sit alone inside Latin words, as accents do.

    Latin-1 "café" read as GB18030 becomes "caf" plus one ideograph that swallowed the next
    letter; real Chinese comes in runs of several characters. So in the right reading of
    Western text most non-ASCII runs are one accented letter touching an ASCII letter.
    Runs of punctuation (curly quotes, dashes) say nothing either way and are not counted;
    symbols do count against, for Big5 read as Windows-1252 is "¥x¥_" rather than "台北".
    """
    sample = text[:_SAMPLE_CHARS]
    runs = [
        run
        for run in _NON_ASCII_RUN.finditer(sample)
        if not set(run.group()) <= _COMMON_PUNCTUATION
    ]
    if not runs:
        return False

    def inside_word(run: re.Match[str]) -> bool:
        before = sample[run.start() - 1] if run.start() else ""
        after = sample[run.end()] if run.end() < len(sample) else ""
        touches_letter = any(ch.isascii() and ch.isalpha() for ch in (before, after))
        return run.group() in _WESTERN_LETTERS and touches_letter

    return sum(map(inside_word, runs)) > len(runs) * _WESTERN_SHARE


def _contenders(readings: dict[str, str]) -> dict[str, str]:
    """The readings whose share of everyday characters is close to the best one's.

    None at all when even the best reading is mostly rare characters or garbled words.
    """
    shares = {encoding: _everyday_share(text, encoding) for encoding, text in readings.items()}
    best = max(shares.values())
    if best < _MIN_SHARE:
        return {}
    return {
        encoding: text
        for encoding, text in readings.items()
        if shares[encoding] >= best - _CONTENDER_MARGIN
    }


def _everyday_share(text: str, encoding: str) -> float:
    """The share of the non-ASCII characters in text that its language uses every day."""
    sample = text[:_SAMPLE_CHARS]
    counts = Counter(char for char in sample if not char.isascii())
    total = sum(counts.values())
    if not total:
        return 1.0
    if encoding in _REPERTOIRES:
        repertoire = _REPERTOIRES[encoding]
        everyday = sum(n for char, n in counts.items() if _is_everyday(char, repertoire))
    else:
        everyday = _letters_in_words(sample, _ALPHABETS[encoding])
        everyday += sum(counts[char] for char in _COMMON_PUNCTUATION)
    return everyday / total


def _is_everyday(char: str, repertoire: _Repertoire) -> bool:
    try:
        encoded = char.encode(repertoire.codec)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] in repertoire.lead_bytes


def _letters_in_words(text: str, alphabet: str) -> int:
    """How many non-ASCII letters stand in words of one alphabet with a sane case pattern.

    Read in the wrong code page, Russian comes out in mixed case ("дЕЛЕГАЦИЯ") or as
    accented Latin ("Äåëåãàöèÿ"), and French as Latin words with Cyrillic in them ("Pйkin").
    """
    count = 0
    for word in _LETTERS.findall(text):
        non_ascii = sum(not char.isascii() for char in word)
        if non_ascii and _is_word_of(word, alphabet):
            count += non_ascii
    return count


def _is_word_of(word: str, alphabet: str) -> bool:
    if alphabet == "LATIN":
        # Accents are sprinkled: "été", "à", "Düsseldorf", never "Âèçèò" (Cyrillic misread).
        accented = sum(not char.isascii() for char in word)
        in_alphabet = all(char.isascii() or char in _WESTERN_LETTERS for char in word) and (
            len(word) <= _SHORT_WORD or accented * 2 <= len(word)
        )
    else:
        in_alphabet = all(unicodedata.name(char, "").startswith(alphabet) for char in word)
    return in_alphabet and (word.islower() or word.isupper() or word.istitle())


def _ranked_by_charset_normalizer(data: bytes, contenders: dict[str, str]) -> str:
    """The contender charset-normalizer finds least chaotic; the most likely one if it has none."""
    matches = charset_normalizer.from_bytes(
        data, cp_isolation=list(contenders), preemptive_behaviour=False
    )
    for match in matches:
        encoding = codecs.lookup(match.encoding).name
        if encoding in contenders:
            return encoding
    return next(iter(contenders))


def candidate_names() -> str:
    """The candidate encodings as a user knows them, for messages."""
    return _names(CANDIDATE_ENCODINGS)


def _names(encodings: Iterable[str]) -> str:
    labels = [encoding_label(encoding) for encoding in encodings]
    if len(labels) == 1:
        return labels[0]
    return _("{some} or {last}").format(some=", ".join(labels[:-1]), last=labels[-1])


def _ambiguous(contenders: dict[str, str]) -> str:
    return _("The file's text encoding was not recognized for certain: the file is too "
             "short to tell whether it is {encodings}, which read it differently. Save it as "
             "UTF-8 and import it again.").format(encodings=_names(contenders))
