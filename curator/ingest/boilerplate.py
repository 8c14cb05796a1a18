"""Telling a web page's boilerplate lines (dates, navigation, footers) from its content.

These lines stay in a document's text, where they may be quoted like any other, but they
are never a heading of its outline nor its title.
"""

from __future__ import annotations

import re

_MAX_LINE = 120  # boilerplate lines are short; longer lines are content, checked cheaply

_DATE = (
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_DATE_PATTERN = re.compile(_DATE)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
_WEEKDAY = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?"
    r"|星期[一二三四五六日天]|周[一二三四五六日]|礼拜[一二三四五六日天]",
    re.IGNORECASE,
)
# Labels that introduce a page's date and source line: "发布时间：2020-10-26 来源：新华网".
_DATE_LABELS = re.compile(
    r"^(?:发布时间|发布日期|发表时间|更新时间|时间|日期|来源|作者|编辑|责任编辑|浏览次数|"
    r"Published|Posted|Updated|Released|Date|Source|By)\b\s*[:：]?",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"[\s\W_]+")

_BREADCRUMB_SEPARATORS = re.compile(r"\s*[>»›＞→]+\s*")
_MENU_SEPARATORS = re.compile(r"\s*[|｜•]\s*|\s{3,}")
_NAVIGATION_PREFIX = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|所在位置|位置|You are here|Location)\s*[:：]",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有|版权声明|ICP\s*备|ICP证|公网安备|"
    r"扫描下载|扫一扫|扫码|关注我们|微信公众号|手机客户端|网站地图|联系我们|"
    r"返回顶部|打印本页|关闭窗口|【打印】|【关闭】|字号\s*[:：]|分享到|"
    r"back to top|privacy policy|terms of use|site ?map|contact us|share this|"
    r"^(?:地址|电话|传真|邮编|E-?mail|Tel|Fax)\s*[:：]",
    re.IGNORECASE,
)
_MAX_ITEM = 16  # a menu or breadcrumb item is a few words


def is_boilerplate(line: str) -> bool:
    """Whether a line is a web page's date line, navigation or footer rather than content."""
    line = line.strip()
    if not line or len(line) > _MAX_LINE:
        return False
    return is_date_line(line) or is_navigation_line(line) or _FOOTER.search(line) is not None


def is_date_line(line: str) -> bool:
    """A line that only gives a date (with time, weekday, a label such as "Source:")."""
    line = line.strip()
    match = _DATE_PATTERN.search(line)
    if match is None or len(line) > _MAX_LINE:
        return False
    if _DATE_LABELS.match(line):
        return True
    rest = _WEEKDAY.sub("", _TIME.sub("", line[: match.start()] + line[match.end() :]))
    return not _LEFTOVER.sub("", rest)


def is_navigation_line(line: str) -> bool:
    """A breadcrumb ("Home > News > Asia") or a menu line ("首页 | 新闻 | 关于我们")."""
    line = line.strip()
    if _NAVIGATION_PREFIX.match(line):
        return True
    crumbs = [item for item in _BREADCRUMB_SEPARATORS.split(line) if item]
    if len(crumbs) >= 2 and _BREADCRUMB_SEPARATORS.search(line) and _all_short(crumbs):
        return True
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    return len(items) >= 3 and _all_short(items)


def _all_short(items: list[str]) -> bool:
    return all(len(item) <= _MAX_ITEM and len(item.split()) <= 3 for item in items)
