"""Households in difficulty (困难群众探访关爱), stream `household-<householdId>`: a warning colour, visits
at its interval (red weekly and within 24 h of a major change, orange monthly, yellow quarterly), some
visits late, some households moved to another colour or cleared, a few warm-nest renovations."""
import hashlib

from . import texts
from .timeline import DAY, END, START, iso

INTERVAL_DAYS = {"red": 7, "orange": 30, "yellow": 91}  # DOMAIN.md's defaults (monthly, quarterly ≈ 30, 91 days)
COLOURS = ("red", "orange", "yellow")
COLOUR_WEIGHTS = (10, 35, 55)
# What happens to a household in the year; the first households take each once.
STORIES = ("escalated", "late", "cleared", "warm-nest", "stopped", "steady")
STORY_WEIGHTS = (8, 8, 5, 2, 3, 74)
REASONS = {"red": ("serious-illness", "elderly-living-alone", "housing-danger", "accident"),
           "orange": ("disability", "elderly-living-alone", "income-loss", "serious-illness"),
           "yellow": ("income-loss", "left-behind", "disability", "other")}


class Households:
    def __init__(self, timeline, city, population, calendar, rng):
        self.t, self.city, self.pop, self.cal, self.rng = timeline, city, population, calendar, rng
        self.village_serials = {}

    def generate(self, n):
        rng = self.rng
        starts = sorted(START + DAY * (rng.randrange(2, 20) if rng.random() < 0.75 else rng.randrange(20, 300))
                        for _ in range(n))
        for i, start in enumerate(starts):
            Household(self, i, start).run()


class Household:
    def __init__(self, households, i, start):
        self.h, self.rng = households, households.rng
        rng = self.rng
        self.town = households.city.town()
        self.village, self.village_name = households.city.village(self.town)
        serial = households.village_serials[self.village] = households.village_serials.get(self.village, 0) + 1
        self.household_id = f"HH-{self.village}-{serial:04d}"
        self.stream = f"household-{self.household_id}"
        self.entity = households.t.entity()
        self.start = start
        self.story = texts.pick(rng, i, STORIES, STORY_WEIGHTS)
        self.colour = texts.pick(rng, i, COLOURS, COLOUR_WEIGHTS)
        if self.story == "escalated" and self.colour == "red":
            self.colour = "orange"  # escalates to red later
        self.head = households.pop.aged(start, 60, 95, local=1) if rng.random() < 0.7 else households.pop.aged(start, 30, 59, local=1)
        self.staff = households.city.staff(self.town.code, 2)

    def run(self):
        rng = self.rng
        visit = self.set_level(self.colour, self.start, major=self.colour == "red" and rng.random() < 0.5)
        if self.story == "warm-nest":
            self.warm_nest()
        change = cleared = stop = late = None
        if self.story == "escalated":
            change = self.start + DAY * rng.randrange(40, 250)
        elif self.story == "cleared":
            cleared = self.start + DAY * rng.randrange(60, 300)
        elif self.story == "stopped":
            stop = END - DAY * (INTERVAL_DAYS[self.colour] + rng.randrange(5, 40))
        elif self.story == "late":
            late = self.start + DAY * rng.randrange(20, 250)
        while visit <= END:
            if cleared and visit >= cleared:
                self.entity.emit(self.stream, "assistance.WarningCleared", {
                    "householdId": self.household_id, "town": self.town.code, "clearedDate": iso(cleared),
                    "reason": rng.choice(("circumstances-improved", "moved-away", "entered-institution"))})
                return
            if change and visit >= change:
                self.colour = "red" if self.colour == "orange" else "orange"
                visit = self.set_level(self.colour, change, major=self.colour == "red")
                change = None
                continue
            if stop and visit >= stop:
                return
            self.record_visit(visit)
            gap = INTERVAL_DAYS[self.colour]
            step = gap - rng.randrange(0, max(1, gap // 5))
            if late and visit >= late:
                step = gap + rng.randrange(3, max(6, gap // 2))  # one visit overdue
                late = None
            visit += DAY * step

    def warm_nest(self):
        """The warm-nest action renovates the home of a household whose housing is in danger."""
        rng = self.rng
        done = min(self.start + DAY * rng.randrange(30, 120), END)
        self.entity.emit(self.stream, "rescue.WarmNestRenovationCompleted", {
            "householdId": self.household_id, "town": self.town.code, "completedDate": iso(done),
            "items": rng.sample(("roof", "windows", "heating", "electrics", "bathroom", "furniture"), rng.randrange(1, 4)),
            "costFen": rng.randrange(20, 120) * 100000})

    def set_level(self, colour, day, major):
        """Sets the colour; a major change is visited within 24 hours. Returns the next visit's date."""
        rng = self.rng
        fields = {"householdId": self.household_id, "town": self.town.code, "village": self.village, "level": colour,
                  "setDate": iso(day), "headIdNumber": self.head.id_number, "headName": self.head.name,
                  "reasons": rng.sample(REASONS[colour], rng.randrange(1, 3)),
                  "specialDifficultyElderly": self.head.age_on(day) >= 70 and rng.random() < 0.6}
        if major:
            hour = rng.randrange(7, 16)
            fields["majorChangeAt"] = f"{iso(day)}T{hour:02d}:{rng.randrange(60):02d}:00+08:00"
            self.major = (day, hour)
        self.entity.emit(self.stream, "assistance.WarningLevelSet", fields)
        if major:
            return day
        return day + DAY * rng.randrange(1, min(7, INTERVAL_DAYS[colour]))

    def record_visit(self, day):
        rng = self.rng
        major = getattr(self, "major", None)
        if major and major[0] == day:
            at = f"{iso(day)}T{min(major[1] + rng.randrange(1, 6), 23):02d}:{rng.randrange(60):02d}:00+08:00"
            method = "in-person"
            self.major = None
        else:
            at = f"{iso(day)}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00+08:00"
            method = rng.choices(("in-person", "phone-video", "third-party", "volunteer", "smart-alert"),
                                 (60, 20 if self.colour != "red" else 5, 5, 10, 5))[0]
        visitors = [{"role": "village-cadre", "staffId": self.staff[0], "name": self.h.city.staff_name(self.staff[0])}]
        if method in ("in-person", "volunteer") and rng.random() < 0.5:
            visitors.append({"role": "volunteer" if method == "volunteer" else "social-worker",
                             "name": self.h.pop.name(rng.choice(("male", "female")))})
        follow = rng.choices(tuple(texts.FOLLOW_UPS), (70, 4, 6, 6, 2, 8, 4))[0]
        fields = {"householdId": self.household_id, "town": self.town.code,
                  "visitId": uuid(f"{self.household_id}:{day}"), "visitDate": iso(day), "visitedAt": at,
                  "method": method, "visitors": visitors, "findings": rng.choice(texts.VISIT_FINDINGS),
                  "followUp": [follow]}
        if texts.FOLLOW_UPS[follow]:
            fields["followUpNote"] = texts.FOLLOW_UPS[follow]
        self.entity.emit(self.stream, "assistance.HomeVisitRecorded", fields)


def uuid(text):
    h = hashlib.sha256(text.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-b{h[17:20]}-{h[20:32]}"
