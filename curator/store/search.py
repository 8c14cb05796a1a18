"""Queries on the search index: records by their search keys, passages by their text.

Records are looked up tier by tier, best first, until a page is full: a name that is the
query (or its pinyin), a name that starts with it, an alias or other field that is or starts
with it (B-tree range scans), then the query anywhere in a key. That last tier uses, on
SQLite, FTS5 over trigrams for three characters or more and over single Han characters for
Chinese of any length; on PostgreSQL, LIKE served by a pg_trgm index.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, func, select, table
from sqlmodel import Session

from curator.domain.language import is_cjk
from curator.domain.passages import locate, snippet
from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.search_keys import SearchField, SearchQuery, spaced_han
from curator.domain.search_results import MatchRank, PassageHit, RecordHit
from curator.store.tables import DocumentRow, PassageRow, RecordRow, SearchKeyRow

_KEYS = SearchKeyRow.__table__  # type: ignore[attr-defined]
_PASSAGES = PassageRow.__table__  # type: ignore[attr-defined]
_DOCUMENTS = DocumentRow.__table__  # type: ignore[attr-defined]
_RECORDS = RecordRow.__table__  # type: ignore[attr-defined]
# SQLite's FTS5 tables (migration 0003), indexing the columns of the same names by rowid.
_KEY_TRIGRAMS = table("search_key_trigrams", column("rowid"), column("form"))
_KEY_HAN = table("search_key_han", column("rowid"), column("han"))
_PASSAGE_TRIGRAMS = table("passage_trigrams", column("rowid"), column("text"))
_PASSAGE_HAN = table("passage_han", column("rowid"), column("han"))
_MIN_TRIGRAM = 3
_ROWS_PER_HIT = 4
"""A record has several keys (pinyin spelled three ways…): rows fetched per hit wanted."""


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _phrase(text: str) -> str:
    """`text` as an FTS5 phrase query."""
    return '"' + text.replace('"', '""') + '"'


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _starts_with(form: Any, prefix: str, *, sqlite: bool) -> ColumnElement[bool]:
    """`form` starts with `prefix`, as a range an index serves on either database."""
    if sqlite:  # binary collation: the strings from prefix up to its successor
        return and_(form >= prefix, form < prefix[:-1] + chr(ord(prefix[-1]) + 1))
    return form.like(_like_escaped(prefix) + "%", escape="\\")  # text_pattern_ops


def _key_query(condition: ColumnElement[bool], *order: Any) -> Select[Any]:
    return select(_KEYS.c.record_id, _KEYS.c.field, _KEYS.c.value).where(condition).order_by(
        *order)


def _record_tiers(query: SearchQuery, *, sqlite: bool) -> Iterator[tuple[MatchRank, Select[Any]]]:
    """Statements finding record keys, best matches first."""
    whole = [query.folded, *query.pinyin]
    # The query's pinyin must end where a word does: 范 is "fan", and finds "Fan Xiaojian"
    # but not "Fang Wei".
    starts = [query.folded, *(form + " " for form in query.pinyin)]
    weight, form = _KEYS.c.weight, _KEYS.c.form
    # Ordered as the index is (by form), so that no match is sorted before the page is cut.
    yield MatchRank.EXACT_NAME, _key_query(and_(weight == 0, form.in_(whole)), form)
    for start in starts:
        yield MatchRank.NAME_PREFIX, _key_query(
            and_(weight == 0, _starts_with(form, start, sqlite=sqlite)), form)
    for other in (1, 2):
        yield MatchRank.OTHER_FIELD, _key_query(and_(weight == other, form.in_(whole)), form)
        for start in starts:
            yield MatchRank.OTHER_FIELD, _key_query(
                and_(weight == other, _starts_with(form, start, sqlite=sqlite)), form)
    inside = _key_substring(query, sqlite=sqlite)
    if inside is not None:
        yield MatchRank.SUBSTRING, inside


def _key_substring(query: SearchQuery, *, sqlite: bool) -> Select[Any] | None:
    """Keys with the query inside them, or None for a query too short to look inside for."""
    needle = query.substring
    if needle is None:
        return None
    columns = (_KEYS.c.record_id, _KEYS.c.field, _KEYS.c.value)
    if not sqlite:
        return select(*columns).where(_KEYS.c.form.like("%" + _like_escaped(needle) + "%",
                                                       escape="\\"))
    if query.han_only:  # characters in a row, then checked as a substring
        return (select(*columns).select_from(_KEY_HAN.join(_KEYS, _KEYS.c.id == _KEY_HAN.c.rowid))
                .where(_KEY_HAN.c.han.op("MATCH")(_phrase(spaced_han(needle) or needle)),
                       func.instr(_KEYS.c.form, needle) > 0))
    return (select(*columns)
            .select_from(_KEY_TRIGRAMS.join(_KEYS, _KEYS.c.id == _KEY_TRIGRAMS.c.rowid))
            .where(_KEY_TRIGRAMS.c.form.op("MATCH")(_phrase(needle))))


def find_records(session: Session, query: SearchQuery, *, limit: int) -> list[RecordHit]:
    """Up to `limit` records matching `query`, best first, each once with its best match."""
    if not query.folded or limit <= 0:
        return []
    found: dict[int, tuple[MatchRank, str, str]] = {}
    for rank, statement in _record_tiers(query, sqlite=_is_sqlite(session)):
        for record_id, field, value in session.execute(statement.limit(limit * _ROWS_PER_HIT)):
            found.setdefault(record_id, (rank, field, value))
        if len(found) >= limit:
            break
    ids = list(found)[:limit]
    records = {row.id: row for row in session.execute(
        select(_RECORDS.c.id, _RECORDS.c.kind, _RECORDS.c.key, _RECORDS.c.name_en,
               _RECORDS.c.name_zh, _RECORDS.c.status).where(_RECORDS.c.id.in_(ids)))}
    return [
        RecordHit(record_id, RecordKind(row.kind), row.key, row.name_en, row.name_zh,
                  ReviewStatus(row.status), SearchField(found[record_id][1]),
                  found[record_id][2], found[record_id][0])
        for record_id in ids if (row := records.get(record_id)) is not None
    ]


def _passage_query(needle: str, *, sqlite: bool) -> Select[Any] | None:
    """Passages containing `needle` in document order (document id, start, end), or None
    for a query too short to look for."""
    han_only = all(map(is_cjk, needle))
    if not han_only and len(needle) < _MIN_TRIGRAM:
        return None
    columns = (_PASSAGES.c.document_id, _PASSAGES.c.start, _PASSAGES.c.end)
    if not sqlite:
        return select(*columns).where(
            _PASSAGES.c.text.like("%" + _like_escaped(needle) + "%", escape="\\")
        ).order_by(_PASSAGES.c.id)
    # Ordered by the full-text table's rowid, which it returns in order: sorting by the
    # passage's id would sort every match before the page is cut (5 ms for 北京).
    if han_only:
        return (select(*columns)
                .select_from(_PASSAGE_HAN.join(_PASSAGES, _PASSAGES.c.id == _PASSAGE_HAN.c.rowid))
                .where(_PASSAGE_HAN.c.han.op("MATCH")(_phrase(spaced_han(needle) or needle)),
                       func.instr(_PASSAGES.c.text, needle) > 0)
                .order_by(_PASSAGE_HAN.c.rowid))
    return (select(*columns)
            .select_from(_PASSAGE_TRIGRAMS.join(_PASSAGES,
                                                _PASSAGES.c.id == _PASSAGE_TRIGRAMS.c.rowid))
            .where(_PASSAGE_TRIGRAMS.c.text.op("MATCH")(_phrase(needle)))
            .order_by(_PASSAGE_TRIGRAMS.c.rowid))


def find_passages(session: Session, query: SearchQuery, *, limit: int) -> list[PassageHit]:
    """Up to `limit` paragraphs containing the query, in document order, each with its first
    hit as offsets into the document's text."""
    needle = query.passage_text
    statement = _passage_query(needle, sqlite=_is_sqlite(session)) if needle else None
    if statement is None or limit <= 0:
        return []
    rows = session.execute(statement.limit(limit)).all()
    # Each document's text read once, not once per passage.
    documents = {row.id: row for row in session.execute(
        select(_DOCUMENTS.c.id, _DOCUMENTS.c.title, _DOCUMENTS.c.text)
        .where(_DOCUMENTS.c.id.in_({row.document_id for row in rows})))}
    hits = []
    for document_id, start, end in rows:
        document = documents[document_id]
        paragraph = document.text[start:end]
        place = locate(paragraph, needle)
        if place is not None:
            hits.append(PassageHit(document_id, document.title, start + place[0],
                                   start + place[1], snippet(paragraph, *place)))
    return hits
