"""Extracting the readable text, the title and the headline of an HTML page.

A page's navigation and site footer are left out of its text: `<nav>`, a `<footer>` outside
the article, and elements whose role, class or id says they are menus, breadcrumbs, sharing
bars or footers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIPPED = frozenset({"head", "script", "style", "noscript", "template", "svg"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements set apart by an empty line, so headings stand alone as the section detector wants.
_PARAGRAPHS = _HEADINGS | {"p", "pre", "blockquote", "table", "ul", "ol", "dl", "hr", "figure"}
_SECTIONING = frozenset({"section", "article", "header", "footer", "main", "nav", "aside"})
# Elements that start a new line.
_LINES = frozenset({"div", "li", "dt", "dd", "tr", "caption", "figcaption", "address", "body"})
_FORMS = frozenset({"details", "summary", "form", "fieldset", "legend"})
_CELLS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space; &nbsp; is content, not this
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
_BOILERPLATE_NAMES = frozenset({
    "nav", "navbar", "navigation", "menu", "topmenu", "mainmenu", "breadcrumb", "breadcrumbs",
    "crumb", "crumbs", "footer", "foot", "copyright", "share", "sharing", "toolbar", "topbar",
})
"""Last word of a class or id that marks a menu, breadcrumb or footer ("site-footer")."""
_NAME_PARTS = re.compile(r"[_-]+")
_CONTENT_ROOTS = frozenset({"article", "main"})  # a <footer> inside one is the article's own
_NEVER_HIDDEN = frozenset({"html", "body", "main", "article"})


@dataclass(frozen=True)
class HtmlPage:
    """What a page holds for a reader: its text, its <title> and its first <h1>."""

    text: str
    title: str | None
    heading: str | None


def read_html(markup: str) -> HtmlPage:
    """The readable text of an HTML page (no scripts, navigation or site footer), its
    <title> and its first top-level heading."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    captured = extractor.captured
    return HtmlPage("".join(extractor.parts), captured.get("title") or None,
                    captured.get("h1") or None)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The readable text of an HTML page and its title (from <title>, else the first <h1>)."""
    page = read_html(markup)
    return page.text, page.title or page.heading


class _TextExtractor(HTMLParser):
    """Collects visible text with line breaks for block elements, and the title candidates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []
        self._pre_depth = 0
        self._pending_breaks = 0
        self._capturing: str | None = None  # "title" or "h1" while inside one
        self.captured: dict[str, str] = {}
        self._capture_parts: list[str] = []
        self._hidden: list[str] = []  # a boilerplate element being left out, and those in it
        self._content_depth = 0  # how many <article> or <main> elements are open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            if tag == self._hidden[0]:
                self._hidden.append(tag)
            return
        if tag in _CONTENT_ROOTS:
            self._content_depth += 1
        elif self._is_boilerplate(tag, attrs):
            self._hidden.append(tag)
            self._break_for("p")
            return
        if tag == "body" and "head" in self._skipping:  # a <head> left open ends here
            del self._skipping[self._skipping.index("head") :]
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in ("title", "h1") and self._may_capture(tag):
            self._capturing, self._capture_parts = tag, []
        if tag == "pre":
            self._pre_depth += 1
        if tag in _CELLS and self.parts and not self._pending_breaks and not self._skipping:
            self.parts.append("\t")  # cells of a row share a line, a tab apart
        self._break_for(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden:
            self._break_for(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag == self._hidden[0]:
                self._hidden.pop()
            return
        if tag in _CONTENT_ROOTS and self._content_depth:
            self._content_depth -= 1
        while tag in self._skipping and self._skipping.pop() != tag:
            continue
        if tag == self._capturing:
            self.captured[tag] = " ".join("".join(self._capture_parts).split())
            self._capturing = None
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        self._break_for(tag)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._capturing:
            self._capture_parts.append(data)
        if self._skipping or self._capturing == "title":
            return
        if not self._pre_depth:
            data = _HTML_SPACE.sub(" ", data)
        if self._pending_breaks or not self.parts:
            data = data if self._pre_depth else data.lstrip(" ")
            if not data:
                return
            if self.parts:
                self.parts.append("\n" * self._pending_breaks)
            self._pending_breaks = 0
        self.parts.append(data)

    def _may_capture(self, tag: str) -> bool:
        """Whether a <title> or <h1> starting here is the page's (not one in an <svg>, say)."""
        if tag in self.captured or self._capturing:
            return False
        return not self._skipping or (tag == "title" and self._skipping == ["head"])

    def _is_boilerplate(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether an element is a page's navigation or footer, by its tag, role or names."""
        if tag in _NEVER_HIDDEN or self._skipping:
            return False
        if tag == "nav" or (tag == "footer" and not self._content_depth):
            return True
        values = dict(attrs)
        if (values.get("role") or "").strip().lower() in _BOILERPLATE_ROLES:
            return True
        names = f"{values.get('class') or ''} {values.get('id') or ''}".lower().split()
        return any(_NAME_PARTS.split(name)[-1] in _BOILERPLATE_NAMES for name in names)

    def _break_for(self, tag: str) -> None:
        """Ask for the line break (or the empty line) that a block tag stands for."""
        if self._skipping:
            return
        if tag == "br":  # each <br> breaks a line: two in a row leave an empty line
            self._request_break(min(self._pending_breaks + 1, 2))
        elif tag in _PARAGRAPHS or tag in _SECTIONING:
            self._request_break(2)
        elif tag in _LINES or tag in _FORMS:
            self._request_break(1)

    def _request_break(self, count: int) -> None:
        """Break the line before the next text, trimming the space left at the end of this one."""
        if self.parts and not self._pending_breaks:
            self.parts[-1] = self.parts[-1].rstrip(" ")
        self._pending_breaks = max(self._pending_breaks, count)
