"""Reading source files: supported types, encodings, HTML, refusals and document metadata."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from curator.errors import ImportRefused
from curator.ingest import read_source

CHINESE = "国务院扶贫开发领导小组办公室\n\n【考察访问】2012年，国务院扶贫办共派出33个出访团组。\n"
ENGLISH = "International Cooperation\n\n【Visits】In 2012, LGOP sent\u00a033 delegations.\r\n"

HTML_PAGE = """<html><head><title>Yearbook 2013 &ndash; Cooperation</title>
<script>document.write("ad")</script><style>p { margin: 0 }</style></head>
<body><h1>International Cooperation</h1><p>Exchanges &amp; cooperation grew.</p>
<h2>Visits</h2><p>In 2012, LGOP sent 33 delegations abroad.</p>
<h2>Trainings</h2><p>Seminars were held in Beijing.</p></body></html>"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("codec", "encoding"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_chinese_file_is_read_in_each_encoding(tmp_path: Path, codec: str, encoding: str) -> None:
    path = _write(tmp_path, "chapter.txt", CHINESE.encode(codec))

    source = read_source(path)

    assert (source.text, source.encoding) == (CHINESE.strip(), encoding)


def test_utf16_big_endian_with_bom_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "chapter.txt", "\ufeff".encode("utf-16-be") + ENGLISH.encode("utf-16-be")
    )

    assert read_source(path).text.startswith("International Cooperation\n\n【Visits】")


def test_text_is_normalized(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path, "chapter.txt", ENGLISH.encode("utf-8")))

    assert (
        source.text == "International Cooperation\n\n【Visits】In 2012, LGOP sent 33 delegations."
    )


def test_sections_refer_to_the_normalized_text(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path, "chapter.txt", ("\r\n\r\n" + ENGLISH).encode("utf-16")))

    visits = source.sections[-1]
    assert source.text[visits.start :].startswith("【Visits】")


def test_plain_text_metadata(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path, "lgop-2012.TXT", ENGLISH.encode("utf-8")))

    assert (source.title, source.source_name, source.media_type, source.language) == (
        "International Cooperation",
        "lgop-2012.TXT",
        "text/plain",
        "en",
    )


def test_chinese_text_is_marked_zh(tmp_path: Path) -> None:
    assert read_source(_write(tmp_path, "chapter.txt", CHINESE.encode("utf-8"))).language == "zh"


def test_markdown_file_has_markdown_media_type_and_heading_title(tmp_path: Path) -> None:
    markdown = b"# Annual Report\n\nIntro text.\n\n## Visits\n\nA visit."

    source = read_source(_write(tmp_path, "report.md", markdown))

    assert (source.media_type, source.title) == ("text/markdown", "Annual Report")


def test_html_file_is_converted_to_text(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path, "page.html", HTML_PAGE.encode("utf-8")))

    assert source.text == (
        "International Cooperation\n\nExchanges & cooperation grew.\n\nVisits\n\n"
        "In 2012, LGOP sent 33 delegations abroad.\n\nTrainings\n\nSeminars were held in Beijing."
    )


def test_html_page_is_read_in_the_encoding_it_declares(tmp_path: Path) -> None:
    page = '<html><head><meta charset="big5"><title>國際交流</title></head><body><p>台北</p>'

    source = read_source(_write(tmp_path, "page.html", page.encode("big5")))

    assert (source.title, source.text, source.encoding) == ("國際交流", "台北", "big5")


def test_html_headings_become_sections(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path, "page.htm", HTML_PAGE.encode("utf-8")))

    assert [section.title for section in source.sections] == [
        "International Cooperation",
        "Visits",
        "Trainings",
    ]


def test_html_headline_is_the_document_title_rather_than_the_title_element(
    tmp_path: Path,
) -> None:
    source = read_source(_write(tmp_path, "page.html", HTML_PAGE.encode("utf-8")))

    assert (source.title, source.media_type) == ("International Cooperation", "text/html")


def test_html_title_element_is_the_title_of_a_page_without_a_headline(tmp_path: Path) -> None:
    page = "<title>Yearbook 2013 &ndash; Cooperation</title><p>In 2012, LGOP sent delegations.</p>"

    source = read_source(_write(tmp_path, "page.html", page.encode("utf-8")))

    assert source.title == "Yearbook 2013 – Cooperation"


def test_title_falls_back_to_the_shortened_first_line(tmp_path: Path) -> None:
    sentence = "On July 24, 2012, LGOP Vice Minister Zheng Wenkai met with a delegation headed by"
    path = _write(tmp_path, "notes.txt", f"{sentence} Martin Dahinden.".encode())

    title = read_source(path).title

    assert title == sentence.rsplit(" ", 1)[0] + "…" and len(title) <= 80


def test_demo_chapter_is_read(demo_path: Path) -> None:
    source = read_source(demo_path)

    assert (source.title, source.encoding, source.language) == (
        "International Cooperation",
        "utf-8",
        "en",
    )


def test_unsupported_extension_is_refused_naming_the_supported_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, "chapter.rtf", b"{\\rtf1 text}")

    with pytest.raises(ImportRefused, match=r"chapter\.rtf.*\.txt, \.text, \.md.*\.docx, \.pdf"):
        read_source(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"absent\.txt: The file does not exist"):
        read_source(tmp_path / "absent.txt")


def test_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()

    with pytest.raises(ImportRefused, match="folder, not a file"):
        read_source(tmp_path / "folder.txt")


def test_binary_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")

    with pytest.raises(ImportRefused, match=r"photo\.txt: .*binary"):
        read_source(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="empty"):
        read_source(_write(tmp_path, "empty.txt", b""))


def test_white_space_only_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="white space"):
        read_source(_write(tmp_path, "blank.md", " \n\u00a0\n\t".encode()))


def test_file_of_invisible_characters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no readable text"):
        read_source(_write(tmp_path, "invisible.txt", "\u200b\u200b\n\u2060".encode()))


def test_html_page_without_visible_text_is_refused(tmp_path: Path) -> None:
    page = b"<html><head><title>Empty</title><script>run()</script></head><body></body></html>"

    with pytest.raises(ImportRefused, match="no readable text"):
        read_source(_write(tmp_path, "empty.html", page))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")

    with pytest.raises(ImportRefused, match=r"pipe\.txt: This is a pipe \(FIFO\), not a file"):
        read_source(tmp_path / "pipe.txt")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_endless_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")

    with pytest.raises(ImportRefused, match="This is a device, not a file"):
        read_source(tmp_path / "zero.txt")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_is_refused(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "socket.txt"))

        with pytest.raises(ImportRefused, match="This is a socket, not a file"):
            read_source(tmp_path / "socket.txt")


def test_file_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(100 * 2**20)  # sparse: nothing is written

    with pytest.raises(ImportRefused, match=r"too large to import \(100 MB; at most 64 MB\)"):
        read_source(path)


def test_markdown_underlined_headings_are_sections_and_title(tmp_path: Path) -> None:
    markdown = "Annual Report\n=============\n\nIntro.\n\nVisits\n------\n\nA visit."

    source = read_source(_write(tmp_path, "report.markdown", markdown.encode("utf-8")))

    assert source.title == "Annual Report"
    assert [s.title for s in source.sections] == ["Annual Report", "Visits"]
