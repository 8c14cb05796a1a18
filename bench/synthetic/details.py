"""Naming events from what they relate to, filling their details, and giving some records
an alias."""

from __future__ import annotations

import random

from curator.domain.countries import country_name
from synthetic import vocabulary as words
from synthetic.records import Event, ProjectPlan, Record


def joined(items: list[str], *, chinese: bool = False) -> str:
    """Items as a sentence lists them: "A", "A and B", "A, B and C" (A、B和C in Chinese)."""
    if chinese:
        return "和".join(filter(None, ("、".join(items[:-1]), items[-1]))) if items else ""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def name_events(rng: random.Random, plan: ProjectPlan) -> None:
    """Give every event a name (in Chinese for three in five) and its detail fields."""
    for event in plan.events:
        countries = [relation.country_code or "" for relation in event.countries]
        organization = (plan.record(event.organizations[0].object_id or 0)
                        if event.organizations else plan.organizations[0])
        topic, topic_zh = rng.choice(words.TOPICS)
        name_en, name_zh = _event_name(rng, event, countries, organization, topic, topic_zh)
        event.name_en = name_en
        event.name_zh = name_zh if rng.random() < 0.6 else ""
        city = (words.CAPITALS.get(countries[0]) if countries
                else rng.choice(words.CHINESE_CITIES))
        event.detail.update({
            "start_date": _iso(event, event.start),
            "end_date": _iso(event, event.end) if event.end else None,
            "city": city if rng.random() < 0.8 else None,
            "country": countries[0] if countries else "CN",
            "participant_count": rng.randrange(5, 80) if rng.random() < 0.5 else None,
            "description": (rng.choice(words.FILLER_SENTENCES).format(
                topic=topic, number=rng.randrange(10, 200)) if rng.random() < 0.3 else None),
        })
        if str(event.detail["event_type"]) == "conference/forum" and rng.random() < 0.2:
            event.alias = f"the {event.start.year} {topic} forum"


def _iso(event: Event, day: object) -> str:
    text = str(day)
    return text[:7] if event.month_only else text


def _event_name(rng: random.Random, event: Event, countries: list[str],
                organization: Record, topic: str, topic_zh: str) -> tuple[str, str]:
    """An event's English and Chinese name, after its type and what it relates to."""
    where = joined([country_name(code) for code in countries])
    where_zh = joined([country_name(code, "zh") for code in countries], chinese=True)
    org = str(organization.detail["acronym"] or organization.name_en)
    org_zh = organization.name_zh
    year = event.start.year
    match str(event.detail["event_type"]):
        case "visit abroad":
            return (f"{org} delegation visit to {where or 'Africa'}",
                    f"{org_zh}代表团访问{where_zh or '非洲'}")
        case "reception":
            return (f"Reception of a delegation from {where or org}",
                    f"接待{where_zh or org_zh}代表团")
        case "overseas training":
            return (f"Overseas training on {topic} in {where or 'Europe'}",
                    f"赴{where_zh or '欧洲'}{topic_zh}培训")
        case "conference/forum":
            return (f"{year} Forum on {topic.capitalize()}", f"{year}年{topic_zh}论坛")
        case "seminar/training":
            return (f"Seminar on {topic} for officials from {where or 'developing countries'}",
                    f"{where_zh or '发展中国家'}官员{topic_zh}研修班")
        case "research":
            return f"Joint research on {topic} with {org}", f"与{org_zh}{topic_zh}联合研究"
        case "exchange":
            return (f"Exchange programme on {topic} with {where or org}",
                    f"与{where_zh or org_zh}{topic_zh}交流项目")
        case "project":
            province, province_zh = rng.choice(words.PROVINCES)
            return (f"{org} loan for the {province} {topic} project",
                    f"{org_zh}贷款{province_zh}{topic_zh}项目")
        case _:
            return (f"Memorandum of understanding between LGOP and {org}",
                    f"国务院扶贫办与{org_zh}签署谅解备忘录")


def give_aliases(rng: random.Random, plan: ProjectPlan) -> None:
    """An alias for about one person in five and one organization in three."""
    for person in plan.people:
        if rng.random() < 0.2:
            person.alias = _person_alias(rng, person)
    for organization in plan.organizations:
        acronym = organization.detail["acronym"]
        if acronym and rng.random() < 0.6:
            organization.alias = str(acronym)
        elif " County " in organization.name_en and rng.random() < 0.2:
            organization.alias = organization.name_en.replace(" County ", " ", 1)


def _person_alias(rng: random.Random, person: Record) -> str:
    """How a text refers to a person again: "Minister Zheng", "Wenkai Zheng", "Ms. Silva"."""
    first, _, rest = person.name_en.partition(" ")
    if person.name_zh:  # surname first
        if person.title and rng.random() < 0.6:
            return f"{person.title} {first}"
        return f"{rest} {first}" if rest else f"Mr. {first}"
    return f"{rng.choice(words.HONORIFICS)} {rest or first}"
