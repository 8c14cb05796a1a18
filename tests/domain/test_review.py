"""Review progress and the second-pair-of-eyes rule."""

import pytest

from curator.domain.comments import MAX_COMMENT, clean_comment
from curator.domain.records import ReviewStatus
from curator.domain.review import RecordTies, ReviewProgress, approval_refusal


def test_progress_says_how_many_are_approved_of_all() -> None:
    progress = ReviewProgress.of([ReviewStatus.APPROVED] * 312 + [ReviewStatus.DRAFT] * 228)
    assert progress.describe() == "312 of 540 approved"


def test_progress_follows_a_decision_and_names_rejections() -> None:
    progress = ReviewProgress.of([ReviewStatus.DRAFT, ReviewStatus.DRAFT])
    progress.move(ReviewStatus.DRAFT, ReviewStatus.REJECTED)
    assert progress.describe() == "0 of 2 approved, 1 rejected"
    assert progress.decided == 1


def test_the_last_editor_may_not_approve_and_is_told_why() -> None:
    refusal = approval_refusal(last_editor="Alice", reviewer="alice")
    assert refusal is not None and "second pair of eyes" in refusal and "alice" in refusal


def test_someone_else_may_approve() -> None:
    assert approval_refusal(last_editor="alice", reviewer="bob") is None
    assert approval_refusal(last_editor=None, reviewer="bob") is None


def test_a_comment_is_trimmed_and_may_span_lines() -> None:
    assert clean_comment("  Dates are wrong.\nSee page 3. ") == "Dates are wrong.\nSee page 3."


@pytest.mark.parametrize("text", ["   ", "x" * (MAX_COMMENT + 1), "bad\x07bell"])
def test_a_blank_overlong_or_garbled_comment_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        clean_comment(text)


@pytest.mark.parametrize(("ties", "said"), [
    (RecordTies(3, 2, 1), "3 evidence spans, 2 relations and 1 comment"),
    (RecordTies(1, 0, 2), "1 evidence span and 2 comments"),
    (RecordTies(0, 1, 0), "1 relation"),
    (RecordTies(0, 0, 0), ""),
])
def test_ties_say_what_a_deletion_takes_along(ties: RecordTies, said: str) -> None:
    assert ties.describe() == said
    assert ties.any is bool(said)
