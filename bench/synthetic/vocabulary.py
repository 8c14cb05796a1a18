"""Words the made-up project is written with: places, names, titles, topics and headings."""

from __future__ import annotations

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
GIVEN_CHARACTERS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文华建国红志新晓小海东林玉兰凯春梅云波宁鹏辉斌"
    "宇浩凡俊鑫婷雪琳晨阳光良峰龙飞荣庆德昌成永祥福胜安嘉思雨佳子一天正中立学世家宏振卫兵力茂发"
    "清彬璐颖倩蕾丹"
)
PLACE_CHARACTERS = "安平永宁新和长东西南北阳山江河城丰泰华兴德昌武文清宜福乐康寿定远化隆嘉恩源"

PROVINCES = (
    ("Beijing", "北京"), ("Tianjin", "天津"), ("Hebei", "河北"), ("Shanxi", "山西"),
    ("Inner Mongolia", "内蒙古"), ("Liaoning", "辽宁"), ("Jilin", "吉林"),
    ("Heilongjiang", "黑龙江"), ("Shanghai", "上海"), ("Jiangsu", "江苏"), ("Zhejiang", "浙江"),
    ("Anhui", "安徽"), ("Fujian", "福建"), ("Jiangxi", "江西"), ("Shandong", "山东"),
    ("Henan", "河南"), ("Hubei", "湖北"), ("Hunan", "湖南"), ("Guangdong", "广东"),
    ("Guangxi", "广西"), ("Hainan", "海南"), ("Chongqing", "重庆"), ("Sichuan", "四川"),
    ("Guizhou", "贵州"), ("Yunnan", "云南"), ("Tibet", "西藏"), ("Shaanxi", "陕西"),
    ("Gansu", "甘肃"), ("Qinghai", "青海"), ("Ningxia", "宁夏"), ("Xinjiang", "新疆"),
)
CHINESE_CITIES = (
    "Beijing", "Shanghai", "Kunming", "Chengdu", "Guiyang", "Nanning", "Lanzhou", "Xi'an",
    "Wuhan", "Changsha", "Hangzhou", "Nanjing", "Guangzhou", "Shenzhen", "Xiamen", "Harbin",
    "Yinchuan", "Xining", "Hohhot", "Lhasa", "Urumqi", "Chongqing", "Tianjin", "Haikou",
    "Fuzhou", "Jinan", "Zhengzhou", "Hefei", "Nanchang", "Taiyuan", "Shenyang", "Dali", "Guilin",
    "Yan'an",
)
CAPITALS = {
    "BR": "Brasília", "MZ": "Maputo", "TZ": "Dar es Salaam", "RU": "Moscow", "KZ": "Astana",
    "US": "Washington", "GB": "London", "FR": "Paris", "DE": "Berlin", "JP": "Tokyo",
    "KR": "Seoul", "IN": "New Delhi", "BD": "Dhaka", "PK": "Islamabad", "NP": "Kathmandu",
    "LK": "Colombo", "ID": "Jakarta", "MY": "Kuala Lumpur", "VN": "Hanoi", "LA": "Vientiane",
    "KH": "Phnom Penh", "TH": "Bangkok", "MM": "Naypyidaw", "PH": "Manila", "ET": "Addis Ababa",
    "KE": "Nairobi", "UG": "Kampala", "NG": "Abuja", "GH": "Accra", "ZA": "Pretoria",
    "ZM": "Lusaka", "ZW": "Harare", "BW": "Gaborone", "MW": "Lilongwe", "SL": "Freetown",
    "SN": "Dakar", "EG": "Cairo", "MA": "Rabat", "MX": "Mexico City", "PE": "Lima",
    "VE": "Caracas", "AR": "Buenos Aires", "CU": "Havana", "CL": "Santiago", "CH": "Bern",
    "IT": "Rome", "NL": "The Hague", "SE": "Stockholm", "NO": "Oslo", "AU": "Canberra",
    "NZ": "Wellington", "CA": "Ottawa", "TO": "Nuku'alofa", "FJ": "Suva", "MN": "Ulaanbaatar",
    "LR": "Monrovia", "RW": "Kigali", "AO": "Luanda", "SD": "Khartoum", "AT": "Vienna",
    "PT": "Lisbon",
}
"""Partner countries (by ISO code) and the city their delegations are received in."""

FOREIGN_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (("BR", "MZ", "AO", "PT"),
     ("João", "Maria", "Ana", "Pedro", "Tiago", "Luís", "Carlos", "Fernanda", "Paulo", "Rita",
      "Aires", "Aiuba"),
     ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida",
      "Nascimento", "Lima", "Cuereneia", "Ali")),
    (("MX", "PE", "VE", "AR", "CU", "CL"),
     ("José", "Ana", "Luis", "Carmen", "Javier", "Lucía", "Miguel", "Sofía", "Diego", "Elena"),
     ("García", "Martínez", "López", "González", "Maldonado", "Ramírez", "Torres", "Flores",
      "Vargas", "Castillo")),
    (("US", "GB", "AU", "NZ", "CA", "LR", "SL", "GH", "NG", "ZA"),
     ("John", "Mary", "James", "Gillian", "Mark", "Sarah", "David", "Emma", "Thomas", "Grace",
      "Jim", "Helen"),
     ("Smith", "Johnson", "Brown", "Mellsop", "Lundell", "Taylor", "Wilson", "Kargbo", "Mensah",
      "Okafor", "Kim", "Evans")),
    (("FR", "SN", "CH", "AT", "DE", "NL"),
     ("Pierre", "Marie", "Jean", "Claire", "Martin", "Thomas", "Anna", "Lukas", "Sophie",
      "Henri"),
     ("Dubois", "Martin", "Dahinden", "Müller", "Schmidt", "Diallo", "Ndiaye", "Weber",
      "de Vries", "Fischer")),
    (("RU", "KZ", "MN"),
     ("Andrei", "Anton", "Olga", "Sergei", "Natalia", "Dmitri", "Aigerim", "Nurlan", "Bat"),
     ("Ivanov", "Petrova", "Nova", "Smirnov", "Kuznetsova", "Nazarbayev", "Bold", "Sokolov")),
    (("TZ", "KE", "UG", "ET", "RW", "ZM", "ZW", "BW", "MW", "SD"),
     ("Amina", "Joseph", "Momodu", "Grace", "Ombeni", "Mokgweetsi", "Abebe", "Wanjiru", "Chipo"),
     ("Mwangi", "Banda", "Phiri", "Moyo", "Kamau", "Otieno", "Sefue", "Masisi", "Tesfaye",
      "Nkurunziza")),
    (("IN", "BD", "PK", "NP", "LK"),
     ("Mostafizur", "Priya", "Anil", "Ravi", "Fatima", "Sunita", "Imran", "Bishnu"),
     ("Rahman", "Sharma", "Singh", "Kumar", "Hossain", "Khan", "Perera", "Thapa")),
    (("ID", "MY", "PH"),
     ("Armida", "Budi", "Siti", "Agus", "Dewi", "Ahmad", "Maria", "Jose"),
     ("Alisjahbana", "Santoso", "Wijaya", "Hidayat", "Abdullah", "Reyes", "Cruz")),
    (("VN", "LA", "KH", "TH", "MM"),
     ("Somphong", "Thongsing", "Lan", "Minh", "Sokha", "Somchai", "Aung", "Khin"),
     ("Nguyen", "Phommavong", "Tran", "Sokun", "Srisuk", "Win", "Keo", "Vongsa")),
    (("JP", "KR"),
     ("Hiroshi", "Yuki", "Kenji", "Min-jun", "Ji-woo", "Akiko", "Seo-yeon"),
     ("Tanaka", "Suzuki", "Sato", "Kim", "Lee", "Park", "Watanabe")),
    (("EG", "MA", "TO", "FJ"),
     ("Ahmed", "Mohamed", "Fatima", "Omar", "Leila", "Sione", "Lord"),
     ("Hassan", "Mansour", "Haddad", "Fakafanua", "Tupou", "Bainimarama")),
)
"""Groups of nationalities (ISO codes) with given names and family names common there."""

CHINESE_TITLES = (
    "Minister", "Vice Minister", "Director General", "Deputy Director General",
    "Division Director", "Deputy Division Director", "Program Officer", "Professor",
    "Researcher", "Governor", "Vice Governor", "County Head", "Chairman", "General Manager",
    "Secretary-General", "Counsellor",
)
FOREIGN_TITLES = (
    "Minister", "Deputy Minister", "Ambassador", "Country Director", "Senior Project Manager",
    "Deputy Executive Director", "Professor", "Permanent Secretary", "State Minister",
    "Director", "Chief Secretary", "Representative",
)
HONORIFICS = ("Mr.", "Ms.", "Dr.")

TOPICS = (
    ("poverty reduction", "减贫"), ("rural development", "农村发展"),
    ("microfinance", "小额信贷"), ("agricultural technology", "农业技术"),
    ("community-driven development", "社区主导型发展"), ("social protection", "社会保障"),
    ("South–South cooperation", "南南合作"), ("women's empowerment", "妇女赋权"),
    ("child poverty", "儿童贫困"), ("disaster risk reduction", "防灾减灾"),
    ("food security", "粮食安全"), ("vocational training", "职业培训"),
    ("poverty relief relocation", "易地扶贫搬迁"), ("eco-tourism", "生态旅游"),
    ("poverty monitoring", "贫困监测"), ("rural infrastructure", "农村基础设施"),
)
PRODUCTS = (
    ("Tea", "茶叶"), ("Apple", "苹果"), ("Potato", "马铃薯"), ("Walnut", "核桃"),
    ("Mushroom", "食用菌"), ("Cattle", "肉牛"), ("Honey", "蜂蜜"), ("Kiwi Fruit", "猕猴桃"),
)
MINISTRY_DOMAINS = (
    ("Agriculture", "农业"), ("Agrarian Development", "农业发展"),
    ("Rural Development", "农村发展"), ("Finance", "财政"), ("Foreign Affairs", "外交"),
    ("Planning and Development", "计划与发展"), ("Social Development", "社会发展"),
    ("Labour", "劳动"), ("Health", "卫生"), ("Education", "教育"),
    ("Local Government", "地方政府"), ("Women's Affairs", "妇女事务"),
)

EVENT_TYPE_WEIGHTS = {
    "visit abroad": 20, "reception": 20, "overseas training": 10, "conference/forum": 12,
    "seminar/training": 12, "research": 6, "exchange": 8, "project": 7, "agreement signing": 5,
}
SECTION_HEADINGS = (
    ("International Exchanges", "Visits", ("visit abroad",)),
    ("International Exchanges", "Reception activities", ("reception",)),
    ("International Exchanges", "Overseas training", ("overseas training",)),
    ("International Conferences", "Conferences and forums", ("conference/forum",)),
    ("International Conferences", "Seminars and trainings", ("seminar/training",)),
    ("Cooperation Projects", "Research and exchanges", ("research", "exchange")),
    ("Cooperation Projects", "Loans and projects", ("project",)),
    ("Cooperation Projects", "Agreements", ("agreement signing",)),
)
"""Part title, 【heading】 and the event types told under it, in the order a chapter has them."""

FOOTER = "(Department of International Cooperation and Social Mobilization, LGOP)"

FILLER_SENTENCES = (
    "International exchange and cooperation in {topic} is an important part of the "
    "development path with Chinese characteristics.",
    "The two sides exchanged views on further deepening their cooperation in {topic}.",
    "Both sides agreed to strengthen the sharing of knowledge and experience in {topic}.",
    "The participants visited pilot villages and learned about local practice in {topic}.",
    "The activity widened the channels of communication and raised the international "
    "influence of China's work on {topic}.",
    "Experts from both countries gave lectures on policy and practice in {topic}.",
    "The meeting reviewed the fruitful cooperation of past years and discussed the next steps "
    "in {topic}.",
    "A total of {number} officials and experts took part in the activities on {topic}.",
    "The programme combined classroom teaching, field visits and discussions on {topic}.",
    "Further cooperation in {topic} was planned for the coming year.",
)
