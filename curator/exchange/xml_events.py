"""Parsing an untrusted XML part safely, element by element: a DTD (so any entity) is refused
before anything is parsed, and every fault of the XML or of the archive becomes
WorkbookInvalid."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree.ElementTree import ParseError, XMLPullParser

from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from curator.domain.translation import _
from curator.exchange.sheet_rows import refuse

PROLOG_LIMIT = 1 << 16
"""Bytes read at first: where a DTD would have to stand."""
_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def check_prolog(head: bytes, what: str) -> None:
    """Refuse a document declaring a DTD (so entities: defusedxml's `forbid_dtd`).

    A DTD can stand only in the prolog, before the root element starts; expat refuses one
    anywhere later, so looking there is enough. Parsing then needs no DTD handling at all.
    """
    encoding = next((name for bom, name in _BOMS.items() if head.startswith(bom)), "utf-8")
    text = head.decode(encoding, errors="replace")
    root = re.search(r"<[^?!]", text)
    prolog = text if root is None else text[:root.start()]
    if "<!DOCTYPE" in prolog or "<!ENTITY" in prolog or (
            root is None and len(head) >= PROLOG_LIMIT):
        raise DTDForbidden(what, None, None)


def events(stream: IO[bytes], what: str, on_chunk: Callable[[int], None] | None = None,
           ) -> Iterator[Any]:
    """The elements of a part as each ends (ElementTree's C parser), turning XML faults into
    WorkbookInvalid; a DTD is refused before anything is parsed."""
    parser: XMLPullParser = XMLPullParser(events=("end",))
    done = 0
    try:
        with stream:
            head = stream.read(PROLOG_LIMIT)
            check_prolog(head, what)
            chunk = head
            while chunk:
                parser.feed(chunk)
                done += len(chunk)
                yield from parser.read_events()
                if on_chunk is not None:
                    on_chunk(done)
                chunk = stream.read(1 << 18)
            parser.close()
            yield from parser.read_events()
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
        raise refuse(_("{what} declares a DTD or entities, which workbooks never "
                        "need; it is refused.").format(what=what)) from error
    except ParseError as error:
        raise refuse(not_well_formed(what, error)) from error
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise refuse(cannot_unpack(what)) from error


def not_well_formed(what: str, error: Exception) -> str:
    """A workbook part that is not XML, in our words (the parser's are English)."""
    line = getattr(error, "lineno", None) or (getattr(error, "position", None) or (None,))[0]
    if line:
        return _("{what} is damaged: it is not well-formed XML (line {line}).").format(
            what=what, line=line)
    return _("{what} is damaged: it is not well-formed XML.").format(what=what)


def cannot_unpack(what: str) -> str:
    """A workbook part the zip cannot give back, in our words."""
    return _("{what} is damaged: it cannot be unpacked.").format(what=what)


class Prepended(io.RawIOBase):
    """A stream that first gives back bytes already read from it."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._head:
            cut = size if size is not None and size > 0 else len(self._head)
            taken, self._head = self._head[:cut], self._head[cut:]
            return taken
        return self._rest.read(-1 if size is None else size)

    def close(self) -> None:
        self._rest.close()
        super().close()
