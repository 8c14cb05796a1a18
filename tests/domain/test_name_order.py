"""Names of either script sorted together."""

from __future__ import annotations

from curator.domain.name_order import name_sort_key


def test_chinese_names_sort_by_pinyin_among_english_ones() -> None:
    names = ["Zheng Wenkai", "郑文凯", "范小建", "Brazil", "曾培炎", "émile", "Anders", ""]
    assert sorted(names, key=name_sort_key) == [
        "Anders", "Brazil", "émile", "范小建", "曾培炎", "Zheng Wenkai", "郑文凯", ""]


def test_mixed_names_sort_by_their_reading() -> None:
    assert sorted(["UNDP 中国", "北京 office", "Asia"], key=name_sort_key) == [
        "Asia", "北京 office", "UNDP 中国"]
