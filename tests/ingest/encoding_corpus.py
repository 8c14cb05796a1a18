"""An encoding test corpus: yearbook and news prose in many languages, encoded many ways.

Every case is built by encoding a sample text written here, so the bytes are exactly what an
editor saving that text in that encoding would write, and decoding them must give the text
back unchanged. Long samples are a few paragraphs, short ones a line or two: the fewer the
bytes, the less evidence a detector has, so the short ones are the hard cases.
"""

from __future__ import annotations

from dataclasses import dataclass

SIMPLIFIED_CHINESE = (
    "国际交流与合作\n\n"
    "【概况】2012年，国务院扶贫开发领导小组办公室共派出33个团组、156人次赴22个国家和地区"
    "考察访问，接待来访外宾41批、230人次。\n\n"
    "【考察访问】5月14日至20日，国务院扶贫办副主任郑文凯率团访问巴西和墨西哥，考察当地社会"
    "保障和农村发展项目，并与两国政府有关部门签署合作备忘录。\n\n"
    "【培训】全年举办国际减贫培训班12期，来自亚洲、非洲和拉丁美洲的学员共计318人参加培训。"
    "学员们实地参观了贵州、云南等地的扶贫开发项目。\n"
)
SIMPLIFIED_CHINESE_SHORT = "【培训】举办国际减贫培训班12期。\n"

TRADITIONAL_CHINESE = (
    "國際交流與合作\n\n"
    "【概況】2012年，國務院扶貧開發領導小組辦公室共派出33個團組、156人次赴22個國家和地區"
    "考察訪問，接待來訪外賓41批、230人次。\n\n"
    "【考察訪問】5月14日至20日，副主任鄭文凱率團訪問巴西和墨西哥，考察當地社會保障和農村"
    "發展項目，並與兩國政府有關部門簽署合作備忘錄。\n\n"
    "【培訓】全年舉辦國際減貧培訓班12期，來自亞洲、非洲和拉丁美洲的學員共計318人參加培訓。\n"
)
TRADITIONAL_CHINESE_SHORT = "代表團於五月訪問台北，參加培訓研討會。\n"

JAPANESE = (
    "国際協力の概要\n\n"
    "2012年、代表団は北京を訪問し、農村開発と貧困削減に関する研修会に参加した。\n\n"
    "5月14日から20日まで、鄭文凱副主任が率いる代表団が東京と大阪を訪れ、地方自治体の職員と"
    "意見を交換した。訪問団はまた、農業協同組合の取り組みについて説明を受けた。\n\n"
    "研修には、アジアとアフリカの12か国から合計45名の研修員が参加した。\n"
)
JAPANESE_SHORT = "代表団は五月に東京を訪問し、研修会に参加した。\n"

KOREAN = (
    "국제 협력 개요\n\n"
    "2012년 중국 국무원 빈곤퇴치판공실 대표단이 서울을 방문하여 농촌 개발과 빈곤 감소에 관한 "
    "연수 프로그램에 참가하였다.\n\n"
    "5월 14일부터 20일까지 대표단은 부산과 대구의 지방 정부 관계자들과 만나 협력 방안을 "
    "논의하였다.\n\n"
    "연수에는 아시아와 아프리카 12개국에서 온 연수생 45명이 참가하였다.\n"
)
KOREAN_SHORT = "대표단이 오월에 서울을 방문하였다.\n"

RUSSIAN = (
    "Международное сотрудничество\n\n"
    "В 2012 году Канцелярия Государственного совета КНР по борьбе с бедностью направила "
    "33 делегации в 22 страны и приняла 41 иностранную делегацию.\n\n"
    "С 14 по 20 мая делегация во главе с заместителем директора Чжэн Вэнькаем посетила Москву "
    "и Казань, где ознакомилась с программами развития сельских районов.\n\n"
    "В учебных семинарах приняли участие 45 специалистов из 12 стран Азии и Африки.\n"
)
RUSSIAN_SHORT = "Делегация посетила Москву в мае и провела переговоры.\n"

FRENCH = (
    "Coopération internationale\n\n"
    "En 2012, le Bureau a envoyé 33 délégations à l'étranger et a reçu 41 délégations "
    "étrangères.\n\n"
    "Du 14 au 20 mai, une délégation conduite par le vice-ministre Zheng Wenkai s'est rendue "
    "au Brésil et au Mexique pour étudier les programmes de développement rural.\n\n"
    "Les séances de formation ont réuni 45 stagiaires venus de 12 pays d'Afrique ; la "
    "cérémonie de clôture a eu lieu à Pékin.\n"
)
FRENCH_SHORT = "Délégation reçue à Pékin.\n"

GERMAN = (
    "Internationale Zusammenarbeit\n\n"
    "Im Jahr 2012 entsandte das Büro 33 Delegationen ins Ausland. Eine Delegation unter der "
    "Leitung von Vizeminister Zheng Wenkai besuchte München, Düsseldorf und Köln und führte "
    "Gespräche über ländliche Entwicklung.\n\n"
    "An den Schulungen nahmen 45 Fachkräfte aus 12 Ländern teil; die Abschlussveranstaltung "
    "fand in Peking statt.\n"
)
GERMAN_SHORT = "Schulung für Fachkräfte in München.\n"

PORTUGUESE = (
    "Cooperação internacional\n\n"
    "Em 2012, uma delegação chefiada pelo vice-ministro Zheng Wenkai visitou o Brasil, onde "
    "conheceu programas de redução da pobreza e de formação profissional em São Paulo e "
    "Brasília.\n\n"
    "As sessões de capacitação reuniram 45 técnicos de países africanos de língua "
    "portuguesa.\n"
)
PORTUGUESE_SHORT = "Missão técnica a São Paulo.\n"

ENGLISH_WITH_CHINESE = (
    "International Cooperation\n\n"
    "【Visits】In 2012, the Leading Group Office (国务院扶贫办) sent 33 delegations abroad.\n\n"
    "【Trainings】Seminars were held in Beijing for 318 officials from 22 countries.\n"
)

_HTML_BIG5 = """<!DOCTYPE html>
<html><head><meta charset="big5"><title>國際交流與合作</title></head>
<body><h1>國際交流與合作</h1><p>{text}</p></body></html>
"""
_HTML_HTTP_EQUIV_GBK = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国际交流与合作</title></head><body><p>{text}</p></body></html>
"""
_XML_SHIFT_JIS = """<?xml version="1.0" encoding="Shift_JIS"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>国際協力</title></head>
<body><p>{text}</p></body></html>
"""


@dataclass(frozen=True)
class EncodedSample:
    """One corpus file: its bytes, the text they must decode to, the codec name to report."""

    name: str
    data: bytes
    text: str
    encoding: str
    markup: bool = False


# The codec name reported for bytes written with another: the superset that reads them.
_REPORTED_AS = {"gbk": "gb18030", "gb2312": "gb18030", "latin-1": "cp1252", "koi8_r": "koi8-r"}


def _sample(name: str, text: str, codec: str, *, bom: bool = False) -> EncodedSample:
    """A text encoded with a codec, after its byte-order mark when asked for."""
    if bom:
        mark, reported = "\ufeff".encode(codec), ("utf-8-sig" if codec == "utf-8" else "utf-16")
    else:
        mark, reported = b"", _REPORTED_AS.get(codec, codec)
    return EncodedSample(name, mark + text.encode(codec), text, reported)


def _page(name: str, template: str, text: str, codec: str) -> EncodedSample:
    """An HTML page declaring its encoding, the text in its body."""
    page = template.format(text=text.strip())
    return EncodedSample(name, page.encode(codec), page, _REPORTED_AS.get(codec, codec), True)


def encoded_samples() -> list[EncodedSample]:
    """The whole corpus: every sample text in every encoding that fits it."""
    return [
        _sample("utf-8 chinese", SIMPLIFIED_CHINESE, "utf-8"),
        _sample("utf-8 bom chinese", SIMPLIFIED_CHINESE, "utf-8", bom=True),
        _sample("utf-8 russian", RUSSIAN, "utf-8"),
        _sample("utf-16-le bom english+chinese", ENGLISH_WITH_CHINESE, "utf-16-le", bom=True),
        _sample("utf-16-be bom chinese", SIMPLIFIED_CHINESE, "utf-16-be", bom=True),
        _sample("utf-16-le english+chinese", ENGLISH_WITH_CHINESE, "utf-16-le"),
        _sample("utf-16-be english+chinese", ENGLISH_WITH_CHINESE, "utf-16-be"),
        _sample("gb18030 chinese", SIMPLIFIED_CHINESE, "gb18030"),
        _sample("gbk chinese", SIMPLIFIED_CHINESE, "gbk"),
        _sample("gbk chinese short", SIMPLIFIED_CHINESE_SHORT, "gbk"),
        _sample("gbk english+chinese", ENGLISH_WITH_CHINESE, "gbk"),
        _sample("big5 traditional chinese", TRADITIONAL_CHINESE, "big5"),
        _sample("big5 traditional chinese short", TRADITIONAL_CHINESE_SHORT, "big5"),
        _sample("shift_jis japanese", JAPANESE, "shift_jis"),
        _sample("shift_jis japanese short", JAPANESE_SHORT, "shift_jis"),
        _sample("euc_jp japanese", JAPANESE, "euc_jp"),
        _sample("euc_kr korean", KOREAN, "euc_kr"),
        _sample("euc_kr korean short", KOREAN_SHORT, "euc_kr"),
        _sample("cp1251 russian", RUSSIAN, "cp1251"),
        _sample("cp1251 russian short", RUSSIAN_SHORT, "cp1251"),
        _sample("koi8_r russian", RUSSIAN, "koi8_r"),
        _sample("koi8_r russian short", RUSSIAN_SHORT, "koi8_r"),
        _sample("cp1252 french", FRENCH, "cp1252"),
        _sample("cp1252 french short", FRENCH_SHORT, "cp1252"),
        _sample("cp1252 german", GERMAN, "cp1252"),
        _sample("cp1252 german short", GERMAN_SHORT, "cp1252"),
        _sample("latin-1 portuguese", PORTUGUESE, "latin-1"),
        _sample("latin-1 portuguese short", PORTUGUESE_SHORT, "latin-1"),
        _page("html meta charset big5", _HTML_BIG5, TRADITIONAL_CHINESE_SHORT, "big5"),
        _page("html http-equiv gb2312", _HTML_HTTP_EQUIV_GBK, SIMPLIFIED_CHINESE, "gb2312"),
        _page("xml declaration shift_jis", _XML_SHIFT_JIS, JAPANESE_SHORT, "shift_jis"),
    ]
