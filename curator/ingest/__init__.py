"""Reading source files into normalized text with sections, ready to be stored as documents."""

from curator.ingest.reading import SUPPORTED_SUFFIXES, read_source

__all__ = ["SUPPORTED_SUFFIXES", "read_source"]
