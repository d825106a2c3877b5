"""The city: 20 towns with their villages, the bureau's staff codes, organisations' credit codes."""
import random

from .people import HOME_REGION, make_name

COUNTY = HOME_REGION
OFFICE = COUNTY  # the marriage registration office is the county's

# Synthetic town names (镇/街道); codes 330481101..330481120 as in the catalog's examples.
TOWN_NAMES = ("清溪街道", "梅湾街道", "云桥街道", "南塘街道", "北湖镇", "石泉镇", "桑园镇", "丰乐镇", "长安镇", "柳湾镇",
              "双河镇", "青山镇", "白鹭镇", "荷塘镇", "东港镇", "杏林镇", "松岭乡", "枫溪乡", "茶坞乡", "新塘乡")
TOWN_PINYIN = ("Qingxi", "Meiwan", "Yunqiao", "Nantang", "Beihu", "Shiquan", "Sangyuan", "Fengle", "Changan", "Liuwan",
               "Shuanghe", "Qingshan", "Bailu", "Hetang", "Donggang", "Xinglin", "Songling", "Fengxi", "Chawu", "Xintang")
VILLAGE_WORDS = ("东村", "西村", "南村", "北村", "新村", "桥头村", "河滨社区", "花园社区", "湖畔社区", "山前村", "塘湾村",
                 "竹林村", "石桥村", "庄头村", "义和村", "丰收村")
ROADS = ("文昌路", "人民路", "解放路", "健康路", "长征路", "建设路", "工人路", "学林街", "海州路", "水月亭路", "硖川路", "东山路")

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_check(first17):
    """The GB 32100 check character of a unified social credit code."""
    total = sum(CREDIT_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return CREDIT_CHARS[(31 - total % 31) % 31]


class Town:
    def __init__(self, index, rng):
        self.code = f"{COUNTY}{101 + index:03d}"
        self.name = TOWN_NAMES[index]
        self.pinyin = TOWN_PINYIN[index]
        count = rng.randrange(8, 15)
        self.villages = [(f"{self.code}{201 + i:03d}", self.name[:2] + VILLAGE_WORDS[i % len(VILLAGE_WORDS)])
                         for i in range(count)]


class City:
    def __init__(self, rng):
        self.rng = rng
        self.towns = [Town(i, rng) for i in range(len(TOWN_NAMES))]
        self.credit_serial = 0
        self.staff_by_town = {t.code: [f"STF-{100000 + i * 100 + k:06d}" for k in range(1, 13)]
                              for i, t in enumerate(self.towns)}
        self.county_staff = [f"STF-{200000 + k:06d}" for k in range(1, 40)]

    def town(self):
        return self.rng.choice(self.towns)

    def village(self, town):
        return self.rng.choice(town.villages)

    def address(self, town, village_name):
        rng = self.rng
        if rng.random() < 0.5:
            return f"浙江省清川市{town.name}{village_name}{rng.randrange(1, 300)}号"
        return f"浙江省清川市{town.name}{rng.choice(ROADS)}{rng.randrange(1, 400)}号{rng.randrange(1, 20)}幢{rng.randrange(101, 1802)}室"

    def staff(self, town_code, n=1):
        return self.rng.sample(self.staff_by_town[town_code], n)

    @staticmethod
    def staff_name(code):
        """The name of the worker behind a staff code: the same every time the code appears."""
        rng = random.Random(f"staff:{code}")
        return make_name(rng, rng.choice(("male", "female")))

    def credit_code(self, kind="52"):
        """A new unified social credit code: 51 social group, 52 private non-enterprise, 53 foundation,
        91 company; then the region, a 9-character organisation code and the check character."""
        self.credit_serial += 1
        org = f"MJ{self.credit_serial:06d}{self.rng.choice(CREDIT_CHARS)}"
        first17 = f"{kind}{COUNTY}{org}"
        return first17 + credit_check(first17)
