"""Purchased social-work projects, stream `swproject-<projectId>`: approval → contract → monthly
supervision → mid-term evaluation → final evaluation (one month before the contract ends) → grade →
(correction, for 基本合格, by its deadline) → closed; projects longer than a year get a spot check.
Township stations, stream `swstation-<stationId>`; the quarterly ranking, stream `swranking-<quarter>`."""
import datetime as dt

from . import texts
from .timeline import DAY, START, add_months, first_of_next_month, iso

GRADES = ("excellent", "basic", "good", "failed", "long", "good")
GRADE_WEIGHTS = (20, 12, 45, 5, 10, 8)
SCORE = {"excellent": (90, 98), "good": (80, 89), "basic": (62, 79), "failed": (45, 59)}
TITLES = ("“银龄守护”困难老人关爱服务项目", "“护苗成长”困境儿童社会工作服务项目", "“幸福邻里”社区融合服务项目",
          "“助残同行”残疾人康复支持项目", "“暖心救助”低保家庭增能服务项目", "“乐龄食堂”助餐服务提升项目")
AREAS = ("elderly", "children", "community", "disability", "social-assistance", "elderly")


class SocialWork:
    def __init__(self, timeline, city, calendar, rng, agencies, evaluators):
        self.t, self.city, self.cal, self.rng = timeline, city, calendar, rng
        self.agencies, self.evaluators = agencies, evaluators

    def generate(self, n):
        rng = self.rng
        approvals = sorted(self.cal.next_working(START + DAY * rng.randrange(5, 150)) for _ in range(n))
        for i, approved in enumerate(approvals):
            self.project(i, approved, texts.pick(rng, i, GRADES, GRADE_WEIGHTS))
        self.stations()

    def project(self, i, approved, grade):
        rng, cal = self.rng, self.cal
        pid = f"SW-2026-{i + 1:04d}"
        stream, e = f"swproject-{pid}", self.t.entity()
        town = self.city.town()
        months = rng.randrange(18, 25) if grade == "long" else 6 if i < len(GRADES) else rng.randrange(6, 10)
        area = rng.randrange(len(TITLES))
        budget = rng.randrange(20, 80) * 1000000 * (2 if grade == "long" else 1)
        e.emit(stream, "socialwork.ProjectApproved", {
            "projectId": pid, "title": town.name + TITLES[area], "buyerTown": town.code, "serviceArea": AREAS[area],
            "budgetFen": budget, "approvedDate": iso(approved), "plannedMonths": months})
        signed = cal.add_working(approved, rng.randrange(10, 30))
        start = first_of_next_month(signed)
        end = add_months(start, months) - DAY
        provider, evaluator = rng.choice(self.agencies), rng.choice(self.evaluators)
        supervisor = rng.choice(self.city.county_staff)
        e.emit(stream, "socialwork.ContractSigned", {
            "projectId": pid, "contractId": f"CT-2026-{i + 1:04d}",
            "provider": {"creditCode": provider[0], "organizationName": provider[1]},
            "evaluator": {"creditCode": evaluator[0], "organizationName": evaluator[1]},
            "supervisorStaffId": supervisor, "signedDate": iso(signed), "startDate": iso(start), "endDate": iso(end),
            "amountFen": budget - rng.randrange(0, 10) * 100000})
        due = add_months(end + DAY, -1) - DAY  # one month before the contract ends
        final = cal.next_working(due - DAY * rng.randrange(3, 12))
        while final > due:
            final -= DAY
        midterm = cal.next_working(add_months(start, months // 2))
        session = 0
        for k in range(months):
            day = cal.next_working(add_months(start, k) + DAY * rng.randrange(8, 20))
            if day >= final or (midterm - DAY * 3 <= day <= midterm + DAY * 3):
                continue
            session += 1
            e.emit(stream, "socialwork.SupervisionHeld", {
                "projectId": pid, "sessionNumber": session, "sessionDate": iso(day), "supervisorStaffId": supervisor,
                "mode": rng.choice(("on-site", "on-site", "online")), "topics": rng.choice(texts.SUPERVISION_TOPICS)})
        mid_score = half(rng.randrange(120, 190))
        e.emit(stream, "socialwork.MidtermEvaluated", {
            "projectId": pid, "evaluationDate": iso(midterm), "evaluatorCreditCode": evaluator[0], "score": mid_score,
            "findings": texts.EVALUATION[0 if mid_score >= 75 else 1], "passed": mid_score >= 60})
        if grade == "long":
            check = cal.next_working(dt.date(2026, 11, 2) + DAY * rng.randrange(0, 14))
            e.emit(stream, "socialwork.SpotCheckCompleted", {
                "projectId": pid, "year": 2026, "checkDate": iso(check), "result": rng.choice(("satisfactory", "issues-found")),
                "findings": rng.choice(texts.EVALUATION[:2])})
            grade = rng.choice(("good", "excellent"))
        low, high = SCORE[grade]
        score = half(rng.randrange(low * 2, high * 2 + 1))
        e.emit(stream, "socialwork.FinalEvaluated", {
            "projectId": pid, "evaluationDate": iso(final), "evaluatorCreditCode": evaluator[0], "score": score,
            "findings": texts.EVALUATION[2 if score >= 80 else 3]})
        graded = cal.add_working(final, rng.randrange(3, 10))
        fields = {"projectId": pid, "gradedDate": iso(graded), "grade": grade, "score": score}
        closed = cal.next_working(end + DAY)
        if grade == "basic":
            deadline = graded + DAY * rng.randrange(30, 46)
            fields["correctionDeadline"] = iso(deadline)
            done = cal.add_working(graded, rng.randrange(10, 20))
            e.emit(stream, "socialwork.PerformanceGraded", fields)
            e.emit(stream, "socialwork.CorrectionCompleted", {
                "projectId": pid, "completedDate": iso(done), "summary": "已按评估意见补齐服务记录，完成未达标服务指标。"})
            closed = max(closed, cal.add_working(done, 1))
        else:
            if grade == "failed":
                fields["barredYear"] = 2027
            e.emit(stream, "socialwork.PerformanceGraded", fields)
        e.emit(stream, "socialwork.ProjectClosed", {"projectId": pid, "closedDate": iso(closed), "outcome": "completed"})

    def stations(self):
        """A station in every town, registered before the ledger; rated for 2025, ranked each quarter."""
        rng = self.rng
        stations = []
        for town in self.city.towns:
            sid, e = f"STN-{town.code}", self.t.entity()
            established = dt.date(rng.randrange(2021, 2025), rng.randrange(1, 13), rng.randrange(1, 28))
            fields = {"stationId": sid, "town": town.code, "stationName": f"{town.name}社会工作站",
                      "establishedDate": iso(established)}
            if rng.random() < 0.8:
                fields["operatorCreditCode"] = rng.choice(self.agencies)[0]
            fields["fullTimeSocialWorkers"] = rng.randrange(2, 8)
            e.emit(f"swstation-{sid}", "socialwork.StationRegistered", fields)
            e.emit(f"swstation-{sid}", "socialwork.StationRated", {
                "stationId": sid, "town": town.code, "ratingYear": 2025,
                "ratedDate": iso(self.cal.next_working(dt.date(2026, 1, 20) + DAY * rng.randrange(0, 20))),
                "stars": rng.choices((1, 2, 3, 4, 5), (5, 20, 40, 25, 10))[0]})
            stations.append((sid, town.code))
        for quarter, ranked in (("2025-Q4", dt.date(2026, 1, 15)), ("2026-Q1", dt.date(2026, 4, 14)),
                                ("2026-Q2", dt.date(2026, 7, 14)), ("2026-Q3", dt.date(2026, 10, 15))):
            scores = sorted(((half(rng.randrange(120, 196)), sid, town) for sid, town in stations), reverse=True)
            self.t.entity().emit(f"swranking-{quarter}", "socialwork.StationRanked", {
                "quarter": quarter, "rankedDate": iso(ranked),
                "rankings": [{"stationId": sid, "town": town, "rank": k + 1, "score": score}
                             for k, (score, sid, town) in enumerate(scores)]})


def half(n):
    """n / 2 as a score in steps of 0.5, written without a fraction when whole."""
    return n // 2 if n % 2 == 0 else n / 2
