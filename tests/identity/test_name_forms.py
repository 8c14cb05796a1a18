"""Name forms: one key for spellings of one name in either script, titles removed."""

from __future__ import annotations

from curator.domain.records import RecordKind
from curator.identity.name_forms import FormScript, name_forms, record_forms, spelling


def _keys(text: str, kind: RecordKind = RecordKind.PERSON) -> set[str]:
    return {form.key for form in name_forms(text, kind=kind)}


def test_spellings_and_titles_of_one_name_share_a_key() -> None:
    assert "fanxiaojian" in _keys("H.E. Mr. FAN Xiao-jian") & _keys("Fan Xiaojian")


def test_a_person_written_given_name_first_shares_the_key() -> None:
    assert _keys("Xiaojian Fan") & _keys("Fan Xiaojian")


def test_a_chinese_name_has_its_characters_and_pinyin() -> None:
    forms = name_forms("範小建先生", kind=RecordKind.PERSON)
    assert {(f.key, f.script) for f in forms} >= {
        ("范小建", FormScript.HAN), ("fanxiaojian", FormScript.PINYIN)}


def test_an_organization_in_chinese_is_read_as_syllables() -> None:
    assert "guowuyuan" in _keys("国务院", RecordKind.ORGANIZATION)


def test_aliases_are_marked() -> None:
    forms = record_forms(RecordKind.PERSON, "Fan Xiaojian", "", ["Xiaojian Fan"])
    assert {f.key for f in forms if f.alias} == {"xiaojianfan", "fanxiaojian"}


def test_a_title_and_surname_is_a_short_form_not_a_name() -> None:
    assert _keys("Minister Fan") == _keys("范部长") == set()
    assert _keys("Fan") == {"fan"}


def test_a_title_alone_is_kept_as_the_name() -> None:
    assert _keys("Minister") == {"minister"}


def test_spelling_sorts_words_and_reads_chinese_in_pinyin() -> None:
    assert spelling(RecordKind.PERSON, "Mr. Xiaojian FAN", "") == "fan xiaojian"
    assert spelling(RecordKind.PERSON, "", "范小建") == "fan xiaojian"
