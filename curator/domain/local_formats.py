"""Numbers, moments and country names as the chosen language writes them (babel's CLDR data)."""

from __future__ import annotations

from datetime import datetime

from curator.domain.translation import current_language


def format_count(count: int) -> str:
    """A whole number with the language's grouping: 12,345 (CLDR's Chinese groups alike)."""
    from babel.numbers import format_decimal

    return format_decimal(count, locale=current_language())


def format_share(fraction: float) -> str:
    """A fraction as a whole percentage: 42% (CLDR's Chinese writes it alike)."""
    from babel.numbers import format_percent

    return format_percent(fraction, locale=current_language())


def format_moment(moment: datetime) -> str:
    """A moment in local time, short: "Jun 12, 2012, 14:05" / "2012年6月12日 14:05"."""
    from babel.dates import format_date, format_time

    local = moment.astimezone()
    language = current_language()
    return f"{format_date(local, 'medium', locale=language)} {format_time(local, 'HH:mm')}"


def country_name(code: str) -> str:
    """A country's name in the language in use (English where it is not Chinese)."""
    from curator.domain.countries import country_name as name_in

    return name_in(code, "zh" if current_language().startswith("zh") else "en")
