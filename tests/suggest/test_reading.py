"""How the rules read text where they take shortcuts for speed: furniture, dates far into
a sentence, country names, sentences that can name nobody."""

from __future__ import annotations

from curator.suggest.date_mentions import find_dates
from curator.suggest.places import find_countries
from curator.suggest.text_units import paragraphs
from curator.suggest.tokens import may_name_anything

_PROSE = ("The two ministries agreed to strengthen cooperation on intellectual property and "
          "copyright protection for rural cooperatives, to train county officials in "
          "e-commerce, and to share what pilot villages in Yunnan and Guizhou have learned "
          "about selling their produce online through the platforms of large retailers.")


def test_a_long_paragraph_that_mentions_copyright_is_read() -> None:
    assert len(_PROSE) > 300
    read = paragraphs(f"Trade and Markets\n{_PROSE}\nCopyright © 2015 All rights reserved\n")
    assert [p.sentences[0].text[:12] for p in read] == ["Trade and Ma", "The two mini"]


def test_a_line_mostly_in_chinese_is_left_out_of_an_english_document() -> None:
    text = (f"{_PROSE}\n农业农村部对外经济合作中心 地址：北京市 electronic map\n"
            "The Ministry of Agriculture (农业部) hosted the seminar.\n")
    assert [p.sentences[0].text[:7] for p in paragraphs(text)] == ["The two", "The Min"]


def test_a_date_late_in_a_long_sentence_is_found() -> None:
    sentence = ("After three years of preparation by the provincial poverty alleviation offices "
                "and their partners in the county governments, the training centre finally "
                "opened its doors to the first class of village officials from 12 to 14 "
                "October 2015, and the second on November 3.")
    dates = find_dates(sentence)
    assert [(d.first.iso(), d.last.iso() if d.last else None) for d in dates] == [
        ("2015-10-12", "2015-10-14"), ("2015-11-03", None)]


def test_a_month_after_in_takes_the_year_of_the_context() -> None:
    dates = find_dates("The survey ran in early July and the report came out in October.",
                       year=2014)
    assert [d.first.iso() for d in dates] == ["2014-07", "2014-10"]


def test_countries_are_found_with_the_and_accented_names() -> None:
    text = ("Delegates came from the Netherlands, Côte d’Ivoire, Guinea-Bissau and the "
            "Åland Islands, but not from New Zealand's partners in Newcastle.")
    assert [c.code for c in find_countries(text)] == ["NL", "CI", "GW", "AX", "NZ"]


def test_a_sentence_with_no_capital_but_its_opening_word_names_nobody() -> None:
    assert not may_name_anything("The visit widened the channels of communication.")
    assert not may_name_anything("It ended on a high note, with songs.")


def test_a_sentence_with_a_capital_or_a_name_first_may_name_someone() -> None:
    assert may_name_anything("The visit was led by Minister Liu.")
    assert may_name_anything("Liu thanked the hosts.")
    assert may_name_anything("IPRCC sent three experts.")
    assert may_name_anything("The delegation of the 农业部 left.")
