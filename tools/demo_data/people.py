"""Synthetic residents: names, 18-character ID numbers (GB 11643), phones, pseudonyms for stream names."""
import datetime as dt
import hashlib
import hmac

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"

# The city's own county, and a few real county codes for people born elsewhere (marriage is
# registered anywhere in the country, and residents come from many places).
HOME_REGION = "330481"
OTHER_REGIONS = ("330482", "330424", "330106", "320583", "340122", "360124", "410523", "431023",
                 "510623", "522121", "612526", "420111")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
MALE_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国文斌志强永生德海春晓东立新"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英华玲桂兰萍红燕梅琳雪婷倩洁颖琴云莉慧巧美凤素彩月淑珍玉晶晓丹佳悦欣怡"


def check_char(first17):
    """The GB 11643 check character of the first 17 digits."""
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def pseudonym(key, id_number):
    """The first 16 bytes of HMAC-SHA-256 of the ID number under the pseudonym key, as 32 lower-case
    hex digits: exactly what the service's PseudonymKey computes."""
    return hmac.new(key, id_number.encode("ascii"), hashlib.sha256).hexdigest()[:32]


def make_name(rng, sex):
    """A synthetic full name: a common surname and one or two given-name characters."""
    chars = MALE_CHARS if sex == "male" else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


class Person:
    __slots__ = ("id_number", "name", "sex", "birth")

    def __init__(self, id_number, name, sex, birth):
        self.id_number, self.name, self.sex, self.birth = id_number, name, sex, birth

    def age_on(self, d):
        return d.year - self.birth.year - ((d.month, d.day) < (self.birth.month, self.birth.day))

    def party(self):
        """The person as a marriage party (the catalog's `party`)."""
        return {"idNumber": self.id_number, "name": self.name, "sex": self.sex, "birthDate": self.birth.isoformat()}


class Population:
    """Makes unique residents; each ID number is issued once."""

    def __init__(self, rng):
        self.rng = rng
        self.issued = set()

    def name(self, sex):
        return make_name(self.rng, sex)

    def person(self, born_from, born_to, sex=None, local=0.85):
        """A new resident born between the two dates (inclusive)."""
        rng = self.rng
        sex = sex or rng.choice(("male", "female"))
        region = HOME_REGION if rng.random() < local else rng.choice(OTHER_REGIONS)
        span = (born_to - born_from).days
        while True:
            birth = born_from + dt.timedelta(days=rng.randrange(span + 1))
            seq = rng.randrange(0, 500) * 2 + (1 if sex == "male" else 0)  # odd: male, even: female
            first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
            number = first17 + check_char(first17)
            if number not in self.issued:
                self.issued.add(number)
                return Person(number, self.name(sex), sex, birth)

    def aged(self, on, low, high, sex=None, local=0.85):
        """A new resident aged between low and high (inclusive) on the given date."""
        born_to = on.replace(year=on.year - low) if not (on.month == 2 and on.day == 29) else on - dt.timedelta(days=365 * low)
        born_from = on.replace(year=on.year - high - 1) + dt.timedelta(days=1)
        return self.person(born_from, born_to, sex, local)

    def phone(self):
        rng = self.rng
        return rng.choice(("13", "15", "18", "17", "19")) + "".join(str(rng.randrange(10)) for _ in range(9))
