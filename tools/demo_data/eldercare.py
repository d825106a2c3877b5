"""Elderly care. Institutions, stream `institution-<institutionId>`: filed (the ones that took residents
before 2026 come first, with their own dates), beds and dementia-care beds changed, social workers
assigned and leaving. Age-friendly renovations, stream `renovation-<renovationId>`: survey → capacity
assessment → plan (subsidy up to 3,000 yuan) → works → acceptance (a few fail and pass on a second
inspection) → satisfaction check. Other assessments and home-care services, stream `elder-<pseudonym>`."""
import datetime as dt
import hashlib

from .people import pseudonym
from .timeline import DAY, START, iso

SUBSIDY_CAP = 300000  # one locality subsidises up to 3,000 yuan a household
LEVELS = ((90, "intact"), (66, "mild"), (46, "moderate"), (30, "severe"), (0, "total"))  # GB/T 42195-2022 scores
ITEMS = {"grab-bars": (30000, 80000), "anti-slip-floor": (50000, 150000), "ramp": (40000, 120000),
         "bathroom": (80000, 250000), "lighting": (20000, 60000), "smart-alarm": (30000, 90000),
         "care-bed": (150000, 300000)}
NAMES = ("颐养院", "康乐园", "福寿苑", "夕阳红养老院", "长者照护中心", "颐和护理院")
CONTRACTORS = ("清川安居建设工程有限公司", "清川康居装饰工程有限公司", "浙江适老家居科技有限公司")


def level(score):
    return next(name for low, name in LEVELS if score >= low)


class ElderCare:
    def __init__(self, timeline, city, population, calendar, rng, key):
        self.t, self.city, self.pop, self.cal, self.rng, self.key = timeline, city, population, calendar, rng, key
        self.assessments = 0
        self.institutions = []
        self.contractors = [(city.credit_code("91"), name) for name in CONTRACTORS]
        self.providers = [city.credit_code("52") for _ in range(4)]

    def generate(self, institutions, renovations, elders):
        for i in range(institutions):
            self.institution(i, existing=i < institutions * 5 // 6)
        self.renovations(renovations)
        for i in range(elders):
            self.elder(first=i == 0)

    def institution(self, i, existing):
        rng, cal = self.rng, self.cal
        iid, e = f"EI-330481-{i + 1:04d}", self.t.entity()
        town = self.city.town()
        stream = f"institution-{iid}"
        if existing:
            residents = dt.date(rng.randrange(2008, 2026), rng.randrange(1, 13), rng.randrange(1, 29))
        else:
            residents = cal.next_working(START + DAY * rng.randrange(20, 300))
        filed = cal.add_working(residents, rng.randrange(2, 11))  # within 10 working days
        beds = rng.randrange(3, 30) * 10
        dementia = rng.choice((0, 0, 0, 10, 20)) if beds > 60 else 0
        e.emit(stream, "eldercare.InstitutionFiled", {
            "institutionId": iid, "town": town.code, "institutionName": town.name[:2] + rng.choice(NAMES),
            "creditCode": self.city.credit_code("52"), "premisesAddress": self.city.address(town, town.villages[0][1]),
            "legalRepresentativeName": self.pop.name(rng.choice(("male", "female"))),
            "ownership": rng.choice(("public", "private", "private", "public-private")),
            "premises": rng.choice(("owned", "leased")), "beds": beds, "dementiaBeds": dementia,
            "floorAreaSqm": beds * rng.randrange(25, 45), "firstResidentsDate": iso(residents), "filedDate": iso(filed)})
        self.institutions.append((iid, town.code))
        start = max(filed, START)
        if rng.random() < 0.45 or i == 0:
            built = cal.next_working(start + DAY * rng.randrange(30, 300))
            dementia += rng.randrange(1, 4) * 10
            e.emit(stream, "eldercare.BedsChanged", {
                "institutionId": iid, "town": town.code, "changedDate": iso(built), "beds": beds, "dementiaBeds": dementia,
                "reason": rng.choice(("dementia-unit-built", "conversion"))})
        if rng.random() < 0.1:
            beds += rng.randrange(2, 6) * 10
            e.emit(stream, "eldercare.BedsChanged", {
                "institutionId": iid, "town": town.code, "changedDate": iso(cal.next_working(start + DAY * rng.randrange(200, 330))),
                "beds": beds, "dementiaBeds": dementia, "reason": "new-building"})
        worker_day = cal.add_working(start, rng.randrange(5, 40))
        for k in range(rng.choice((1, 1, 2))):
            worker = self.pop.aged(worker_day, 23, 45, local=0.9)
            employment = "full-time" if k == 0 else rng.choice(("full-time", "part-time"))
            e.emit(stream, "eldercare.SocialWorkerAssigned", {
                "institutionId": iid, "town": town.code, "socialWorkerIdNumber": worker.id_number,
                "socialWorkerName": worker.name, "assignedDate": iso(worker_day), "employment": employment,
                "qualification": rng.choice(("assistant", "assistant", "intermediate", "senior", "none"))})
            if k == 0 and (rng.random() < 0.12 or i == 1):
                left = cal.next_working(worker_day + DAY * rng.randrange(60, 200))
                e.emit(stream, "eldercare.SocialWorkerLeft", {
                    "institutionId": iid, "town": town.code, "socialWorkerIdNumber": worker.id_number, "leftDate": iso(left)})
                worker_day = cal.add_working(left, rng.randrange(5, 25))
                replacement = self.pop.aged(worker_day, 23, 45, local=0.9)
                e.emit(stream, "eldercare.SocialWorkerAssigned", {
                    "institutionId": iid, "town": town.code, "socialWorkerIdNumber": replacement.id_number,
                    "socialWorkerName": replacement.name, "assignedDate": iso(worker_day), "employment": "full-time",
                    "qualification": rng.choice(("assistant", "intermediate"))})

    def assessment(self, day, person, town, purpose, renovation_id=None):
        rng = self.rng
        self.assessments += 1
        score = rng.choice((90, rng.randrange(66, 90), rng.randrange(46, 66), rng.randrange(30, 46), rng.randrange(0, 30)))
        fields = {"assessmentId": f"CA-2026-{self.assessments:06d}", "town": town, "elderIdNumber": person.id_number,
                  "assessedDate": iso(day), "score": score, "level": level(score), "purpose": purpose}
        if renovation_id:
            fields["renovationId"] = renovation_id
        fields["assessorStaffIds"] = self.city.staff(town, 2)
        return fields

    def renovations(self, n):
        rng, cal = self.rng, self.cal
        surveys = sorted(cal.next_working(START + DAY * rng.randrange(20, 320)) for _ in range(n))
        serials = {}
        for i, day in enumerate(surveys):
            town = self.city.town()
            village, village_name = self.city.village(town)
            serials[town.code] = serials.get(town.code, 0) + 1
            rid, e = f"AR-{town.code}-2026-{serials[town.code]:04d}", self.t.entity()
            stream = f"renovation-{rid}"
            elder = self.pop.aged(day, 65, 96, local=1)
            needs = rng.sample(tuple(ITEMS), rng.randrange(1, 4))
            e.emit(stream, "eldercare.RenovationSurveyed", {
                "renovationId": rid, "town": town.code, "village": village, "elderIdNumber": elder.id_number,
                "elderName": elder.name, "address": self.city.address(town, village_name), "surveyDate": iso(day),
                "needs": needs})
            day = cal.add_working(day, rng.randrange(2, 8))
            e.emit(stream, "eldercare.CapacityAssessed", self.assessment(day, elder, town.code, "renovation", rid))
            items = [{"item": item, "costFen": rng.randrange(*ITEMS[item]) // 100 * 100} for item in needs]
            total = sum(x["costFen"] for x in items)
            subsidy = min(total, SUBSIDY_CAP)
            day = cal.add_working(day, rng.randrange(3, 10))
            e.emit(stream, "eldercare.RenovationPlanned", {"renovationId": rid, "town": town.code, "plannedDate": iso(day),
                                                           "items": items, "totalCostFen": total, "subsidyFen": subsidy})
            day = cal.add_working(day, rng.randrange(3, 15))
            contractor = rng.choice(self.contractors)
            e.emit(stream, "eldercare.RenovationWorksStarted", {
                "renovationId": rid, "town": town.code, "startDate": iso(day), "contractorCreditCode": contractor[0],
                "contractorName": contractor[1]})
            day = cal.add_working(day, rng.randrange(5, 20))
            if rng.random() < 0.06 or i == 1:
                e.emit(stream, "eldercare.RenovationAccepted", {"renovationId": rid, "town": town.code, "acceptedDate": iso(day),
                                                                "result": "failed", "finalCostFen": total, "subsidyFen": 0})
                day = cal.add_working(day, rng.randrange(8, 20))
            e.emit(stream, "eldercare.RenovationAccepted", {"renovationId": rid, "town": town.code, "acceptedDate": iso(day),
                                                            "result": "passed", "finalCostFen": total, "subsidyFen": subsidy})
            day = cal.add_working(day, rng.randrange(5, 25))
            fields = {"renovationId": rid, "town": town.code, "checkDate": iso(day), "method": rng.choice(("in-person", "phone")),
                      "satisfaction": rng.choices(("very-satisfied", "satisfied", "neutral", "dissatisfied"), (50, 38, 9, 3))[0]}
            if rng.random() < 0.3:
                fields["comment"] = rng.choice(("扶手安装牢固，老人起夜方便多了。", "施工队干活仔细，卫生间改造后很满意。",
                                                "希望增加夜间感应灯。"))
            e.emit(stream, "eldercare.SatisfactionChecked", fields)

    def elder(self, first=False):
        """An older resident assessed for a care subsidy or admission, then served at home."""
        rng, cal = self.rng, self.cal
        e = self.t.entity()
        day = cal.next_working(START + DAY * rng.randrange(5, 60 if first else 330))
        town = self.city.town()
        person = self.pop.aged(day, 60, 98, local=1)
        stream = f"elder-{pseudonym(self.key, person.id_number)}"
        purpose = "care-subsidy" if first else rng.choice(("care-subsidy", "care-subsidy", "admission", "other"))
        e.emit(stream, "eldercare.CapacityAssessed", self.assessment(day, person, town.code, purpose))
        if purpose != "care-subsidy":
            return
        provider = rng.choice(self.providers)
        while True:
            day = cal.next_working(day + DAY * rng.randrange(7, 30))
            if day.year > 2026:
                return
            kind = rng.choice(("meal", "meal", "cleaning", "bathing", "medical-escort", "companionship", "rehabilitation"))
            e.emit(stream, "eldercare.HomeCareServiceDelivered", {
                "serviceRecordId": uuid(f"{person.id_number}:{day}"), "town": town.code, "elderIdNumber": person.id_number,
                "serviceDate": iso(day), "serviceKind": kind, "providerCreditCode": provider,
                "durationMinutes": rng.choice((30, 45, 60, 90, 120)), "subsidyFen": rng.choice((1500, 2000, 3000, 5000))})


def uuid(text):
    h = hashlib.sha256(text.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-9{h[17:20]}-{h[20:32]}"
