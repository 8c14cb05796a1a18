"""Word and PDF sources built from code for the importer tests (no binary fixtures kept)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

PdfLine = tuple[float, str]
"""A line of a PDF page: the type size it is set in, and its text."""


def write_docx(path: Path, blocks: Sequence[tuple[str, str]]) -> Path:
    """A .docx of (style, text) paragraphs; the style "table" makes a table of text's rows
    (cells split at '|')."""
    document = Document()
    for style, text in blocks:
        if style == "table":
            rows = [row.split("|") for row in text.split("\n")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for cells, row in zip(rows, table.rows, strict=True):
                for value, cell in zip(cells, row.cells, strict=True):
                    cell.text = value
        else:
            document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def write_pdf(
    path: Path, pages: Sequence[Sequence[PdfLine]], *, bookmarks: Sequence[tuple[str, int]] = ()
) -> Path:
    """A PDF with a text layer (Helvetica, one text object per line) and optional bookmarks
    (title, page index)."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        })
        operations, height = [], 740.0
        for size, text in lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            operations.append(f"BT /F1 {size} Tf 72 {height:.1f} Td ({escaped}) Tj ET")
            height -= size * 1.5
        page[NameObject("/Contents")] = writer._add_object(_stream("\n".join(operations)))
    for title, page_index in bookmarks:
        writer.add_outline_item(title=title, page_number=page_index)
    return _save(writer, path)


def write_scanned_pdf(path: Path, *, page_count: int = 2) -> Path:
    """A PDF whose pages are only images, as a scanner makes them: no text layer."""
    writer = PdfWriter()
    for _ in range(page_count):
        page = writer.add_blank_page(612, 792)
        image = StreamObject()
        image._data = zlib.compress(bytes([200] * 16 * 16))
        image.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(16),
            NameObject("/Height"): NumberObject(16),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): ArrayObject([NameObject("/FlateDecode")]),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/XObject"): DictionaryObject({
                NameObject("/Im1"): writer._add_object(image)})
        })
        page[NameObject("/Contents")] = writer._add_object(
            _stream("q 540 0 0 720 36 36 cm /Im1 Do Q"))
    return _save(writer, path)


def _stream(content: str) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    return stream


def _save(writer: PdfWriter, path: Path) -> Path:
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path
