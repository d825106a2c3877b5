"""Lifecycle rules of the other records over a demo year: social-work projects, renovations, care
institutions, rescue cases, and that every record's first event opens it."""
import datetime as dt

DAY = dt.timedelta(days=1)
# A project's milestones in order; supervision sessions run between the contract and the final evaluation.
MILESTONES = ("ProjectApproved", "ContractSigned", "MidtermEvaluated", "FinalEvaluated", "PerformanceGraded",
              "CorrectionCompleted", "ProjectClosed")
RENOVATION = ("RenovationSurveyed", "CapacityAssessed", "RenovationPlanned", "RenovationWorksStarted",
              "RenovationAccepted", "SatisfactionChecked")
SUBSIDY_CAP = 300000
# The event that opens each kind of stream; no other event of the stream may come first.
OPENERS = {"swproject": "ProjectApproved", "swstation": "StationRegistered", "institution": "InstitutionFiled",
           "renovation": "RenovationSurveyed", "rescue": "PersonAdmitted", "child": "ChildRegistered",
           "childrenshome": "ChildrensHomeEstablished", "org": "OrganizationRegistered", "enforcement": "CaseFiled",
           "inspection": "RandomInspectionDrawn", "ashes": "AshesDeposited", "place": "PlaceNamed",
           "migrantproject": "SupportProjectApproved", "petition": "PetitionReceived"}


def day(text):
    return dt.date.fromisoformat(text)


def add_working(d, n):
    while n > 0:
        d += DAY
        n -= d.weekday() < 5
    return d


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    for last in (d.day, 30, 29, 28):
        try:
            return dt.date(d.year + y, m + 1, last)
        except ValueError:
            pass


class RecordRules:
    def __init__(self, rules):
        self.r = rules
        self.streams = {}  # stream -> state

    def event(self, n, stream, etype, data):
        category = stream.split("-", 1)[0]
        kind = etype.split(".")[1]
        state = self.streams.get(stream)
        if state is None:
            if category in OPENERS and kind != OPENERS[category]:
                self.r.problem(n, f"{kind} opens stream {stream}; {OPENERS[category]} must come first")
            state = self.streams[stream] = {"kinds": []}
        handler = getattr(self, category.replace("-", "_"), None)
        if handler:
            handler(n, state, kind, data)
        state["kinds"].append(kind)

    def swproject(self, n, s, kind, data):
        if kind == "ContractSigned":
            s["end"] = day(data["endDate"])
        if kind == "SupervisionHeld":
            if "ContractSigned" not in s["kinds"] or "FinalEvaluated" in s["kinds"]:
                self.r.problem(n, "supervision outside the contract's service before the final evaluation")
            if data["sessionNumber"] != s["kinds"].count("SupervisionHeld") + 1:
                self.r.problem(n, f"supervision session {data['sessionNumber']} out of sequence")
            return
        if kind == "SpotCheckCompleted":
            return
        if kind not in MILESTONES:
            return
        done = [k for k in s["kinds"] if k in MILESTONES]
        order = [m for m in MILESTONES if m != "CorrectionCompleted" or s.get("grade") == "basic"]
        if kind != (order[len(done)] if len(done) < len(order) else None):
            self.r.problem(n, f"{kind} after {done}")
        if kind == "FinalEvaluated" and "end" in s and day(data["evaluationDate"]) > add_months(s["end"] + DAY, -1) - DAY:
            self.r.problem(n, f"final evaluation on {data['evaluationDate']}, later than a month before the end {s['end']}")
        if kind == "PerformanceGraded":
            s["grade"] = data["grade"]
            s["deadline"] = data.get("correctionDeadline")
            self.r.tally[f"projects graded {data['grade']}"] += 1
        if kind == "CorrectionCompleted" and (s.get("grade") != "basic" or day(data["completedDate"]) > day(s["deadline"])):
            self.r.problem(n, "a correction without a basic grade, or after its deadline")
        if kind == "ProjectClosed":
            self.r.tally["projects closed"] += 1

    def renovation(self, n, s, kind, data):
        if kind not in RENOVATION:
            return
        steps = [k for i, k in enumerate(s["kinds"]) if k in RENOVATION and (i == 0 or s["kinds"][i - 1] != k)]
        again = kind == "RenovationAccepted" and steps and steps[-1] == kind and s.get("failed")
        if not again and kind != (RENOVATION[len(steps)] if len(steps) < len(RENOVATION) else None):
            self.r.problem(n, f"{kind} after {steps}")
        if kind == "RenovationPlanned" and not data["subsidyFen"] <= min(SUBSIDY_CAP, data["totalCostFen"]):
            self.r.problem(n, "a subsidy above the cap or the cost")
        if kind == "RenovationAccepted":
            s["failed"] = data["result"] == "failed"
            if data["result"] == "passed":
                self.r.tally["renovations accepted (passed)"] += 1

    def institution(self, n, s, kind, data):
        if kind == "InstitutionFiled":
            if day(data["filedDate"]) > add_working(day(data["firstResidentsDate"]), 10):
                self.r.problem(n, "filed more than 10 working days after taking residents")
            before = data["filedDate"] < "2026"
            s.update(dementia=data["dementiaBeds"], workers={}, baseline=data["dementiaBeds"] if before else 0)
        elif kind == "BedsChanged":
            s["dementia"] = data["dementiaBeds"]
        elif kind == "SocialWorkerAssigned":
            s["workers"][data["socialWorkerIdNumber"]] = data["employment"]
        elif kind == "SocialWorkerLeft":
            if s["workers"].pop(data["socialWorkerIdNumber"], None) is None:
                self.r.problem(n, "a social worker left who was never assigned")

    def rescue(self, n, s, kind, data):
        if kind == "PersonAdmitted":
            s.update(admitted=day(data["admittedDate"]), identified=data["identified"])
        elif kind == "IdentitySearched" and data["result"] == "identified":
            s["identified"] = True
        elif kind == "PersonSettled":
            if s.get("identified") or day(data["hukouRegisteredDate"]) <= add_months(s["admitted"], 3):
                self.r.problem(n, "settled though identified or within 3 months of admission")
        elif kind in ("PersonReturnedToFamily", "PersonTransferred", "PersonLeft"):
            if s.get("ended"):
                self.r.problem(n, "a rescue case ended twice")
            s["ended"] = True

    def year_end(self):
        t = self.r.tally
        for stream, s in self.streams.items():
            if stream.startswith("institution-"):
                t["dementia-care beds built in the year"] += s["dementia"] - s["baseline"]
                if "full-time" not in s["workers"].values():
                    t["institutions without a full-time social worker at the end"] += 1
            if stream.startswith("rescue-") and not s.get("ended") and "PersonSettled" not in s["kinds"]:
                t["rescue cases open at the end"] += 1
