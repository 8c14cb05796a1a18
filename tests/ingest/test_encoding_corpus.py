"""The encoding corpus: every sample decodes to exactly its text, or is refused, never garbled."""

from __future__ import annotations

import pytest

from curator.errors import ImportRefused
from curator.ingest.decoding import decode_bytes
from tests.ingest.encoding_corpus import EncodedSample, encoded_samples

SAMPLES = encoded_samples()


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
def test_sample_decodes_to_exactly_its_text(sample: EncodedSample) -> None:
    assert decode_bytes(sample.data, markup=sample.markup) == (sample.text, sample.encoding)


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
def test_reported_encoding_decodes_the_bytes_exactly(sample: EncodedSample) -> None:
    text, encoding = decode_bytes(sample.data, markup=sample.markup)

    assert sample.data.decode(encoding) == text


# A word or two, yet enough to tell: the other readings are rare characters, words in a
# mixed case ("лНЯЙБЮ") or Latin words made of accents ("Ìîñêâà").
SHORT_BUT_CLEAR = [
    ("Café au lait", "cp1252"),
    ("Délégation", "cp1252"),
    ("Ação", "cp1252"),
    ("Köln", "cp1252"),
    ("培训", "gbk"),
    ("第1章 概况", "gbk"),
    ("国务院扶贫办", "gbk"),
    ("台北", "big5"),
    ("國際交流", "big5"),
    ("東京", "shift_jis"),
    ("研修会", "shift_jis"),
    ("Москва", "koi8_r"),
    ("Семинар", "cp1251"),
    ("Казань и Москва", "cp1251"),
    ("Учебный семинар", "koi8_r"),
    ("연수 프로그램에 참가", "euc_kr"),
    ("東京と大阪を訪問", "euc_jp"),
]


@pytest.mark.parametrize(("text", "codec"), SHORT_BUT_CLEAR)
def test_short_text_with_one_plausible_reading_is_decoded(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text


# Genuinely ambiguous: the bytes are everyday words in more than one encoding, and a few
# characters are too little for charset-normalizer to judge. Korean EUC-KR syllables are
# always GB2312 level-1 hanzi ("서울" is also "辑匡"); EUC-JP kanji mostly are too ("東京"
# is also "澎叠"); and GBK "代表团" is also EUC-JP "洛山媚". Refusing is the honest answer.
GENUINELY_AMBIGUOUS = [
    ("서울", "euc_kr"),
    ("협력 방안", "euc_kr"),
    ("東京", "euc_jp"),
    ("研修会", "euc_jp"),
    ("代表团", "gbk"),
    ("考察访问", "gbk"),
]


@pytest.mark.parametrize(("text", "codec"), GENUINELY_AMBIGUOUS)
def test_ambiguous_short_text_is_refused_not_guessed(text: str, codec: str) -> None:
    with pytest.raises(ImportRefused, match="too short to tell whether it is"):
        decode_bytes(text.encode(codec))


@pytest.mark.parametrize(
    ("text", "codec"), SHORT_BUT_CLEAR + GENUINELY_AMBIGUOUS + [("訪問団", "shift_jis")]
)
def test_short_text_is_never_garbled(text: str, codec: str) -> None:
    try:
        decoded, _encoding = decode_bytes(text.encode(codec))
    except ImportRefused:
        return
    assert decoded == text
