"""Names: one folded key for spellings of one name, and titles removed."""

import pytest

from curator.domain.names import fold_name, strip_accents, strip_honorifics


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr. Fan Xiaojian", "Fan Xiaojian"),
        ("mr Fan Xiaojian", "Fan Xiaojian"),
        ("H.E. Mr. Zheng Wenkai", "Zheng Wenkai"),
        ("Dr.Zheng", "Zheng"),
        ("Vice Minister Fan Xiaojian", "Fan Xiaojian"),
        ("Minister Fan", "Fan"),
        ("Director-General Li", "Li"),
        ("Director General Li", "Li"),
        ("Professor, Wang", "Wang"),
        ("Mrs Wang", "Wang"),
        ("范小建先生", "范小建"),
        ("郑文凯副部长", "郑文凯"),
        ("Ms. 王女士", "王"),
    ],
)
def test_titles_are_stripped(text: str, name: str) -> None:
    assert strip_honorifics(text) == name


@pytest.mark.parametrize("text", ["Minister", "部长", "Ministerio Li", "Drew Li", "李先进"])
def test_a_lone_title_or_a_name_that_merely_starts_like_one_is_kept(text: str) -> None:
    assert strip_honorifics(text) == text


def test_traditional_and_simplified_fold_equal() -> None:
    assert fold_name("國務院") == fold_name("国务院") == "国务院"


def test_case_accents_punctuation_and_spaces_fold_away() -> None:
    assert fold_name("  ZHÈNG   Wen-kai ") == fold_name("zheng wen kai") == "zheng wen kai"


def test_apostrophes_in_any_form_vanish() -> None:
    assert fold_name("Côte d’Ivoire") == fold_name("Cote d'Ivoire") == "cote divoire"


def test_spaces_between_han_characters_fold_away() -> None:
    assert fold_name("范　小建") == "范小建"


def test_strip_accents_keeps_hangul_whole() -> None:
    assert (strip_accents("Lǚ Côte"), strip_accents("박근혜")) == ("Lu Cote", "박근혜")
