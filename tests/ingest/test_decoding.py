"""Decoding file bytes: encodings detected, binary and empty files refused."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from curator.errors import ImportRefused
from curator.ingest.decoding import decode_bytes

ENGLISH = "International Cooperation\n\n【Visits】In 2012, “LGOP” sent 33 delegations.\n"
CHINESE = "国务院扶贫开发领导小组办公室\n\n【考察访问】2012年，共派出33个团组。\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def test_utf8_without_bom_is_decoded_as_utf8() -> None:
    assert decode_bytes(CHINESE.encode("utf-8")) == (CHINESE, "utf-8")


def test_utf8_with_bom_is_decoded_without_the_bom() -> None:
    assert decode_bytes(ENGLISH.encode("utf-8-sig")) == (ENGLISH, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded_in_either_byte_order(codec: str) -> None:
    data = "\ufeff".encode(codec) + ENGLISH.encode(codec)

    assert decode_bytes(data) == (ENGLISH, "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_told_by_its_nul_bytes(codec: str) -> None:
    assert decode_bytes(ENGLISH.encode(codec)) == (ENGLISH, codec)


def test_utf16_without_bom_keeps_chinese_text() -> None:
    text = "Poverty Reduction 国务院扶贫开发领导小组办公室 (LGOP)\n" * 3

    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_text_with_a_stray_nul_is_refused_rather_than_read_as_utf16() -> None:
    data = b"Overview\n\nLGOP sent 33 delegations abroad in 2012." + b"\x00" + b"x"

    with pytest.raises(ImportRefused, match="NUL bytes"):
        decode_bytes(data)


def test_utf32_with_bom_is_not_taken_for_utf16() -> None:
    assert decode_bytes(ENGLISH.encode("utf-32")) == (ENGLISH, "utf-32")


def test_gb18030_chinese_is_decoded() -> None:
    assert decode_bytes(CHINESE.encode("gb18030")) == (CHINESE, "gb18030")


def test_gbk_chinese_is_decoded_as_gb18030() -> None:
    text, encoding = decode_bytes(CHINESE.encode("gbk"))

    assert (text, encoding) == (CHINESE, "gb18030")


def test_returned_encoding_decodes_the_bytes_exactly() -> None:
    data = ENGLISH.encode("utf-16")

    text, encoding = decode_bytes(data)

    assert data.decode(encoding) == text


def test_empty_file_is_refused() -> None:
    with pytest.raises(ImportRefused, match="empty"):
        decode_bytes(b"")


def test_byte_order_mark_alone_is_refused_as_empty() -> None:
    with pytest.raises(ImportRefused, match="empty"):
        decode_bytes(b"\xef\xbb\xbf")


def test_white_space_only_file_is_refused() -> None:
    with pytest.raises(ImportRefused, match="white space"):
        decode_bytes(b"  \r\n\t\n   \n")


def test_png_header_is_refused_as_binary() -> None:
    with pytest.raises(ImportRefused, match="binary"):
        decode_bytes(PNG_HEADER + bytes(range(256)))


def test_random_bytes_with_nuls_are_refused_as_binary() -> None:
    data = bytearray(random.Random(2012).randbytes(4096))
    data[100:104] = b"\x00\x00\x00\x00"

    with pytest.raises(ImportRefused, match="binary"):
        decode_bytes(bytes(data))


def test_zip_archive_is_refused_as_binary() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("chapter.txt", ENGLISH * 20)

    with pytest.raises(ImportRefused, match="binary"):
        decode_bytes(buffer.getvalue())


def test_text_full_of_control_characters_is_refused_as_binary() -> None:
    data = b"a\x01\x02\x03b\x04\x05\x06c\x07\x08\x0e" * 50

    with pytest.raises(ImportRefused, match="control characters"):
        decode_bytes(data)


def test_a_few_control_characters_are_accepted() -> None:
    text = "Plain text with one stray escape \x1b and a form feed \f.\n" * 5

    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_bytes_in_no_known_encoding_are_refused() -> None:
    with pytest.raises(ImportRefused, match="encoding was not recognized"):
        decode_bytes(b"caf\xe9 \xff\xfe\xff")


def test_damaged_utf16_after_a_bom_is_refused() -> None:
    data = b"\xff\xfe" + "Title".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate

    with pytest.raises(ImportRefused, match="not valid UTF-16"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "text",
    [
        "Les cafés de Paris et la crème brûlée sont délicieuses.",
        "Café au lait",
        "“Quoted” text with – dashes and a naïve résumé.",
        "Müller und Schäfer über Straße",
    ],
)
def test_windows_1252_text_is_not_mistaken_for_chinese(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(
    "text",
    [
        "国务院扶贫开发领导小组办公室副主任郑文凯率团访问巴西。",
        "LGOP副主任 Zheng Wenkai 在北京。",
        "第1章 概况",
    ],
)
def test_gbk_text_mixed_with_latin_stays_chinese(text: str) -> None:
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_private_use_character_is_refused_naming_it_and_its_line() -> None:
    data = "Visits\n\nThe delegation met \ue000 officials.".encode()

    with pytest.raises(ImportRefused, match=r"U\+E000 on line 3: a private-use character"):
        decode_bytes(data)


def test_unassigned_code_point_is_refused() -> None:
    with pytest.raises(ImportRefused, match=r"U\+0378 on line 1: a code point that is not"):
        decode_bytes("Training \u0378 seminar".encode("utf-16"))


def test_big5_bytes_are_not_stored_as_gb18030_private_use_characters() -> None:
    text = "國際交流與合作：代表團於五月訪問台北，參加培訓研討會。"
    as_gb18030 = text.encode("big5").decode("gb18030")  # what the old decoder stored

    assert "\ue6be" in as_gb18030
    assert decode_bytes(text.encode("big5")) == (text, "big5")


def test_undecodable_bytes_are_refused_with_byte_offset_and_line() -> None:
    data = b"Visits\n\nIn 2012, LGOP sent 33 delegations.\n" + b"\x98\x81\x8d\x9d\x90" * 4

    with pytest.raises(ImportRefused, match=r"not valid UTF-8 at byte 43 \(line 4\)"):
        decode_bytes(data)


def test_damaged_utf16_is_refused_with_the_byte_offset() -> None:
    data = b"\xff\xfe" + "Title\n".encode("utf-16-le") + b"\x00\xd8"

    with pytest.raises(ImportRefused, match=r"not valid UTF-16 at byte 14 \(line 2\)"):
        decode_bytes(data)


def test_byte_offset_after_a_utf8_bom_counts_the_bom() -> None:
    with pytest.raises(ImportRefused, match=r"not valid UTF-8 at byte 5 \(line 2\)"):
        decode_bytes(b"\xef\xbb\xbfA\n\xff")


def test_declared_encoding_is_used_for_markup() -> None:
    page = '<meta charset="big5"><p>代表團訪問台北</p>'

    assert decode_bytes(page.encode("big5"), markup=True) == (page, "big5")


def test_declaration_is_ignored_in_plain_text() -> None:
    text = '<meta charset="big5"> 代表团访问巴西和墨西哥，考察农村发展项目。'

    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_utf8_page_with_a_stale_declaration_is_read_as_utf8() -> None:
    page = '<meta charset="gb2312"><p>国务院扶贫办代表团访问巴西。</p>'

    assert decode_bytes(page.encode("utf-8"), markup=True) == (page, "utf-8")


def test_wrong_declaration_falls_back_to_detection() -> None:
    page = '<meta charset="shift_jis"><p>國際交流與合作：代表團於五月訪問台北。</p>'

    assert decode_bytes(page.encode("big5"), markup=True) == (page, "big5")


def test_unknown_declared_encoding_is_ignored() -> None:
    page = '<meta charset="no-such-code"><p>Délégation reçue à Pékin.</p>'

    assert decode_bytes(page.encode("cp1252"), markup=True) == (page, "cp1252")


def test_undecodable_page_names_its_declared_encoding() -> None:
    page = b'<meta charset="big5"><p>' + b"\x98\x81\x8d\x9d\x90" * 4

    with pytest.raises(ImportRefused, match=r"Big5 \(Traditional Chinese\) as the page declares"):
        decode_bytes(page, markup=True)
