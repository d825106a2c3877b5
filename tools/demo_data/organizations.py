"""Social organisations, stream `org-<creditCode>`: the register (those registered before 2026 come
first, with their own dates), the 2025 annual inspection, ratings, audits, grid service, brands and fine
projects, sanctions. Enforcement cases, stream `enforcement-<enforcementCaseId>`: filed → process
records → legal review of major decisions → decision → disclosure; double-random inspections, stream
`inspection-<inspectionId>`: drawn → results published."""
import datetime as dt

from .timeline import DAY, START, add_months, iso

FIELDS = ("elderly", "children", "disability", "community", "education", "culture", "charity", "other")
FORM_CODE = {"social-group": "51", "private-non-enterprise": "52", "foundation": "53"}
WORDS = {"elderly": "为老服务中心", "children": "儿童成长服务中心", "disability": "助残服务社", "community": "社区发展协会",
         "education": "教育促进会", "culture": "文化艺术协会", "charity": "慈善基金会", "other": "志愿者协会"}
SOCIAL_WORK_AGENCIES = ("清川市益心社会工作服务中心", "清川市春晖社会工作服务社", "清川市同心社会工作事务所",
                        "清川市阳光社会工作服务中心", "清川市和美社会工作服务社")
EVALUATORS = ("浙江众评社会组织评估中心", "清川市公益事业发展评估中心", "杭州明鉴第三方评估事务所")
MATTERS = ("未按规定参加年度检查", "擅自改变业务范围开展活动", "违规收取服务费用", "未按规定公开财务信息",
           "养老机构消防设施不符合要求", "虚假宣传骗取财政补贴")


class Organizations:
    def __init__(self, timeline, city, population, calendar, rng):
        self.t, self.city, self.pop, self.cal, self.rng = timeline, city, population, calendar, rng
        self.orgs = []  # (creditCode, name, registered date, entity)
        self.agencies, self.evaluators = [], []

    def stream(self, code):
        return f"org-{code}"

    def register(self, name, form, field, day, town=None):
        e = self.t.entity()
        code = self.city.credit_code(FORM_CODE[form])
        fields = {"creditCode": code, "organizationName": name, "form": form}
        if town:
            fields["town"] = town
        fields.update({"registeredDate": iso(day), "legalRepresentativeName": self.pop.name(self.rng.choice(("male", "female"))),
                       "field": field})
        e.emit(self.stream(code), "organizations.OrganizationRegistered", fields)
        self.orgs.append((code, name, day, e))
        return code

    def generate(self, existing, new, grid, brands, fine_projects, cases, inspections):
        rng, cal = self.rng, self.cal
        for name in SOCIAL_WORK_AGENCIES:
            day = dt.date(rng.randrange(2012, 2024), rng.randrange(1, 13), rng.randrange(1, 29))
            self.agencies.append((self.register(name, "private-non-enterprise", "community", day), name))
        for name in EVALUATORS:
            day = dt.date(rng.randrange(2010, 2022), rng.randrange(1, 13), rng.randrange(1, 29))
            self.evaluators.append((self.register(name, "private-non-enterprise", "other", day), name))
        for k in range(existing + new):
            town = self.city.town()
            field = rng.choice(FIELDS)
            form = "foundation" if field == "charity" else rng.choice(("social-group", "private-non-enterprise"))
            if k < existing:
                day = dt.date(rng.randrange(2005, 2026), rng.randrange(1, 13), rng.randrange(1, 29))
            else:
                day = cal.next_working(START + DAY * rng.randrange(10, 340))
            name = f"清川市{town.name[:2]}{WORDS[field]}" + ("" if rng.random() < 0.5 else f"（{k + 1}）")
            self.register(name, form, field, day, town.code)
        for k, (code, _, registered, e) in enumerate(self.orgs):
            if registered.year < 2025 or (registered.year == 2025 and registered.month < 7):
                if rng.random() < 0.92:
                    e.emit(self.stream(code), "organizations.AnnualInspectionCompleted", {
                        "creditCode": code, "year": 2025,
                        "inspectionDate": iso(cal.next_working(dt.date(2026, 3, 1) + DAY * rng.randrange(0, 110))),
                        "result": rng.choices(("passed", "basically-passed", "failed"), (85, 12, 3))[0]})
            if (rng.random() < 0.08 or k == 0) and registered.year < 2024:
                rated = cal.next_working(dt.date(2026, 6, 1) + DAY * rng.randrange(0, 150))
                e.emit(self.stream(code), "organizations.OrganizationRated", {
                    "creditCode": code, "ratedDate": iso(rated), "rating": rng.choice(("3A", "3A", "4A", "4A", "5A", "2A")),
                    "validUntilDate": iso(add_months(rated, 60) - DAY)})
            if rng.random() < 0.04 or k == 1:
                e.emit(self.stream(code), "organizations.OrganizationAudited", {
                    "creditCode": code, "auditDate": iso(cal.next_working(max(registered, START) + DAY * rng.randrange(30, 300))),
                    "auditKind": rng.choice(("annual", "representative-change", "special")),
                    "opinion": rng.choices(("unqualified", "qualified", "adverse"), (85, 12, 3))[0]})
        self.recognitions(grid, brands, fine_projects)
        self.enforcement(cases, inspections)

    def recognitions(self, grid, brands, fine_projects):
        rng, cal = self.rng, self.cal
        joined = rng.sample(self.orgs, min(grid, len(self.orgs)))
        for code, _, registered, e in joined:
            day = cal.next_working(max(registered, START) + DAY * rng.randrange(5, 200))
            e.emit(self.stream(code), "organizations.GridServiceJoined", {"creditCode": code, "town": self.city.town().code,
                                                                          "joinedDate": iso(day)})
        established = [o for o in self.orgs if o[2] < dt.date(2026, 1, 1)]
        for code, _, _, e in rng.sample(established, min(brands, len(established))):
            e.emit(self.stream(code), "organizations.BrandRecognised", {
                "creditCode": code, "year": 2026, "recognisedDate": iso(cal.next_working(dt.date(2026, 11, 16) + DAY * rng.randrange(0, 20)))})
        for k in range(fine_projects):
            code, name, _, e = rng.choice(established)
            e.emit(self.stream(code), "organizations.ServiceProjectRecognised", {
                "serviceProjectId": f"FP-2026-{k + 1:04d}", "creditCode": code,
                "title": name.replace("清川市", "") + rng.choice(("“邻里守望”服务项目", "“夕阳暖心”关爱项目", "“童心港湾”陪伴项目")),
                "year": 2026, "recognisedDate": iso(cal.next_working(dt.date(2026, 10, 12) + DAY * rng.randrange(0, 40)))})

    def enforcement(self, cases, inspections):
        rng, cal = self.rng, self.cal
        found = []
        for q in range(inspections):
            iid, e = f"RI-2026-{q + 1:04d}", self.t.entity()
            drawn = cal.next_working(dt.date(2026, 1 + 3 * (q % 4), 10) + DAY * rng.randrange(0, 20))
            known = [o for o in self.orgs if o[2] < drawn]
            targets = rng.sample(known, min(len(known), rng.randrange(4, 12)))
            e.emit(f"inspection-{iid}", "enforcement.RandomInspectionDrawn", {
                "inspectionId": iid, "drawnDate": iso(drawn), "inspectorStaffIds": rng.sample(self.city.county_staff, 2),
                "targetCreditCodes": [t[0] for t in targets]})
            published = cal.add_working(drawn, rng.randrange(15, 30))
            results = [{"creditCode": t[0], "result": rng.choices(("compliant", "issues-found", "not-found"), (80, 15, 5))[0]}
                       for t in targets]
            e.emit(f"inspection-{iid}", "enforcement.InspectionResultsPublished", {
                "inspectionId": iid, "publishedDate": iso(published), "results": results})
            found += [(published, t) for t, r in zip(targets, results) if r["result"] == "issues-found"]
        for k in range(cases):
            cid, e = f"EF-2026-{k + 1:05d}", self.t.entity()
            stream = f"enforcement-{cid}"
            if found and k % 2 == 0:
                after, target = found.pop(0)
                source, filed = "random-inspection", cal.add_working(after, rng.randrange(3, 15))
            else:
                target = rng.choice(self.orgs)
                source = rng.choice(("complaint", "inspection", "referral"))
                filed = cal.next_working(max(target[2], START) + DAY * rng.randrange(10, 120 if k < 4 else 300))
            person = k % 7 == 3
            fields = {"enforcementCaseId": cid, "filedDate": iso(filed), "targetKind": "person" if person else "organization"}
            if person:
                fields["targetIdNumber"] = self.pop.aged(filed, 30, 60).id_number
            else:
                fields["targetCreditCode"] = target[0]
            fields.update({"matter": rng.choice(MATTERS), "source": source})
            e.emit(stream, "enforcement.CaseFiled", fields)
            day = filed
            for step in ("investigation", "evidence", "notification"):
                day = cal.add_working(day, rng.randrange(2, 10))
                e.emit(stream, "enforcement.ProcessRecorded", {
                    "enforcementCaseId": cid, "recordedDate": iso(day), "step": step,
                    "medium": rng.choice(("written", "audio", "video")), "recordReference": f"{cid}-{step[:3].upper()}-01"})
            decision = "suspension" if k == 1 else rng.choices(("no-penalty", "warning", "fine", "suspension"), (25, 40, 30, 5))[0]
            major = decision in ("suspension",) or (decision == "fine" and rng.random() < 0.3)
            if major:
                day = cal.add_working(day, rng.randrange(3, 10))
                e.emit(stream, "enforcement.LegalReviewCompleted", {"enforcementCaseId": cid, "reviewDate": iso(day),
                                                                     "conclusion": "approved",
                                                                     "reviewerStaffId": rng.choice(self.city.county_staff)})
            day = cal.add_working(day, rng.randrange(2, 8))
            fine = rng.randrange(5, 50) * 100000 if decision == "fine" else None
            fields = {"enforcementCaseId": cid, "decisionDate": iso(day), "decision": decision}
            if fine:
                fields["fineFen"] = fine
            fields.update({"major": major, "legalReviewed": major})
            e.emit(stream, "enforcement.DecisionMade", fields)
            e.emit(stream, "enforcement.DecisionDisclosed", {
                "enforcementCaseId": cid, "disclosedDate": iso(cal.add_working(day, rng.randrange(1, 7))),
                "channel": rng.choice(("website", "credit-platform", "notice-board"))})
            if not person and decision != "no-penalty":
                sanction = {"creditCode": target[0], "decisionDate": iso(cal.add_working(day, 1)), "sanction": decision}
                if fine:
                    sanction["fineFen"] = fine
                sanction.update({"grounds": fields_matter(cid, rng), "enforcementCaseId": cid})
                target[3].emit(self.stream(target[0]), "organizations.SanctionImposed", sanction)


def fields_matter(cid, rng):
    return f"依据行政执法案件{cid}的调查结果，" + rng.choice(("责令限期改正并予以警告。", "依法处以罚款。", "责令停止活动整改。"))
