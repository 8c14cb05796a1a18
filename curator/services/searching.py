"""Searching a project: records by any of their names or fields, passages of documents."""

from __future__ import annotations

from curator.domain.search_keys import parse_query
from curator.domain.search_results import SearchResults
from curator.store import search as search_store
from curator.store.database import ProjectDatabase

DEFAULT_LIMIT = 50


def search(database: ProjectDatabase, query: str, *, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """Records and passages matching `query`, at most `limit` of each: records best first
    (exact name, name prefix, alias or other field, substring), then passages in document
    order. Reads only; quick enough to run as the user types."""
    parsed = parse_query(query)
    with database.unit_of_work() as session:
        records = search_store.find_records(session, parsed, limit=limit)
        passages = search_store.find_passages(session, parsed, limit=limit)
    return SearchResults(parsed.text, tuple(records), tuple(passages))
