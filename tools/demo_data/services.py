"""The bureau's other services.
Rescue, stream `rescue-<rescueCaseId>`: admitted → identity search → returned, transferred, left, or
(still unidentified after more than 3 months) settled with household registration.
Children in difficulty, stream `child-<childCaseId>`; children's homes, stream `childrenshome-<homeId>`
(those built before 2026 first, with their own dates; a demonstration home in every town).
Funeral: `ashes-<depositId>`, `wallburial-<burialId>`. Place names: `place-<placeNameId>`, signs
`signs-<town>`. Reservoir migrants: `migrantproject-<id>`, `migranthousehold-<id>`, `petition-<petitionId>`."""
import datetime as dt

from . import texts
from .people import HOME_REGION
from .timeline import DAY, END, START, add_months, iso

RESCUE_ENDINGS = ("settled", "returned", "transferred", "left")
RESCUE_WEIGHTS = (8, 60, 15, 17)
PLACES = (("桂花路", "Guihua Lu", "road"), ("星河街", "Xinghe Jie", "street"), ("锦绣花苑", "Jinxiu Huayuan", "residential-area"),
          ("望月桥", "Wangyue Qiao", "bridge"), ("翠湖公园", "Cuihu Gongyuan", "park"), ("云溪路", "Yunxi Lu", "road"),
          ("文澜街", "Wenlan Jie", "street"), ("春江名苑", "Chunjiang Mingyuan", "residential-area"))


class Services:
    def __init__(self, timeline, city, population, calendar, rng, institutions):
        self.t, self.city, self.pop, self.cal, self.rng = timeline, city, population, calendar, rng
        self.institutions = institutions

    def rescue(self, n):
        rng, cal = self.rng, self.cal
        days = sorted(START + DAY * rng.randrange(1, 360) for _ in range(n))
        for i, day in enumerate(days):
            rid, e = f"RS-{HOME_REGION}-2026-{i + 1:05d}", self.t.entity()
            stream = f"rescue-{rid}"
            ending = texts.pick(rng, i, RESCUE_ENDINGS, RESCUE_WEIGHTS)
            identified = ending != "settled" and rng.random() < 0.6
            person = self.pop.aged(day, 18, 80, local=0.1)
            p = {"sex": person.sex, "estimatedAge": person.age_on(day) + rng.randrange(-3, 4),
                 "description": rng.choice(texts.RESCUE_DESCRIPTIONS)}
            if identified:
                p = {"idNumber": person.id_number, "name": person.name, **p}
            fields = {"rescueCaseId": rid, "stationCounty": HOME_REGION, "admittedDate": iso(day),
                      "admittedAt": f"{iso(day)}T{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:00+08:00",
                      "identified": identified, "person": p,
                      "referredBy": rng.choice(("self", "police", "police", "urban-management", "public", "hospital"))}
            if rng.random() < 0.3:
                fields["healthNotes"] = rng.choice(("有高血压病史。", "腿部有外伤，已包扎。", "精神状态不稳定。"))
            e.emit(stream, "rescue.PersonAdmitted", fields)
            day += DAY * rng.randrange(1, 4)
            if not identified:
                found = ending in ("returned", "transferred") and rng.random() < 0.7
                search = {"rescueCaseId": rid, "searchDate": iso(day),
                          "methods": rng.sample(("dna", "face-recognition", "public-notice", "police-database"), 2),
                          "result": "identified" if found else "not-found"}
                if found:
                    search.update({"idNumber": person.id_number, "name": person.name})
                e.emit(stream, "rescue.IdentitySearched", search)
            if ending == "settled":
                # Unidentified for more than 3 months: household registration, then settlement.
                hukou = cal.next_working(add_months(day, 3) + DAY * rng.randrange(10, 40))
                settled = cal.add_working(hukou, rng.randrange(2, 10))
                placement = rng.choice(("welfare-institution", "tekun-support"))
                fields = {"rescueCaseId": rid, "settledDate": iso(settled), "hukouRegisteredDate": iso(hukou), "placement": placement}
                if placement == "welfare-institution":
                    fields["institutionId"] = self.institutions[0][0]
                e.emit(stream, "rescue.PersonSettled", fields)
            elif ending == "returned":
                e.emit(stream, "rescue.PersonReturnedToFamily", {
                    "rescueCaseId": rid, "returnedDate": iso(day + DAY * rng.randrange(1, 10)),
                    "method": rng.choice(("escorted", "family-collected", "ticket-provided")),
                    "destinationCounty": person.id_number[:6]})
            elif ending == "transferred":
                e.emit(stream, "rescue.PersonTransferred", {
                    "rescueCaseId": rid, "transferredDate": iso(day + DAY * rng.randrange(1, 10)),
                    "destination": rng.choice(("hospital", "welfare-institution", "other-station")),
                    "destinationName": rng.choice(("清川市第一人民医院", "清川市社会福利院", "嘉兴市救助管理站"))})
            else:
                e.emit(stream, "rescue.PersonLeft", {"rescueCaseId": rid, "leftDate": iso(day + DAY * rng.randrange(0, 5))})

    def children(self, n, homes_existing, homes_new):
        rng, cal = self.rng, self.cal
        homes = {}
        for k in range(homes_existing + homes_new):
            town = self.city.towns[k % len(self.city.towns)]
            village, name = town.villages[(k // len(self.city.towns)) % len(town.villages)]
            if village in homes:
                continue
            e = self.t.entity()
            day = (dt.date(rng.randrange(2016, 2026), rng.randrange(1, 13), rng.randrange(1, 29)) if k < homes_existing
                   else cal.next_working(START + DAY * rng.randrange(30, 330)))
            homes[village] = (f"CHH-{village}", town, e, day)
            e.emit(f"childrenshome-CHH-{village}", "children.ChildrensHomeEstablished", {
                "homeId": f"CHH-{village}", "town": town.code, "village": village, "homeName": f"{name}儿童之家",
                "establishedDate": iso(day)})
        for town in self.city.towns:  # at least one demonstration home per town
            own = [h for h in homes.values() if h[1] is town and h[3] < START]
            if own:
                home_id, _, e, _ = own[0]
                e.emit(f"childrenshome-{home_id}", "children.DemonstrationHomeDesignated", {
                    "homeId": home_id, "town": town.code, "year": 2026,
                    "designatedDate": iso(cal.next_working(dt.date(2026, 6, 1) + DAY * rng.randrange(0, 30)))})
        serials = {}
        for i in range(n):
            town = self.city.town()
            village, _ = self.city.village(town)
            serials[town.code] = serials.get(town.code, 0) + 1
            cid, e = f"CD-{town.code}-{serials[town.code]:05d}", self.t.entity()
            stream = f"child-{cid}"
            day = cal.next_working(START + DAY * rng.randrange(5, 60 if i == 0 else 320))
            child = self.pop.aged(day, 1, 17, local=1)
            e.emit(stream, "children.ChildRegistered", {
                "childCaseId": cid, "town": town.code, "village": village,
                "child": {"idNumber": child.id_number, "name": child.name, "sex": child.sex, "birthDate": child.birth.isoformat()},
                "category": rng.choice(("orphan", "de-facto-unattended", "poverty", "disability", "serious-illness", "left-behind")),
                "guardianName": self.pop.name(rng.choice(("male", "female"))),
                "guardianRelation": rng.choice(("parent", "grandparent", "grandparent", "relative")), "registeredDate": iso(day)})
            level = rng.choice(("intensive", "regular", "regular", "monitoring"))
            fields = {"childCaseId": cid, "town": town.code, "effectiveDate": iso(cal.add_working(day, rng.randrange(1, 10))),
                      "level": level}
            if level != "monitoring":
                fields["monthlyAllowanceFen"] = 150000 if level == "intensive" else 80000
            e.emit(stream, "children.SupportLevelSet", fields)
            staff = self.city.staff(town.code)[0]
            e.emit(stream, "children.WelfareSupervisorAssigned", {
                "childCaseId": cid, "town": town.code, "assignedDate": iso(cal.add_working(day, rng.randrange(1, 5))),
                "role": rng.choice(("children-director", "child-welfare-supervisor")), "staffId": staff,
                "name": self.city.staff_name(staff)})
            adult = child.birth.replace(year=child.birth.year + 18) if child.birth.month != 2 or child.birth.day != 29 else None
            if adult and day < adult <= END:
                e.emit(stream, "children.ChildCaseClosed", {"childCaseId": cid, "town": town.code, "closedDate": iso(adult),
                                                            "reason": "reached-adulthood"})
            elif rng.random() < 0.08 or i == 0:
                e.emit(stream, "children.ChildCaseClosed", {
                    "childCaseId": cid, "town": town.code, "closedDate": iso(cal.next_working(day + DAY * rng.randrange(60, 200))),
                    "reason": rng.choice(("circumstances-improved", "moved-away", "adopted"))})

    def funeral(self, deposits, burials):
        rng, cal = self.rng, self.cal
        for k in range(deposits):
            aid, e = f"AD-2026-{k + 1:06d}", self.t.entity()
            day = START + DAY * rng.randrange(0, 60 if k == 0 else 360)
            dead = self.pop.aged(day, 60, 99, local=0.95)
            died = day - DAY * rng.randrange(2, 10)
            e.emit(f"ashes-{aid}", "funeral.AshesDeposited", {
                "depositId": aid, "hallId": f"FH-00{1 + k % 3}", "depositDate": iso(day),
                "deceased": {"idNumber": dead.id_number, "name": dead.name, "deathDate": iso(died)},
                "depositorName": self.pop.name(rng.choice(("male", "female"))), "depositorPhone": self.pop.phone(),
                "niche": f"{'ABCD'[k % 4]}区-{rng.randrange(1, 30):02d}-{rng.randrange(1, 60):02d}",
                "termYears": rng.choice((3, 5, 10, 20))})
            if rng.random() < 0.12 or k == 0:
                e.emit(f"ashes-{aid}", "funeral.AshesRetrieved", {
                    "depositId": aid, "hallId": f"FH-00{1 + k % 3}", "retrievedDate": iso(day + DAY * rng.randrange(20, 200)),
                    "retrievedByName": self.pop.name(rng.choice(("male", "female")))})
        for k in range(burials):
            bid = f"WB-2026-{k + 1:06d}"
            day = cal.next_working(START + DAY * rng.randrange(0, 360))
            dead = self.pop.aged(day, 55, 99, local=0.95)
            self.t.entity().emit(f"wallburial-{bid}", "funeral.WallBurialCompleted", {
                "burialId": bid, "cemeteryId": f"CM-00{1 + k % 2}", "burialDate": iso(day),
                "deceased": {"idNumber": dead.id_number, "name": dead.name, "deathDate": iso(day - DAY * rng.randrange(3, 300))},
                "wallSection": f"{'东西南北'[k % 4]}区{1 + k % 9}排", "position": f"{rng.randrange(1, 40)}号"})

    def place_names(self, existing, new, renamed, signs):
        rng, cal = self.rng, self.cal
        named = []
        for k in range(existing + new):
            pid, e = f"PN-{HOME_REGION}-{k + 1:05d}", self.t.entity()
            base, pinyin, category = PLACES[k % len(PLACES)]
            town = self.city.towns[k % len(self.city.towns)]
            name, spelled = town.name[:2] + base, f"{town.pinyin} {pinyin}"
            day = (dt.date(rng.randrange(2000, 2026), rng.randrange(1, 13), rng.randrange(1, 29)) if k < existing
                   else cal.next_working(START + DAY * rng.randrange(10, 340)))
            e.emit(f"place-{pid}", "placenames.PlaceNamed", {
                "placeNameId": pid, "placeName": name, "pinyin": spelled, "category": category, "county": HOME_REGION,
                "approvedDate": iso(day), "meaning": "取美好寓意，与周边地名协调。"})
            named.append((pid, name, spelled, e, day))
        for pid, name, spelled, e, day in [n for n in named if n[4] < START][:renamed]:
            e.emit(f"place-{pid}", "placenames.PlaceRenamed", {
                "placeNameId": pid, "formerName": name, "newName": name[:2] + "新" + name[2:],
                "pinyin": spelled.replace(" ", " Xin ", 1),
                "approvedDate": iso(cal.next_working(START + DAY * rng.randrange(30, 330))), "reason": "消除重名，便于群众识别。"})
        for k in range(signs):
            town = self.city.towns[k % len(self.city.towns)]
            self.t.entity().emit(f"signs-{town.code}", "placenames.SignUpgraded", {
                "town": town.code, "upgradedDate": iso(cal.next_working(START + DAY * rng.randrange(20, 340))),
                "signKind": rng.choice(("road-sign", "house-number", "village-sign", "building-sign")),
                "count": rng.randrange(10, 400), "costFen": rng.randrange(10, 300) * 100000})

    def migrants(self, projects, households, petitions):
        rng, cal = self.rng, self.cal
        for k in range(projects):
            mid, e = f"MP-2026-{k + 1:04d}", self.t.entity()
            town = self.city.town()
            village, name = self.city.village(town)
            day = cal.next_working(START + DAY * rng.randrange(20, 200))
            budget = rng.randrange(20, 200) * 1000000
            e.emit(f"migrantproject-{mid}", "migrants.SupportProjectApproved", {
                "migrantProjectId": mid, "town": town.code, "village": village,
                "title": name + rng.choice(("道路硬化工程", "农业产业扶持项目", "技能培训项目", "人居环境整治项目")),
                "category": rng.choice(("infrastructure", "industry", "training", "environment")), "approvedDate": iso(day),
                "budgetFen": budget})
            if rng.random() < 0.7 or k == 0:
                e.emit(f"migrantproject-{mid}", "migrants.SupportProjectCompleted", {
                    "migrantProjectId": mid, "completedDate": iso(cal.next_working(day + DAY * rng.randrange(60, 160))),
                    "actualCostFen": budget - rng.randrange(0, 10) * 100000, "beneficiaries": rng.randrange(50, 2000)})
        for k in range(households):
            town = self.city.town()
            village, _ = self.city.village(town)
            hid, e = f"MH-{village}-{k + 1:04d}", self.t.entity()
            for _ in range(rng.randrange(1, 4)):
                e.emit(f"migranthousehold-{hid}", "migrants.MigrantHouseholdVisited", {
                    "migrantHouseholdId": hid, "town": town.code, "visitDate": iso(cal.next_working(START + DAY * rng.randrange(5, 355))),
                    "visitorStaffIds": self.city.staff(town.code, rng.randrange(1, 3)),
                    "findings": rng.choice(("家庭生活稳定，扶持资金已按时到账。", "户主反映房屋漏水，已登记转办。", "子女就学正常，无新诉求。"))})
        for k in range(petitions):
            pid, e = f"PT-2026-{k + 1:06d}", self.t.entity()
            day = cal.next_working(START + DAY * rng.randrange(5, 340))
            who = self.pop.aged(day, 30, 80, local=1)
            topic = rng.randrange(len(texts.PETITIONS))
            e.emit(f"petition-{pid}", "migrants.PetitionReceived", {
                "petitionId": pid, "town": self.city.town().code, "receivedDate": iso(day), "petitionerIdNumber": who.id_number,
                "petitionerName": who.name, "petitionerPhone": self.pop.phone(),
                "subject": ("subsidy", "housing", "land", "other")[topic], "summary": texts.PETITIONS[topic]})
            e.emit(f"petition-{pid}", "migrants.PetitionAnswered", {
                "petitionId": pid, "answeredDate": iso(cal.add_working(day, rng.randrange(5, 45))),
                "outcome": rng.choice(("resolved", "partially-resolved", "not-supported", "referred")),
                "answer": texts.ANSWERS[topic]})
