"""The bureau's rules, checked over a demo year's events for tools/check-demo-data.py. Written from
DOMAIN.md and the catalog, apart from the generator: nothing here imports how the events were made."""
import collections
import datetime as dt
import hashlib
import hmac

from .checks_marriage import MarriageRules
from .checks_records import RecordRules

DAY = dt.timedelta(days=1)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# Dates that lie ahead of their event by nature; every other date in a payload has happened.
AHEAD = {"paperworkDueDate", "nextRecheckDueDate", "correctionDeadline", "validUntilDate", "birthDate"}
AHEAD_OF = {("socialwork.ContractSigned", "startDate"), ("socialwork.ContractSigned", "endDate")}
INTERVAL = {"red": 7, "orange": 31, "yellow": 92}  # at least weekly, monthly, quarterly


def id_ok(number):
    """GB 11643: a region code, a real birth date, the check character."""
    if len(number) != 18 or not number[:17].isdigit() or number[0] == "0":
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return number[17] == "10X98765432"[sum(int(c) * w for c, w in zip(number, WEIGHTS)) % 11]


def day(text):
    return dt.date.fromisoformat(text[:10])


def working(d):
    return d.weekday() < 5


def add_working(d, n):
    while n > 0:
        d += DAY
        n -= working(d)
    return d


def happened(etype, data):
    out = []

    def walk(node, field):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, field)
        elif isinstance(node, str) and field and field not in AHEAD and (etype, field) not in AHEAD_OF:
            if field.endswith(("Date", "Deadline", "At")):
                out.append(day(node))
    walk(data, None)
    return out


class Rules:
    def __init__(self, check, key):
        self.check, self.key = check, key
        self.last = None
        self.cases = {}
        self.households = {}
        self.marriage = MarriageRules(self)
        self.records = RecordRules(self)
        self.tally = collections.Counter()

    def problem(self, n, message):
        self.check.problem(f"line {n}", message)

    def pseudonym(self, id_number):
        return hmac.new(self.key, id_number.encode(), hashlib.sha256).hexdigest()[:32]

    def run(self, events):
        for n, stream, etype, data in events:
            dates = happened(etype, data)
            on = max(dates) if dates else None
            if on is None:
                self.problem(n, f"{etype} names no business date")
                continue
            if self.last and on < self.last:
                self.problem(n, f"dated {on}, after an event of {self.last}: the file is not in date order")
            self.last = max(on, self.last or on)
            self.persons(n, data)
            domain = etype.split(".")[0]
            if domain == "assistance" and "caseId" in data:
                self.relief(n, stream, etype, data, on)
            elif domain == "assistance" or etype == "rescue.WarmNestRenovationCompleted":
                self.household(n, stream, etype, data)
            elif domain == "marriage":
                self.marriage.event(n, stream, etype, data)
            else:
                self.records.event(n, stream, etype, data)
        self.year_end()

    def persons(self, n, data):
        """Every ID number passes GB 11643 and agrees with the birth date and sex beside it."""
        if isinstance(data, list):
            for item in data:
                self.persons(n, item)
            return
        if not isinstance(data, dict):
            return
        for k, v in data.items():
            if (k == "idNumber" or k.endswith("IdNumber")) and isinstance(v, str):
                self.tally["ID numbers checked"] += 1
                if not id_ok(v):
                    self.problem(n, f"{k} {v} fails the GB 11643 check")
                if k == "idNumber" and "birthDate" in data and data["birthDate"].replace("-", "") != v[6:14]:
                    self.problem(n, f"birthDate {data['birthDate']} disagrees with ID number {v}")
                if k == "idNumber" and "sex" in data and (int(v[16]) % 2 == 1) != (data["sex"] == "male"):
                    self.problem(n, f"sex {data['sex']} disagrees with ID number {v}")
            elif isinstance(v, (dict, list)):
                self.persons(n, v)

    # Relief cases: the steps in DOMAIN.md's order.

    def relief(self, n, stream, etype, data, on):
        kind = etype.split(".")[1]
        if stream != f"reliefcase-{data['caseId']}":
            self.problem(n, f"{etype} of {data['caseId']} in stream {stream}")
        c = self.cases.setdefault(data["caseId"], {"steps": [], "objections": {}, "notices": [], "paid": set()})
        steps = c["steps"]
        first = not steps
        if c.get("closed"):
            return self.problem(n, f"{kind} after the case was refused")

        def need(step, what):
            if step not in steps:
                self.problem(n, f"{kind} of {data['caseId']} before {what}")
        if kind == "UrgentReliefGranted":
            if not first:
                self.problem(n, "urgent relief that does not open its case")
            c["urgent"] = data
        elif kind == "ApplicationReceived":
            if steps and steps != ["UrgentReliefGranted", "ReliefPaid"]:
                self.problem(n, f"application after {steps}")
            if c.get("urgent") and not (data.get("afterUrgentRelief") and day(data["receiptDate"]) <= day(c["urgent"]["paperworkDueDate"])):
                self.problem(n, "paperwork of urgent relief not marked afterUrgentRelief or after its due date")
            c["app"] = data
        elif kind == "EconomicCheckCompleted":
            need("ApplicationReceived", "its application")
        elif kind == "HomeSurveyCompleted":
            need("EconomicCheckCompleted", "its economic check")
            if c.get("app", {}).get("closeRelativeOfStaff") and data["conductedBy"] != "county":
                self.problem(n, "a staff relative's case not surveyed by the county")
        elif kind == "EvidenceGathered":
            need("HomeSurveyCompleted", "its home survey")
        elif kind == "PreliminaryOpinionGiven":
            need("HomeSurveyCompleted", "its home survey")
            c["opinion"] = data["opinion"]
        elif kind == "PublicNoticePosted":
            if c.get("opinion") != "approve":
                self.problem(n, "notice without a proposal to approve")
            if data["round"] != len(c["notices"]) + 1:
                self.problem(n, f"notice round {data['round']} after {len(c['notices'])} notices")
            if c["notices"] and not c.get("renotice"):
                self.problem(n, "a fresh notice without an objection that asked for it")
            start = day(data["noticeStartDate"])
            end = start + DAY * (data["noticeDays"] - 1) if data["dayCounting"] == "calendar" else add_working(start - DAY, data["noticeDays"])
            c["notices"].append((start, end))
            c["renotice"] = False
        elif kind == "ObjectionRaised":
            if not c["notices"]:
                return self.problem(n, "objection without a notice")
            start, end = c["notices"][-1]
            if not start <= day(data["raisedDate"]) <= end:
                self.problem(n, f"objection on {data['raisedDate']} outside the notice {start}..{end}")
            c["objections"][data["objectionNumber"]] = None
        elif kind == "ObjectionResolved":
            if data["objectionNumber"] not in c["objections"]:
                self.problem(n, "resolution of an objection never raised")
            c["objections"][data["objectionNumber"]] = data
            c["renotice"] = data["requiresNewNotice"]
            self.tally["relief objections"] += 1
        elif kind == "ReliefConfirmed":
            if not c["notices"] or c.get("renotice") or None in c["objections"].values():
                self.problem(n, "confirmation with an objection open or a fresh notice due")
            elif day(data["confirmedDate"]) <= c["notices"][-1][1]:
                self.problem(n, f"confirmed on {data['confirmedDate']} before the notice ended {c['notices'][-1][1]}")
            c["confirmed"] = data
            self.tally["relief cases confirmed"] += 1
        elif kind == "ReliefRefused":
            if data["stage"] == "preliminary" and c.get("opinion") != "refuse":
                self.problem(n, "refused at the preliminary stage without a proposal to refuse")
            if data["stage"] == "county-review" and not c["notices"]:
                self.problem(n, "refused at county review before any notice")
            refused, delivered = day(data["refusedDate"]), day(data["noticeDeliveredDate"])
            if not refused <= delivered <= add_working(refused, 3):
                self.problem(n, "refusal not delivered within 3 working days")
            c["closed"] = True
            self.tally[f"relief cases refused ({data['stage']})"] += 1
        elif kind == "ReliefPaid":
            self.payment(n, c, data)
        elif kind in ("RecheckCompleted", "ReliefSuspended", "ReliefTerminated", "ReliefResumed"):
            if "confirmed" not in c:
                self.problem(n, f"{kind} of an unconfirmed case")
            if kind == "ReliefSuspended":
                c["suspended"] = data["fromMonth"]
            elif kind == "ReliefResumed":
                if "suspended" not in c:
                    self.problem(n, "resumed without a suspension")
                c["resumed"] = data["fromMonth"]
            elif kind == "ReliefTerminated":
                c["terminated"] = data["fromMonth"]
            self.tally[f"relief {kind}"] += 1
        steps.append(kind)

    def payment(self, n, c, data):
        self.tally["relief payments"] += 1
        m = data["month"]
        if m in c["paid"]:
            self.problem(n, f"month {m} paid twice")
        c["paid"].add(m)
        if data["paidDate"][:7] < m:
            self.problem(n, f"paid on {data['paidDate']} for the later month {m}")
        if "confirmed" not in c:
            if c["steps"] != ["UrgentReliefGranted"]:
                self.problem(n, "payment of an unconfirmed case")
            return
        if m <= c["confirmed"]["confirmedDate"][:7]:
            self.problem(n, f"payment for {m}, not after the month of confirmation")
        if c.get("terminated") and m >= c["terminated"]:
            self.problem(n, f"payment for {m} after termination from {c['terminated']}")
        if c.get("suspended") and m >= c["suspended"] and not (c.get("resumed") and m >= c["resumed"]):
            self.problem(n, f"payment for {m} while suspended")

    # Households: a colour, visits at its interval.

    def household(self, n, stream, etype, data):
        kind = etype.split(".")[1]
        if stream != f"household-{data['householdId']}":
            self.problem(n, f"{etype} of {data['householdId']} in stream {stream}")
        h = self.households.setdefault(data["householdId"], {"level": None})
        if kind == "WarningLevelSet":
            h.update(level=data["level"], since=day(data["setDate"]), last=h.get("last"))
            if "majorChangeAt" in data:
                h["major"] = dt.datetime.fromisoformat(data["majorChangeAt"])
        elif kind == "WarningCleared":
            h["level"] = None
            h["cleared"] = True
        elif kind == "HomeVisitRecorded":
            self.tally["home visits"] += 1
            if h["level"] is None:
                return self.problem(n, "visit to a household without a warning colour")
            visit = day(data["visitDate"])
            previous = h.get("last") or h["since"]
            if (visit - previous).days > INTERVAL[h["level"]]:
                self.tally["visits later than the colour's interval"] += 1
            if h.get("major"):
                if dt.datetime.fromisoformat(data["visitedAt"]) - h["major"] > dt.timedelta(hours=24):
                    self.problem(n, "a red household's major change not visited within 24 hours")
                h["major"] = None
            h["last"] = visit

    def year_end(self):
        end = self.last
        for h in self.households.values():
            if h["level"] and (end - (h.get("last") or h["since"])).days > INTERVAL[h["level"]]:
                self.tally["households overdue at the end"] += 1
        self.tally["relief cases"] = len(self.cases)
        self.tally["households"] = len(self.households)
        self.marriage.year_end()
        self.records.year_end()

    def summary(self):
        return [f"{v:8d}  {k}" for k, v in sorted(self.tally.items())]
