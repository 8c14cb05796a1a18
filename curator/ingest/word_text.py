"""Reading a Word (.docx) file: paragraphs and tables in order, heading styles as sections."""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from curator.domain.translation import _
from curator.errors import ImportRefused
from curator.ingest.layout import LaidOutText, TextLayout
from curator.ingest.sections import TITLE_LEVEL

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import BaseStyle
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# Built-in heading styles keep their English names in the file whatever Word's language.
_HEADING_STYLE = re.compile(r"(?:heading|标题|標題)\s*(\d)", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题", "標題"})
_BODY_OUTLINE_LEVEL = 9  # w:outlineLvl 9 means body text; 0-8 are heading levels 1-9


def read_word(data: bytes) -> LaidOutText:
    """The normalized text of a .docx file with its headings as sections.

    A paragraph in a heading style (Heading 1-9, or a style with an outline level) is a
    section at that level, one in the Title style the document's title. Raises ImportRefused
    for a file that is not a readable Word document.
    """
    document = _open(data)
    layout = TextLayout()
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            layout.add_paragraph(_table_text(block))
        else:
            layout.add_paragraph(block.text, heading_level=_heading_level(block))
    return layout.finished()


def _open(data: bytes) -> DocxDocument:
    from docx import Document  # imported when a Word file is read: ~0.2 s
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportRefused(
            _("The file is not a readable Word document (.docx); it may be damaged, or an old "
              ".doc file renamed. Save it from Word as .docx and import it again.")
        ) from error


def _table_text(table: Table) -> str:
    """A table's rows on lines of their own, cells a tab apart (merged cells once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or text != cells[-1]:  # a merged cell repeats itself across columns
                cells.append(text)
        rows.append("\t".join(cells))
    return "\n".join(rows)


def _heading_level(paragraph: Paragraph) -> int | None:
    """The section level of a heading paragraph (0 for the title), None for body text."""
    outline = _outline_level(paragraph._p.pPr)
    if outline is not None:
        return outline
    style: BaseStyle | None = paragraph.style
    while style is not None:  # a style without a level may inherit one from its base
        name = (style.name or "").strip().lower()
        if name in _TITLE_STYLES:
            return TITLE_LEVEL
        if match := _HEADING_STYLE.fullmatch(name):
            return int(match[1])
        outline = _outline_level(style.element.pPr)
        if outline is not None:
            return outline
        style = getattr(style, "base_style", None)
    return None


def _outline_level(properties: object) -> int | None:
    """The heading level a paragraph's or style's w:outlineLvl gives, if any."""
    from docx.oxml.ns import qn

    if properties is None:
        return None
    element = properties.find(qn("w:outlineLvl"))  # type: ignore[attr-defined]
    if element is None:
        return None
    value = int(element.get(qn("w:val"), _BODY_OUTLINE_LEVEL))
    return None if value >= _BODY_OUTLINE_LEVEL else value + 1
