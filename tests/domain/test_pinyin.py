"""Pinyin: names as English texts write them, and the folded forms a search finds them by."""

import pytest

from curator.domain.pinyin import fold_query, name_to_pinyin, pinyin_search_forms, text_to_pinyin


@pytest.mark.parametrize(
    ("zh", "pinyin"),
    [
        ("范小建", "Fan Xiaojian"),
        ("郑文凯", "Zheng Wenkai"),
        ("鄭文凱", "Zheng Wenkai"),
        ("吕友清", "Lv Youqing"),
        ("王建安", "Wang Jian'an"),
        ("李强", "Li Qiang"),
    ],
)
def test_names_read_surname_first_with_the_given_name_as_one_word(zh: str, pinyin: str) -> None:
    assert name_to_pinyin(zh) == pinyin


@pytest.mark.parametrize(
    ("zh", "pinyin"),
    [
        ("单霁翔", "Shan Jixiang"),
        ("曾培炎", "Zeng Peiyan"),
        ("解振华", "Xie Zhenhua"),
        ("仇和", "Qiu He"),
        ("区伟明", "Ou Weiming"),
        ("查良镛", "Zha Liangyong"),
        ("翟志刚", "Zhai Zhigang"),
        ("朴成浩", "Piao Chenghao"),
    ],
)
def test_first_characters_with_several_readings_read_as_surnames(zh: str, pinyin: str) -> None:
    assert name_to_pinyin(zh) == pinyin


def test_a_heteronym_is_read_as_usual_outside_the_surname() -> None:
    assert name_to_pinyin("王曾") == "Wang Ceng"


@pytest.mark.parametrize(
    ("zh", "pinyin"),
    [
        ("欧阳修", "Ouyang Xiu"),
        ("司马光", "Sima Guang"),
        ("诸葛亮", "Zhuge Liang"),
        ("上官婉儿", "Shangguan Wan'er"),
        ("尉迟恭", "Yuchi Gong"),
    ],
)
def test_compound_surnames_are_one_word(zh: str, pinyin: str) -> None:
    assert name_to_pinyin(zh) == pinyin


def test_a_two_character_name_has_a_single_surname_even_if_it_spells_a_compound() -> None:
    assert name_to_pinyin("欧阳") == "Ou Yang"


def test_a_name_of_several_parts_gives_one_word_a_part() -> None:
    assert name_to_pinyin("阿沛·阿旺晋美") == "Apei Awangjinmei"


def test_a_name_without_han_characters_is_kept() -> None:
    assert name_to_pinyin(" Fan  Xiaojian ") == "Fan Xiaojian"


def test_text_reads_as_spaced_syllables_without_punctuation() -> None:
    assert text_to_pinyin("國務院扶貧辦（北京）") == "guo wu yuan fu pin ban bei jing"


def test_text_keeps_latin_and_digits() -> None:
    assert text_to_pinyin("G20峰会") == "G20 feng hui"


@pytest.mark.parametrize("query", ["lu", "lv", "lü", "lǚ", "lyu", "LYU YOUQING", "Lü Youqing"])
def test_every_spelling_of_u_umlaut_finds_the_name(query: str) -> None:
    forms = pinyin_search_forms("吕友清", person=True)
    assert any(fold_query(query) in form for form in forms)


@pytest.mark.parametrize(
    "query", ["fan xiaojian", "fanxiaojian", "Fan Xiao-jian", "xiaojian fan", "范小建", "范 小建"]
)
def test_a_name_is_found_spaced_or_run_together_either_way_round(query: str) -> None:
    forms = pinyin_search_forms("范小建", person=True)
    assert any(fold_query(query) in form for form in forms)


def test_a_person_s_forms_read_the_surname_as_a_surname() -> None:
    forms = pinyin_search_forms("曾培炎", person=True)
    assert "zeng peiyan" in forms
    assert not any("ceng" in form for form in forms)


def test_traditional_and_simplified_queries_find_the_same_text() -> None:
    forms = pinyin_search_forms("國務院扶貧辦")
    assert {fold_query("国务院"), fold_query("國務院")} == {"国务院"}
    assert any("国务院" in form for form in forms)
    assert "guo wu yuan fu pin ban" in forms


def test_latin_names_are_found_with_or_without_accents() -> None:
    forms = pinyin_search_forms("Lü Youqing")
    assert {"lv youqing", "lu youqing", "lyu youqing"} <= forms


def test_query_folding_normalizes_case_accents_punctuation_and_spaces() -> None:
    assert fold_query("  Côte   d’Ivoire, LYU ") == "cote divoire lv"
