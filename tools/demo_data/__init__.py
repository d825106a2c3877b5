"""A deterministic year (2026) of the Civil Affairs Bureau of 清川市 (county code 330481, 20 towns), as
NDJSON for `civic-ledger import`. `tools/demo-data --help` says how to run it; its header lists the
stream names."""
import datetime as dt
import random

from .assistance import Relief
from .city import City
from .eldercare import ElderCare
from .marriage import Marriages
from .organizations import Organizations
from .people import Population
from .services import Services
from .socialwork import SocialWork
from .timeline import END, Calendar, Timeline
from .visits import Households

# The demo key, 32 bytes as 64 hexadecimal digits: SHA-256("civic-ledger-demo-pseudonym-key"). tools/run
# writes it as the new ledger's pseudonym.key so that the demo's stream names are the ones the service computes.
DEFAULT_PSEUDONYM_KEY = "be8002e9eb167366cf0a9b221d37fda83bf448cdbeb3d9d1407caa7d47cc55d2"

# How many of each record a year has at scale 1, and the fewest at any scale (so that a run at
# --scale 0.01 still takes every path of every process).
SIZES = {
    "relief cases": (3000, 30), "households": (2500, 12), "projects": (36, 6),
    "marriages": (4000, 20), "divorce applications": (1400, 8), "marriage refusals": (80, 4), "reissues": (60, 4),
    "institutions": (36, 6), "renovations": (480, 4), "elders": (400, 4),
    "organisations": (400, 10), "new organisations": (50, 2), "grid organisations": (300, 3), "brands": (12, 1),
    "fine projects": (100, 2), "enforcement cases": (40, 4), "random inspections": (8, 2),
    "rescue cases": (200, 6), "children": (300, 4), "children's homes": (140, 20), "new children's homes": (30, 2),
    "ash deposits": (300, 2), "wall burials": (120, 1), "place names": (40, 3), "new place names": (25, 1),
    "renamed places": (5, 1), "sign upgrades": (60, 2), "migrant projects": (20, 1), "migrant households": (600, 2),
    "petitions": (50, 1),
}


def generate(out, seed=1, scale=1.0, key=DEFAULT_PSEUDONYM_KEY, until=END):
    """Writes the year to `out` (a text stream); returns the number of events written."""
    size = {name: max(low, round(base * scale)) for name, (base, low) in SIZES.items()}

    def rng(domain):
        return random.Random(f"{seed}:{domain}")

    timeline = Timeline(seed, scale, until)
    calendar = Calendar()
    city = City(rng("city"))
    people = Population(rng("people"))
    secret = bytes.fromhex(key)
    if len(secret) != 32:
        raise ValueError("the pseudonym key is 32 bytes written as 64 hexadecimal digits")

    orgs = Organizations(timeline, city, people, calendar, rng("organizations"))
    orgs.generate(size["organisations"], size["new organisations"], size["grid organisations"], size["brands"],
                  size["fine projects"], size["enforcement cases"], size["random inspections"])
    Relief(timeline, city, people, calendar, rng("assistance")).generate(size["relief cases"])
    Households(timeline, city, people, calendar, rng("visits")).generate(size["households"])
    SocialWork(timeline, city, calendar, rng("socialwork"), orgs.agencies, orgs.evaluators).generate(size["projects"])
    Marriages(timeline, people, calendar, rng("marriage"), secret).generate(
        size["marriages"], size["divorce applications"], size["marriage refusals"], size["reissues"])
    care = ElderCare(timeline, city, people, calendar, rng("eldercare"), secret)
    care.generate(size["institutions"], size["renovations"], size["elders"])
    services = Services(timeline, city, people, calendar, rng("services"), care.institutions)
    services.rescue(size["rescue cases"])
    services.children(size["children"], size["children's homes"], size["new children's homes"])
    services.funeral(size["ash deposits"], size["wall burials"])
    services.place_names(size["place names"], size["new place names"], size["renamed places"], size["sign upgrades"])
    services.migrants(size["migrant projects"], size["migrant households"], size["petitions"])
    return timeline.write(out)


def parse_date(text):
    return dt.date.fromisoformat(text)
