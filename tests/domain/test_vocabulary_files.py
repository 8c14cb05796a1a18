"""The vocabularies shipped beside the domain read as lines and rows."""

from curator.domain.vocabulary_files import vocabulary_lines, vocabulary_rows


def test_comments_and_blank_lines_are_skipped() -> None:
    assert all(not line.startswith("#") and line for line in vocabulary_lines("honorifics.txt"))


def test_rows_have_two_columns() -> None:
    assert ("单", "shan") in vocabulary_rows("surname_readings.tsv")
