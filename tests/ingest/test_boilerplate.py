"""Web-page boilerplate: date lines, navigation and footers are no title and no section."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.ingest import read_source
from curator.ingest.boilerplate import is_boilerplate
from curator.ingest.html_text import read_html

NEWS_TEXT = """首页 > 新闻中心 > 要闻

2020-10-26 Monday

Vice Minister Meets the Swiss Development Agency Delegation

On October 26, Vice Minister Zheng Wenkai met a delegation from Switzerland.

Cooperation

Both sides agreed to share poverty reduction experience.

Home | About | Contact us

Copyright © 2020 IPRCC. All rights reserved."""

NEWS_PAGE = """<html><head><title>Vice Minister Meets the Delegation - IPRCC</title></head>
<body><div class="site-header"><nav><a>Home</a> <a>News</a> <a>About</a></nav></div>
<div class="breadcrumb">Home &gt; News &gt; Top stories</div>
<div class="date">2020-10-26 星期一 来源：新华网</div>
<h2>Vice Minister Meets the Delegation</h2>
<p>On October 26, the Vice Minister met a delegation.</p>
<h3>Agreement</h3><p>Both sides agreed to work together.</p>
<div id="footer"><p>版权所有 中国国际扶贫中心</p></div>
<footer><p>京ICP备2020039194号-2</p></footer></body></html>"""


@pytest.mark.parametrize("line", [
    "2020-10-26 Monday", "2020年10月26日 星期一", "Monday, 26 October 2020",
    "October 26, 2020 10:30", "发布时间：2020-10-26 来源：新华网", "Published: 2020/10/26",
    "首页 > 新闻中心 > 要闻", "Home » News", "当前位置：首页", "Home | About | Contact | Jobs",
    "版权所有©中国国际扶贫中心 未经许可不得复制 京ICP备2020039194号-2", "扫描下载手机客户端",
    "地址:北京朝阳区太阳宫北街1号 邮编100028", "Copyright © 2020 IPRCC. All rights reserved.",
])
def test_boilerplate_lines_are_recognized(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "International Cooperation", "China-Africa Poverty Reduction and Development Conference",
    "On October 26, 2020, Vice Minister Zheng Wenkai met a delegation from Switzerland.",
    "2012年，国务院扶贫办共派出33个出访团组。",
    "Poverty Reduction and Development Forum - 10.17 Forum",
    "马丁·达欣登·瑞士", "Growth in 2012",
])
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_news_text_title_is_the_headline_not_the_date_line(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(NEWS_TEXT, encoding="utf-8")

    source = read_source(path)

    assert source.title == "Vice Minister Meets the Swiss Development Agency Delegation"


def test_news_text_outline_leaves_out_navigation_dates_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(NEWS_TEXT, encoding="utf-8")

    sections = read_source(path).sections

    assert [(s.level, s.title) for s in sections] == [
        (0, "Vice Minister Meets the Swiss Development Agency Delegation"), (1, "Cooperation")]


def test_long_headline_under_a_date_line_is_the_title(tmp_path: Path) -> None:
    headline = ("Vice Minister Zheng Wenkai Meets the Delegation of the Swiss Agency for "
                "Development and Cooperation")
    path = tmp_path / "news.txt"
    path.write_text(f"2020-10-26 Monday\n\n{headline}\n\nThe meeting took place in Beijing.",
                    encoding="utf-8")

    assert read_source(path).title == headline[:79].rsplit(" ", 1)[0] + "…"


def test_web_page_navigation_and_footers_are_left_out_of_the_text() -> None:
    text = read_html(NEWS_PAGE).text

    assert "About" not in text and "Top stories" not in text
    assert "版权所有" not in text and "ICP" not in text
    assert "On October 26, the Vice Minister met a delegation." in text


def test_article_footer_is_kept() -> None:
    page = "<article><p>Body.</p><footer>Reported by Li Wei</footer></article>"

    assert "Reported by Li Wei" in read_html(page).text


def test_web_page_title_is_its_headline_without_the_site_name(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")

    source = read_source(path)

    assert source.title == "Vice Minister Meets the Delegation"
    assert [section.title for section in source.sections] == [
        "Vice Minister Meets the Delegation", "Agreement"]


def test_demo_chinese_footer_is_not_a_section(demo_path: Path) -> None:
    source = read_source(demo_path)

    assert all("扫描" not in section.title for section in source.sections)
    assert source.sections[-1].title.startswith("Demonstration pilot project")
