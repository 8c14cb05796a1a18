"""Scripts: telling Han from Latin text, and simplified/traditional conversion."""

import pytest

from curator.domain.scripts import (
    Script,
    contains_han,
    detect_script,
    to_simplified,
    to_traditional,
)


def test_traditional_converts_to_simplified() -> None:
    assert to_simplified("國務院扶貧辦") == "国务院扶贫办"


def test_simplified_converts_to_traditional() -> None:
    assert to_traditional("国务院扶贫办") == "國務院扶貧辦"


def test_taiwan_wording_becomes_the_mainland_s_only_when_asked() -> None:
    assert (to_simplified("寮國"), to_simplified("寮國", mainland_phrases=True)) == ("寮国", "老挝")


def test_contains_han_finds_a_single_ideograph() -> None:
    assert (contains_han("Mr. 范"), contains_han("Fan Xiaojian")) == (True, False)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("范小建", Script.HAN),
        ("fan xiaojian", Script.LATIN),
        ("Lü", Script.LATIN),
        ("范 Xiaojian", Script.MIXED),
        ("2012", Script.OTHER),
        ("Москва", Script.OTHER),
    ],
)
def test_detect_script_of_a_query(text: str, script: Script) -> None:
    assert detect_script(text) == script
