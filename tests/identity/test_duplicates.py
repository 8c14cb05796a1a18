"""Duplicate detection on small casts: each rule finds its pair and leaves the others alone."""

from __future__ import annotations

from curator.domain.records import RecordKind
from curator.identity.candidates import Candidate, DuplicateReason
from curator.identity.duplicates import LARGE_GROUP, find_duplicates

PERSON, ORG = RecordKind.PERSON, RecordKind.ORGANIZATION


def _person(record_id: int, name_en: str = "", name_zh: str = "", *, docs: tuple[int, ...] = (),
            aliases: tuple[str, ...] = ()) -> Candidate:
    return Candidate(record_id, PERSON, f"P-{record_id:04d}", name_en, name_zh, aliases,
                     document_ids=frozenset(docs))


def _org(record_id: int, name_en: str = "", name_zh: str = "", *, acronym: str = "",
         aliases: tuple[str, ...] = ()) -> Candidate:
    return Candidate(record_id, ORG, f"O-{record_id:04d}", name_en, name_zh, aliases, acronym)


def _found(*candidates: Candidate) -> dict[tuple[int, int], DuplicateReason]:
    return {pair.ids: pair.reason for pair in find_duplicates(candidates)}


def test_the_same_name_in_the_other_script_is_found() -> None:
    pairs = find_duplicates([_person(1, "Wang Yi"), _person(2, "", "王毅"),
                             _person(3, "Li Na")])
    assert [(p.ids, p.reason) for p in pairs] == [((1, 2), DuplicateReason.OTHER_SCRIPT)]
    assert "王毅" in pairs[0].explanation and "Wang Yi" in pairs[0].explanation


def test_traditional_characters_and_titles_are_the_same_name() -> None:
    assert _found(_person(1, "", "范小建"), _person(2, "", "範小建先生")) == {
        (1, 2): DuplicateReason.SAME_NAME}


def test_two_different_chinese_names_read_alike_are_not_one_name() -> None:
    assert _found(_person(1, "", "王毅"), _person(2, "", "王义")) == {}


def test_a_name_known_as_an_alias_is_the_same_name() -> None:
    pairs = find_duplicates([_person(1, "Zheng Wenkai", aliases=("Minister Zheng Wenkai",)),
                             _person(2, "Mr. Zheng Wenkai")])
    assert [(p.reason, p.score) for p in pairs] == [(DuplicateReason.SAME_NAME, 100)]


def test_an_acronym_and_its_expansion_are_found() -> None:
    found = _found(_org(1, "IPRCC"),
                   _org(2, "International Poverty Reduction Center in China"),
                   _org(3, "World Bank"))
    assert found == {(1, 2): DuplicateReason.ACRONYM}


def test_an_acronym_field_matching_another_name_is_found() -> None:
    found = _found(_org(1, "International Poverty Reduction Center in China", acronym="IPRCC"),
                   _org(2, "IPRCC"))
    assert found == {(1, 2): DuplicateReason.ACRONYM}


def test_a_shortened_acronym_of_a_long_name_is_found_less_surely() -> None:
    pairs = find_duplicates([
        _org(1, "State Council Leading Group Office of Poverty Alleviation and Development"),
        _org(2, "LGOP")])
    assert [(p.reason, p.score) for p in pairs] == [(DuplicateReason.ACRONYM, 75)]


def test_a_short_form_in_the_same_document_as_the_full_name_is_found() -> None:
    found = _found(_person(1, "Fan Xiaojian", docs=(7,)), _person(2, "Mr. Fan", docs=(7, 8)))
    assert found == {(1, 2): DuplicateReason.SHORT_FORM}


def test_a_short_form_in_another_document_is_not_found() -> None:
    assert _found(_person(1, "Fan Xiaojian", docs=(7,)), _person(2, "Mr. Fan", docs=(8,))) == {}


def test_a_chinese_short_form_meets_a_full_name_in_either_script() -> None:
    found = _found(_person(1, "", "范小建", docs=(3,)), _person(2, "", "范部长", docs=(3,)),
                   _person(3, "Fan Xiaojian", docs=(3,)))
    assert found[(1, 2)] is DuplicateReason.SHORT_FORM
    assert found[(2, 3)] is DuplicateReason.SHORT_FORM


def test_a_surname_without_a_title_is_not_a_short_form() -> None:
    assert _found(_person(1, "Fan Xiaojian", docs=(7,)), _person(2, "Fan", docs=(7,))) == {}


def test_a_short_form_matching_two_full_names_scores_lower() -> None:
    pairs = find_duplicates([_person(1, "Fan Xiaojian", docs=(1,)),
                             _person(2, "Fan Li", docs=(1,)), _person(3, "Mr. Fan", docs=(1,))])
    assert {(p.ids, p.score) for p in pairs} == {((1, 3), 60), ((2, 3), 60)}


def test_near_identical_spellings_with_honorifics_are_found() -> None:
    pairs = find_duplicates([_person(1, "Dr. Gillian Mellsop"), _person(2, "Ms. Gillian Melsop"),
                             _person(3, "Gillian Anderson")])
    assert [(p.ids, p.reason) for p in pairs] == [((1, 2), DuplicateReason.SIMILAR_SPELLING)]
    assert 90 <= pairs[0].score < 100


def test_names_a_vowel_apart_below_the_threshold_are_not_found() -> None:
    assert _found(_person(1, "Li Ming"), _person(2, "Li Meng")) == {}


def test_a_typo_at_the_start_is_found_through_the_end_of_the_name() -> None:
    assert _found(_org(1, "Asian Development Bank"), _org(2, "Asain Development Bank")) == {
        (1, 2): DuplicateReason.SIMILAR_SPELLING}


def test_a_large_group_of_one_name_pairs_each_with_the_oldest() -> None:
    people = [_person(n, "Wang Yi") for n in range(1, LARGE_GROUP + 3)]
    pairs = find_duplicates(people)
    assert {p.first_id for p in pairs} == {1}
    assert len(pairs) == LARGE_GROUP + 1


def test_each_pair_is_listed_once_with_its_strongest_reason() -> None:
    pairs = find_duplicates([_person(1, "Fan Xiaojian", "范小建", docs=(1,)),
                             _person(2, "Fan Xiaojian", docs=(1,))])
    assert [(p.reason, p.score) for p in pairs] == [(DuplicateReason.SAME_NAME, 100)]


def test_names_differing_by_a_whole_word_are_not_a_typo() -> None:
    assert _found(_org(1, "Yunnan Provincial Poverty Alleviation Office"),
                  _org(2, "Hunan Provincial Poverty Alleviation Office")) == {}


def test_two_chinese_names_with_alike_pinyin_are_not_a_typo() -> None:
    assert _found(_person(1, "Zhang Xiaoming", "张晓明"),
                  _person(2, "Zhang Xiaoping", "张晓平")) == {}


def test_two_pinyin_names_a_letter_apart_are_two_people() -> None:
    assert _found(_person(1, "Wang Jianwei"), _person(2, "Wang Jianwen")) == {}


def test_a_typo_that_is_not_pinyin_is_found_in_a_chinese_name() -> None:
    assert _found(_person(1, "Fan Xiaojian"), _person(2, "Fan Xiaojain")) == {
        (1, 2): DuplicateReason.SIMILAR_SPELLING}


def test_an_acronym_that_may_stand_for_many_names_pairs_with_none() -> None:
    names = ["Yunnan Poverty Alleviation Office", "Yulin Planning Administration Office",
             "Yichang Port Authority Office", "Yantai Public Affairs Office"]
    found = _found(_org(1, "YPAO"), *(_org(n, name) for n, name in enumerate(names, start=2)))
    assert found == {}
