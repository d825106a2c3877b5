"""Relief cases (社会救助), stream `reliefcase-<caseId>`, through the steps DOMAIN.md gives:
application → economic check → home survey (→ evidence) → preliminary opinion → public notice
(→ objection → re-investigation or democratic review → fresh notice) → confirmation → monthly payments
from the month after; refusals with reasons delivered within 3 working days; re-checks, suspensions,
terminations; urgent temporary relief paid first with its paperwork after."""
import datetime as dt
import hashlib

from . import texts
from .timeline import DAY, END, START, add_months, first_of_next_month, iso, month

STANDARD = 112000        # 低保 standard per person a month, fen (1,120 yuan)
TEKUN_STANDARD = 145600  # 特困 basic living standard, 1.3 × 低保
URGENT_TOWNSHIP_CAP = 50000  # a township approves urgent relief up to 500 yuan; more goes to the county
CHECKING_AGENCY = "清川市居民家庭经济状况核对中心"

KINDS = ("dibao", "tekun", "expenditure", "temporary", "urgent")
KIND_WEIGHTS = (52, 10, 8, 18, 12)
PATHS = ("approved", "objection-reinvestigated", "refused-economic", "objection-dismissed", "refused-preliminary",
         "refused-county", "objection-upheld")
PATH_WEIGHTS = (70, 4, 9, 4, 4, 3, 2)
AFTER = ("recheck", "suspended-resumed", "terminated", "suspended-terminated", "none")
AFTER_WEIGHTS = (25, 5, 6, 2, 62)
REFUSAL_TEXT = {
    "income-above-standard": "家庭人均月收入高于当地最低生活保障标准。",
    "assets-above-standard": "家庭财产状况超出规定标准，名下有两套住房。",
    "incomplete-information": "申请材料不完整，经告知后未在规定期限内补正。",
    "false-declaration": "经调查核实，申请人隐瞒家庭成员务工收入。",
}


class Relief:
    def __init__(self, timeline, city, population, calendar, rng):
        self.t, self.city, self.pop, self.cal, self.rng = timeline, city, population, calendar, rng
        self.town_serials = {}
        self.report_serial = 0
        self.counts = {"monthly": 0, "plain": 0}

    def generate(self, n):
        rng = self.rng
        openings = sorted(self.cal.next_working(START + dt.timedelta(days=4 + rng.randrange(330))) for _ in range(n))
        for i, opened in enumerate(openings):
            kind = texts.pick(rng, i, KINDS, KIND_WEIGHTS)
            Case(self, i, kind, opened).run()


class Case:
    def __init__(self, relief, i, kind, opened):
        self.r, self.rng, self.cal = relief, relief.rng, relief.cal
        self.urgent = kind == "urgent"
        self.kind = "temporary" if self.urgent else kind
        self.opened = opened
        self.town = relief.city.town()
        self.village_code, self.village_name = relief.city.village(self.town)
        serial = relief.town_serials[self.town.code] = relief.town_serials.get(self.town.code, 0) + 1
        self.case_id = f"SA-{self.town.code}-2026-{serial:05d}"
        self.stream = f"reliefcase-{self.case_id}"
        self.entity = relief.t.entity()
        self.monthly = self.kind in ("dibao", "tekun", "expenditure")
        if self.urgent:
            self.path = "approved"
        else:
            self.path = texts.pick(self.rng, relief.counts["plain"], PATHS, PATH_WEIGHTS)
            relief.counts["plain"] += 1
        self.household()

    def base(self):
        return {"caseId": self.case_id, "town": self.town.code, "reliefKind": self.kind}

    def emit(self, etype, fields, on=None):
        return self.entity.emit(self.stream, etype, {**self.base(), **fields}, on)

    def household(self):
        rng, pop, on = self.rng, self.r.pop, self.opened
        if self.kind == "tekun":
            head = pop.aged(on, 60, 92, local=1)
            self.members = [(head, "self", 0)]
        else:
            head = pop.aged(on, 28, 75, local=0.95)
            self.members = [(head, "self", rng.choice((0, 0, 60000, 90000)))]
            if rng.random() < 0.6:
                spouse = pop.aged(on, max(22, head.age_on(on) - 5), min(80, head.age_on(on) + 5),
                                  sex="female" if head.sex == "male" else "male", local=0.95)
                self.members.append((spouse, "spouse", rng.choice((0, 50000, 80000))))
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                if head.age_on(on) < 55:
                    self.members.append((pop.aged(on, 1, 17, local=1), "child", 0))
            if rng.random() < 0.2 and head.age_on(on) < 50:
                self.members.append((pop.aged(on, 70, 90, local=1), "parent", rng.choice((0, 30000))))
        self.head = head
        self.income = sum(m[2] for m in self.members)
        if self.path == "refused-economic":
            self.income = STANDARD * len(self.members) + rng.randrange(10000, 80000)
        self.per_capita = self.income // len(self.members)
        self.assets = rng.randrange(0, 40) * 100000  # savings and the like, declared and then verified
        self.stable = rng.random() < 0.6
        if self.kind == "tekun":
            self.amount = TEKUN_STANDARD + rng.choice((0, 30000, 60000))
        elif self.monthly:
            self.amount = max(30000, (STANDARD - self.per_capita) * len(self.members)) // 100 * 100
        else:
            self.amount = rng.randrange(10, 60) * 10000

    def run(self):
        day = self.opened
        if self.urgent:
            day = self.urgent_first(day)
        day = self.application(day)
        day = self.checks(day)
        if self.path in ("refused-economic", "refused-preliminary"):
            return self.refuse(day, "preliminary")
        day = self.notice(day, 1)
        day = self.objections(day)
        if day is None:
            return
        if self.path == "refused-county":
            return self.refuse(self.cal.add_working(day, self.rng.randrange(2, 8)), "county-review")
        confirmed = self.confirm(self.cal.add_working(day, self.rng.randrange(2, 10)))
        if not self.urgent:
            self.payments(confirmed)

    def urgent_first(self, day):
        rng = self.rng
        county = rng.random() < 0.5
        if not county:
            self.amount = rng.choice((20000, 30000, 40000, URGENT_TOWNSHIP_CAP))
        self.emit("assistance.UrgentReliefGranted", {
            "grantDate": iso(day), "amountFen": self.amount, "approvedBy": "county" if county else "township",
            "emergency": rng.choice(("illness", "accident", "fire", "natural-disaster", "other")),
            "beneficiaryIdNumber": self.head.id_number, "beneficiaryName": self.head.name,
            "paperworkDueDate": iso(self.cal.add_working(day, 10))})
        self.emit("assistance.ReliefPaid", {
            "paymentId": self.uuid("urgent"), "month": month(day), "amountFen": self.amount, "paidDate": iso(day),
            "recipientIdNumber": self.head.id_number, "paymentChannel": rng.choice(("cash", "bank-transfer"))})
        return self.cal.add_working(day, rng.randrange(1, 9))

    def application(self, day):
        rng = self.rng
        # About 4% of applicants are relatives of staff; the first case is one, so a small run has one.
        relative = rng.random() < 0.04 or (not self.r.counts.get("relative") and not self.urgent)
        self.r.counts["relative"] = self.r.counts.get("relative", 0) + relative
        self.relative = relative
        fields = {
            "village": self.village_code, "receiptDate": iso(day),
            "channel": rng.choice(("online", "village-committee", "village-committee", "township-office")),
            "applicant": {"idNumber": self.head.id_number, "name": self.head.name, "phone": self.r.pop.phone(),
                          "address": self.r.city.address(self.town, self.village_name)},
            "members": [self.member(p, rel, inc) for p, rel, inc in self.members],
            "declaredMonthlyIncomeFen": self.income,
            "declaredAssetsFen": self.assets,
            "bankAccount": "6217" + "".join(str(rng.randrange(10)) for _ in range(15)),
            "closeRelativeOfStaff": relative}
        if relative:
            fields["staffRelation"] = rng.choice(("relief-staff", "village-official"))
        if self.urgent:
            fields["afterUrgentRelief"] = True
        self.emit("assistance.ApplicationReceived", fields)
        return day

    @staticmethod
    def member(person, relation, income):
        m = {"idNumber": person.id_number, "name": person.name, "relation": relation,
             "birthDate": person.birth.isoformat()}
        if income:
            m["monthlyIncomeFen"] = income
        return m

    def checks(self, day):
        """Economic check, home survey, evidence and the township's preliminary opinion."""
        rng, cal = self.rng, self.cal
        day = cal.add_working(day, rng.randrange(3, 11))
        self.r.report_serial += 1
        verified = self.income + (rng.choice((0, 0, 5000, -5000)) if self.income >= 5000 else 0)
        self.emit("assistance.EconomicCheckCompleted", {
            "reportId": f"EC-2026-{self.r.report_serial:08d}", "checkingAgency": CHECKING_AGENCY,
            "reportDate": iso(day), "verifiedMonthlyIncomeFen": verified,
            "verifiedAssetsFen": self.assets + (rng.randrange(30, 90) * 100000 if self.path == "refused-county" else 0),
            "perCapitaMonthlyIncomeFen": verified // len(self.members),
            "withinThresholds": self.path != "refused-economic"})
        day = cal.add_working(day, rng.randrange(1, 8))
        staff = self.r.city.rng.sample(self.r.city.county_staff, 2) if self.relative else self.r.city.staff(self.town.code, 2)
        self.emit("assistance.HomeSurveyCompleted", {
            "surveyDate": iso(day), "surveyors": staff, "conductedBy": "county" if self.relative else "township",
            "applicantSigned": True, "findings": rng.choice(texts.SURVEY_FINDINGS)})
        if rng.random() < 0.6:
            day = cal.add_working(day, rng.randrange(1, 5))
            self.emit("assistance.EvidenceGathered", {
                "gatheredDate": iso(day), "method": rng.choice(("neighbour-visit", "letter-request")),
                "summary": rng.choice(texts.EVIDENCE)})
        day = cal.add_working(day, rng.randrange(1, 5))
        if self.path in ("refused-economic", "refused-preliminary"):
            self.reason = "income-above-standard" if self.path == "refused-economic" else "incomplete-information"
            self.emit("assistance.PreliminaryOpinionGiven", {"opinionDate": iso(day), "opinion": "refuse",
                                                              "reasons": [REFUSAL_TEXT[self.reason]]})
        else:
            self.emit("assistance.PreliminaryOpinionGiven", {"opinionDate": iso(day), "opinion": "approve",
                                                              "proposedAmountFen": self.amount})
        return day

    def notice(self, day, round_):
        """Posts the notice; returns its last day."""
        start = self.cal.add_working(day, self.rng.randrange(1, 4))
        working = self.town.code[-2:] in ("17", "18", "19", "20")  # the 乡 count 5 working days
        self.emit("assistance.PublicNoticePosted", {
            "noticeStartDate": iso(start), "noticeDays": 5 if working else 7,
            "dayCounting": "working" if working else "calendar", "round": round_,
            "location": f"{self.village_name}村务公开栏"})
        self.notice_start = start
        return self.cal.add_working(start, 4) if working else start + 6 * DAY

    def objections(self, last):
        """Objections raised during the notice; returns the day the case may proceed, None if refused."""
        if not self.path.startswith("objection"):
            return last
        rng = self.rng
        raised = self.notice_start + DAY * rng.randrange(1, 4)
        self.emit("assistance.ObjectionRaised", {
            "objectionNumber": 1, "raisedDate": iso(raised),
            "raisedBy": rng.choice(("villager", "anonymous", "family-member")), "summary": rng.choice(texts.OBJECTIONS)})
        resolved = max(self.cal.add_working(raised, rng.randrange(3, 10)), last + DAY)
        kind = self.path.split("-", 1)[1]
        method = "democratic-review" if kind == "dismissed" else "re-investigation"
        self.emit("assistance.ObjectionResolved", {
            "objectionNumber": 1, "resolvedDate": iso(resolved), "method": method,
            "outcome": "upheld" if kind == "upheld" else "dismissed", "requiresNewNotice": kind == "reinvestigated",
            "summary": {"dismissed": texts.OBJECTION_DISMISSED, "reinvestigated": texts.OBJECTION_REINVESTIGATED,
                        "upheld": texts.OBJECTION_UPHELD}[kind]})
        if kind == "upheld":
            self.reason = "false-declaration"
            self.refuse(self.cal.add_working(resolved, rng.randrange(1, 5)), "county-review")
            return None
        if kind == "reinvestigated":
            return self.notice(resolved, 2)
        return resolved

    def refuse(self, day, stage):
        reason = getattr(self, "reason", "assets-above-standard")
        self.emit("assistance.ReliefRefused", {
            "refusedDate": iso(day), "stage": stage, "reasons": [{"code": reason, "text": REFUSAL_TEXT[reason]}],
            "noticeDeliveredDate": iso(self.cal.add_working(day, self.rng.randrange(1, 4)))})

    def confirm(self, day):
        fields = {"confirmedDate": iso(day), "amountFen": self.amount,
                  "paymentSchedule": "monthly" if self.monthly else "one-off", "coveredMembers": len(self.members)}
        if self.kind == "tekun":
            fields["careMode"] = self.rng.choice(("dispersed", "dispersed", "centralised"))
        fields["incomeStability"] = "stable" if self.stable else "irregular"
        data = {**self.base(), **fields}
        if self.kind in ("dibao", "tekun"):
            prefix = "DB" if self.kind == "dibao" else "TK"
            self.r.t.number_later(prefix, day, data, "certificateNumber", prefix + "330481-2026-{:06d}")
        data["spotChecked"] = self.rng.random() < 0.2
        self.entity.emit(self.stream, "assistance.ReliefConfirmed", data)
        return day

    def payments(self, confirmed):
        rng, cal = self.rng, self.cal
        after = "none"
        if self.monthly:
            after = texts.pick(rng, self.r.counts["monthly"], AFTER, AFTER_WEIGHTS)
            self.r.counts["monthly"] += 1
        events = []  # (date, type, fields): payments and what stops or changes them
        stop = resume = None
        if after == "recheck" or (self.monthly and not self.stable and after == "none"):
            # Irregular incomes are re-checked every 6 months, stable ones yearly; a changed
            # circumstance ("recheck") brings the re-check forward.
            day = cal.next_working(add_months(confirmed, 6 if not self.stable or after == "recheck" else 12))
            outcome = rng.choice(("continue", "continue", "adjust"))
            fields = {"recheckDate": iso(day), "outcome": outcome,
                      "incomeStability": "stable" if self.stable else "irregular", "findings": texts.RECHECK[outcome == "adjust"]}
            if outcome == "adjust":
                fields["newAmountFen"] = max(20000, self.amount - rng.randrange(1, 4) * 10000)
            fields["nextRecheckDueDate"] = iso(add_months(day, 6 if not self.stable else 12))
            events.append((day, "assistance.RecheckCompleted", fields))
        if after.startswith("suspended"):
            day = cal.next_working(add_months(confirmed, rng.randrange(2, 4)) + DAY * rng.randrange(0, 20))
            stop = self.stop_month(day)
            events.append((day, "assistance.ReliefSuspended", {
                "suspendedDate": iso(day), "fromMonth": month(stop),
                "reason": rng.choice(("not-contactable", "information-changed", "recheck-pending")),
                "note": texts.RECHECK[2]}))
            later = cal.next_working(day + DAY * rng.randrange(25, 60))
            if after == "suspended-resumed":
                resume = first_of_next_month(later)
                events.append((later, "assistance.ReliefResumed", {"resumedDate": iso(later), "fromMonth": month(resume),
                                                                   "backPayMonths": 0}))
            else:
                events.append((later, "assistance.ReliefTerminated", {
                    "terminatedDate": iso(later), "fromMonth": month(self.stop_month(later)), "reasons": ["moved-away"],
                    "noticeDeliveredDate": iso(cal.add_working(later, 2))}))
        if after == "terminated":
            day = cal.next_working(add_months(confirmed, rng.randrange(2, 6)) + DAY * rng.randrange(0, 20))
            stop = self.stop_month(day)
            events.append((day, "assistance.ReliefTerminated", {
                "terminatedDate": iso(day), "fromMonth": month(stop),
                "reasons": [rng.choice(("income-above-standard", "death", "moved-away", "entered-institution"))],
                "noticeDeliveredDate": iso(cal.add_working(day, rng.randrange(1, 4)))}))
        amount = self.amount
        first = first_of_next_month(confirmed)
        months = [first] if not self.monthly else [add_months(first, k) for k in range(12) if add_months(first, k) <= END]
        channel = rng.choice(("one-card", "one-card", "one-card", "bank-transfer", "social-security-card"))
        for m in months:
            if stop and m >= stop and not (resume and m >= resume):
                continue
            paid = cal.next_working(m.replace(day=10))
            events.append((paid, "assistance.ReliefPaid", {
                "paymentId": self.uuid(month(m)), "month": month(m), "amountFen": amount, "paidDate": iso(paid),
                "recipientIdNumber": self.head.id_number, "paymentChannel": channel}))
        events.sort(key=lambda e: (e[0], e[1] == "assistance.ReliefPaid"))
        for day, etype, fields in events:
            if etype == "assistance.RecheckCompleted" and fields.get("newAmountFen"):
                amount = fields["newAmountFen"]
            if etype == "assistance.ReliefPaid":
                fields["amountFen"] = amount
            self.emit(etype, fields)

    def stop_month(self, day):
        """The first month without payment: this one when its payment day is still ahead, else the next."""
        payday = self.cal.next_working(day.replace(day=10))
        return day.replace(day=1) if day < payday else first_of_next_month(day)

    def uuid(self, what):
        h = hashlib.sha256(f"{self.case_id}:{what}".encode()).hexdigest()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
