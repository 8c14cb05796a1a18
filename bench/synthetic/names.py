"""Made-up names: Chinese and foreign people, counties, organizations with acronyms."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache

from curator.domain.countries import all_countries, country_name
from curator.domain.pinyin import name_to_pinyin, text_to_pinyin
from synthetic import vocabulary as words

_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "co.,", "ltd."})


@cache
def pinyin_name(zh: str) -> str:
    """A Chinese name as English texts write it (cached: the same names recur)."""
    return name_to_pinyin(zh)


def chinese_person(rng: random.Random) -> tuple[str, str]:
    """A Chinese person's name: (pinyin, surname first; characters)."""
    surname = (rng.choice(words.COMPOUND_SURNAMES) if rng.random() < 0.01
               else rng.choice(words.SURNAMES))
    given = "".join(rng.choice(words.GIVEN_CHARACTERS) for _ in range(rng.choice((1, 2, 2, 2))))
    return pinyin_name(surname + given), surname + given


def foreign_person(rng: random.Random) -> tuple[str, str]:
    """A foreign person's name in English and their nationality (ISO code)."""
    countries, given, family = rng.choice(words.FOREIGN_NAMES)
    return f"{rng.choice(given)} {rng.choice(family)}", rng.choice(countries)


@cache
def _place_pinyin(zh: str) -> str:
    syllables = text_to_pinyin(zh).split()
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable.startswith(("a", "o", "e")) else "") + syllable
    return word.capitalize()


def county(rng: random.Random) -> tuple[str, str]:
    """A county's name: (pinyin, characters), without the word "county"."""
    zh = rng.choice(words.PLACE_CHARACTERS) + rng.choice(words.PLACE_CHARACTERS)
    return _place_pinyin(zh), zh


def acronym(name_en: str) -> str:
    """The initials of a name's significant words (Ministry of Agrarian Development: MAD)."""
    initials = [word[0] for word in re.split(r"[\s\-–]+", name_en)
                if word and word.lower() not in _MINOR_WORDS and word[0].isalpha()]
    return "".join(initials).upper()


def partner_country(rng: random.Random) -> str:
    """A country's ISO code: usually one China cooperates with often, sometimes any."""
    if rng.random() < 0.85:
        return rng.choice(_partner_codes())
    return rng.choice(all_countries()).code


@cache
def _partner_codes() -> tuple[str, ...]:
    return tuple(words.CAPITALS)


Organization = tuple[str, str, str | None, str, str]
"""name_en, name_zh, acronym, kind (ORGANIZATION_KINDS), country code."""

WELL_KNOWN: tuple[Organization, ...] = (
    ("State Council Leading Group Office of Poverty Alleviation and Development",
     "国务院扶贫开发领导小组办公室", "LGOP", "government", "CN"),
    ("International Poverty Reduction Center in China", "中国国际扶贫中心", "IPRCC",
     "international organization", "CN"),
    ("Ministry of Commerce", "商务部", "MOFCOM", "government", "CN"),
    ("Ministry of Finance", "财政部", "MOF", "government", "CN"),
    ("Ministry of Agriculture", "农业部", "MOA", "government", "CN"),
    ("National Development and Reform Commission", "国家发展和改革委员会", "NDRC",
     "government", "CN"),
    ("Ministry of Foreign Affairs", "外交部", "MFA", "government", "CN"),
    ("China Foundation for Poverty Alleviation", "中国扶贫基金会", "CFPA", "NGO", "CN"),
    ("China Development Bank", "国家开发银行", "CDB", "bank", "CN"),
    ("Agricultural Bank of China", "中国农业银行", "ABC", "bank", "CN"),
    ("Chinese Academy of Social Sciences", "中国社会科学院", "CASS", "research institute", "CN"),
    ("Chinese Academy of Agricultural Sciences", "中国农业科学院", "CAAS",
     "research institute", "CN"),
    ("China Agricultural University", "中国农业大学", "CAU", "university", "CN"),
    ("Renmin University of China", "中国人民大学", "RUC", "university", "CN"),
    ("World Bank", "世界银行", "WB", "bank", "US"),
    ("Asian Development Bank", "亚洲开发银行", "ADB", "bank", "PH"),
    ("African Development Bank", "非洲开发银行", "AfDB", "bank", "CI"),
    ("United Nations Development Programme", "联合国开发计划署", "UNDP",
     "international organization", "US"),
    ("United Nations Children's Fund", "联合国儿童基金会", "UNICEF",
     "international organization", "US"),
    ("Food and Agriculture Organization of the United Nations", "联合国粮食及农业组织", "FAO",
     "international organization", "IT"),
    ("International Fund for Agricultural Development", "国际农业发展基金", "IFAD",
     "international organization", "IT"),
    ("World Food Programme", "世界粮食计划署", "WFP", "international organization", "IT"),
    ("International Labour Organization", "国际劳工组织", "ILO",
     "international organization", "CH"),
    ("Organisation for Economic Co-operation and Development", "经济合作与发展组织", "OECD",
     "international organization", "FR"),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "德国国际合作机构", "GIZ",
     "government", "DE"),
    ("Japan International Cooperation Agency", "日本国际协力机构", "JICA", "government", "JP"),
    ("Korea International Cooperation Agency", "韩国国际协力团", "KOICA", "government", "KR"),
    ("Swiss Agency for Development and Cooperation", "瑞士发展合作署", "SDC", "government",
     "CH"),
    ("Department for International Development", "英国国际发展部", "DFID", "government", "GB"),
    ("Bill & Melinda Gates Foundation", "比尔及梅琳达·盖茨基金会", "BMGF", "NGO", "US"),
    ("African Union Commission", "非洲联盟委员会", "AUC", "international organization", "ET"),
    ("ASEAN Secretariat", "东盟秘书处", None, "international organization", "ID"),
    ("Oxfam", "乐施会", None, "NGO", "GB"),
    ("Heifer International", "国际小母牛组织", None, "NGO", "US"),
)
"""Organizations every chapter of the genre names, first in the made-up project."""

_PROVINCIAL = (
    ("{p} Poverty Alleviation and Development Office", "{p}扶贫开发办公室", "government"),
    ("{p} Department of Agriculture", "{p}农业厅", "government"),
    ("{p} Department of Commerce", "{p}商务厅", "government"),
    ("{p} Foreign Affairs Office", "{p}外事办公室", "government"),
    ("{p} Women's Federation", "{p}妇女联合会", "NGO"),
    ("{p} Poverty Alleviation Foundation", "{p}扶贫基金会", "NGO"),
    ("{p} Academy of Agricultural Sciences", "{p}农业科学院", "research institute"),
    ("{p} Rural Credit Cooperative Union", "{p}农村信用社联合社", "bank"),
    ("{p} Agricultural University", "{p}农业大学", "university"),
    ("{p} Normal University", "{p}师范大学", "university"),
)
_COUNTY = (
    ("{c} County Poverty Alleviation and Development Office", "{c}县扶贫开发办公室",
     "government"),
    ("{c} County People's Government", "{c}县人民政府", "government"),
    ("{c} County Bureau of Agriculture", "{c}县农业局", "government"),
    ("{c} Rural Credit Cooperative", "{c}县农村信用合作社", "bank"),
    ("{c} {product} Cooperative", "{c}县{product_zh}专业合作社", "enterprise"),
    ("{c} {product} Industry Co., Ltd.", "{c}{product_zh}产业有限公司", "enterprise"),
)
_FOREIGN = (
    ("Ministry of {domain} of {country}", "{country_zh}{domain_zh}部", "government"),
    ("Embassy of {country} in China", "{country_zh}驻华大使馆", "government"),
    ("{country} National Planning Commission", "{country_zh}国家计划委员会", "government"),
    ("{country} National University", "{country_zh}国立大学", "university"),
    ("{country} Institute of Development Studies", "{country_zh}发展研究所",
     "research institute"),
    ("{country} Development Bank", "{country_zh}开发银行", "bank"),
    ("{country} Rural Development Association", "{country_zh}农村发展协会", "NGO"),
    ("{io} Office in {country}", "{io_zh}驻{country_zh}办事处", "international organization"),
)
_OFFICES = tuple(org for org in WELL_KNOWN if org[3] == "international organization")


def _provincial(rng: random.Random) -> Organization:
    en, zh, kind = rng.choice(_PROVINCIAL)
    province, province_zh = rng.choice(words.PROVINCES)
    return en.format(p=province), zh.format(p=province_zh), None, kind, "CN"


def _county(rng: random.Random) -> Organization:
    en, zh, kind = rng.choice(_COUNTY)
    name, name_zh = county(rng)
    product, product_zh = rng.choice(words.PRODUCTS)
    return (en.format(c=name, product=product), zh.format(c=name_zh, product_zh=product_zh),
            None, kind, "CN")


def _foreign(rng: random.Random) -> Organization:
    en, zh, kind = rng.choice(_FOREIGN)
    code = partner_country(rng)
    domain, domain_zh = rng.choice(words.MINISTRY_DOMAINS)
    office = rng.choice(_OFFICES)
    values = {"country": country_name(code), "country_zh": country_name(code, "zh"),
              "domain": domain, "domain_zh": domain_zh, "io": office[2] or office[0],
              "io_zh": office[1]}
    return en.format(**values), zh.format(**values), None, kind, code


_MAKERS: tuple[tuple[Callable[[random.Random], Organization], float], ...] = (
    (_provincial, 0.15), (_county, 0.5), (_foreign, 0.35),
)


def organization(rng: random.Random, seen: set[str]) -> Organization:
    """A new organization whose English name is not in `seen` (which it joins)."""
    makers, weights = zip(*_MAKERS, strict=True)
    while True:
        en, zh, short, kind, code = rng.choices(makers, weights)[0](rng)
        if en in seen:
            continue
        seen.add(en)
        if short is None and rng.random() < 0.35:
            short = acronym(en)
        return en, zh, short, kind, code
