"""Marriage and divorce registration at the city's office.

Streams: `marital-<pseudonym>` per person (every registration naming that person: a marriage or a
refusal is written to both parties' streams, a divorce too, a reissue to its holder's), and
`divorce-<applicationId>` per divorce application (receipt, withdrawal, lapse, refusal, and the
registration, which is also written to both parties' streams).

Rules kept: both parties of legal age (men 22, women 20) on the registration date; nobody married twice
at once (couples who apply for divorce married before the ledger and stay married until it is
registered); certificate numbers unique and issued in date order; divorce: 30-day cooling-off counted
from the day after the receipt, either party may withdraw within it; registration on a working day after
the cooling-off and no later than day 60; otherwise the application lapses after the window's last day
(moved to the next working day when it falls on a rest day)."""
import datetime as dt

from . import texts
from .city import OFFICE
from .people import OTHER_REGIONS, pseudonym
from .timeline import DAY, END, START, iso

LEGAL_AGE = {"male": 22, "female": 20}
COOLING_OFF_DAYS = 30
WINDOW_DAYS = 30
OUTCOMES = ("registered", "withdrawn", "lapsed", "refused")
OUTCOME_WEIGHTS = (72, 12, 12, 4)
REFUSALS = ("under-legal-age", "already-married", "documents-incomplete", "not-consenting")
REFUSAL_WEIGHTS = (35, 25, 30, 10)


class Marriages:
    def __init__(self, timeline, population, calendar, rng, key):
        self.t, self.pop, self.cal, self.rng, self.key = timeline, population, calendar, rng, key
        self.old_certificates = set()
        self.registered = []  # (date, partyA, partyB) of the year's marriages
        self.divorced = []  # (date, person, registration) free to marry again
        self.pending = []  # (marriage certificate, person) still married: reissue candidates

    def stream(self, person):
        return f"marital-{pseudonym(self.key, person.id_number)}"

    def working_day(self, low, high):
        return self.cal.next_working(low + DAY * self.rng.randrange((high - low).days + 1))

    def generate(self, marriages, divorces, refusals, reissues):
        self.divorces(divorces)
        self.marriages(marriages)
        self.refusals(refusals)
        self.reissues(reissues)

    def couple(self, on, low, high, local=0.9):
        man = self.pop.aged(on, max(low, LEGAL_AGE["male"]), high, sex="male", local=local)
        gap = self.rng.randrange(-2, 6)
        woman = self.pop.aged(on, max(LEGAL_AGE["female"], min(high, man.age_on(on) - gap - 1)),
                              max(LEGAL_AGE["female"], min(high, man.age_on(on) - gap + 1)), sex="female", local=local)
        return (man, woman) if self.rng.random() < 0.8 else (woman, man)

    def old_certificate(self, a, b):
        """The number of a couple's marriage registered before the ledger."""
        rng = self.rng
        youngest = max(a.birth.year + LEGAL_AGE[a.sex], b.birth.year + LEGAL_AGE[b.sex])
        year = rng.randrange(min(youngest + 1, 2024), 2025)
        office = OFFICE if rng.random() < 0.75 else rng.choice(OTHER_REGIONS)
        while True:
            number = f"J{office}-{year}-{rng.randrange(1, 3000):06d}"
            if number not in self.old_certificates:
                self.old_certificates.add(number)
                return number

    def divorces(self, n):
        rng, cal = self.rng, self.cal
        receipts = sorted(self.working_day(START + 4 * DAY, dt.date(2026, 12, 18)) for _ in range(n))
        for i, received in enumerate(receipts):
            e = self.t.entity()
            app = f"DA{OFFICE}-2026-{i + 1:06d}"
            stream = f"divorce-{app}"
            a, b = self.couple(received, 26, 66)
            marriage_number = self.old_certificate(a, b)
            e.emit(stream, "marriage.DivorceApplicationReceived", {
                "applicationId": app, "office": OFFICE, "receiptDate": iso(received), "partyA": a.party(),
                "partyB": b.party(), "marriageCertificateNumber": marriage_number, "agreementSubmitted": True})
            outcome = texts.pick(rng, i, OUTCOMES, OUTCOME_WEIGHTS)
            cooling_end = received + COOLING_OFF_DAYS * DAY
            last = received + (COOLING_OFF_DAYS + WINDOW_DAYS) * DAY
            if outcome == "withdrawn":
                by = rng.choice(("partyA", "partyB", "both"))
                fields = {"applicationId": app, "office": OFFICE,
                          "withdrawnDate": iso(received + DAY * rng.randrange(1, COOLING_OFF_DAYS + 1)), "withdrawnBy": by}
                if by != "both":
                    fields["withdrawingIdNumber"] = (a if by == "partyA" else b).id_number
                e.emit(stream, "marriage.DivorceApplicationWithdrawn", fields)
                self.pending.append((marriage_number, a))
            elif outcome == "lapsed":
                window_end = cal.next_working(last)
                e.emit(stream, "marriage.DivorceApplicationLapsed", {
                    "applicationId": app, "office": OFFICE, "lapsedDate": iso(cal.next_working(window_end + DAY)),
                    "windowEndDate": iso(window_end), "reason": "not-returned-in-time"})
                self.pending.append((marriage_number, b))
            else:
                # After a cooling-off whose end moved past a rest day, and no later than day 60 itself.
                day = self.working_day(cal.next_working(cooling_end) + DAY, last)
                while day > last or not cal.is_working(day):
                    day -= DAY
                if outcome == "refused":
                    e.emit(stream, "marriage.DivorceRegistrationRefused", {
                        "applicationId": app, "office": OFFICE, "refusalDate": iso(day),
                        "reasons": [rng.choice(("no-agreement-on-children", "no-agreement-on-property", "not-voluntary"))]})
                    self.pending.append((marriage_number, a))
                    continue
                fields = {"applicationId": app, "office": OFFICE, "registrationDate": iso(day)}
                self.t.number_later("L", day, fields, "certificateNumber", f"L{OFFICE}-2026-{{:06d}}")
                fields.update({"partyA": a.party(), "partyB": b.party(), "marriageCertificateNumber": marriage_number})
                for s in (stream, self.stream(a), self.stream(b)):
                    e.emit(s, "marriage.DivorceRegistered", fields)
                self.divorced += [(day, a, fields), (day, b, fields)]

    def marriages(self, n):
        rng = self.rng
        days = [self.working_day(START + 4 * DAY, END) for _ in range(n)]
        again = [(d, p) for d, p, _ in self.divorced if rng.random() < 0.2]
        for divorced_on, person in again:
            day = self.working_day(divorced_on + 40 * DAY, divorced_on + 250 * DAY)
            if day <= END:
                days.append((day, person))
        for entry in sorted(days, key=lambda x: x[0] if isinstance(x, tuple) else x):
            if isinstance(entry, tuple):
                day, known = entry
                other = self.pop.aged(day, max(LEGAL_AGE["female" if known.sex == "male" else "male"], known.age_on(day) - 8),
                                      known.age_on(day) + 3, sex="female" if known.sex == "male" else "male")
                a, b = (known, other) if known.sex == "male" else (other, known)
            else:
                day = entry
                a, b = self.couple(day, 22, 40 if rng.random() < 0.9 else 60, local=0.8)
            e = self.t.entity()
            fields = {"office": OFFICE, "registrationDate": iso(day)}
            self.t.number_later("J", day, fields, "certificateNumber", f"J{OFFICE}-2026-{{:06d}}")
            fields.update({"partyA": a.party(), "partyB": b.party(), "declarationSigned": True})
            for person in (a, b):
                e.emit(self.stream(person), "marriage.MarriageRegistered", fields)
            self.registered.append((day, a, b))

    def refusals(self, n):
        rng = self.rng
        for i in range(n):
            reason = texts.pick(rng, i, REFUSALS, REFUSAL_WEIGHTS)
            day = self.working_day(dt.date(2026, 2, 1), dt.date(2026, 12, 20))
            if reason == "under-legal-age":
                a = self.pop.aged(day, 19, 21, sex="male")
                b = self.pop.aged(day, 18, 24, sex="female")
                explanation = "男方未达法定婚龄。"
            elif reason == "already-married":
                earlier = [m for m in self.registered if m[0] < day - 7 * DAY]
                if not earlier:
                    continue
                married = rng.choice(earlier)[1 if rng.random() < 0.5 else 2]
                other = self.pop.aged(day, 22, 45, sex="female" if married.sex == "male" else "male")
                a, b = (married, other) if married.sex == "male" else (other, married)
                explanation = "经查询婚姻登记信息，一方当事人已有配偶。"
            else:
                a, b = self.couple(day, 23, 45)
                explanation = "当事人未能提供有效身份证件。" if reason == "documents-incomplete" else "一方当事人表示并非自愿结婚。"
            e = self.t.entity()
            fields = {"office": OFFICE, "refusalDate": iso(day), "partyA": a.party(), "partyB": b.party(),
                      "reasons": [reason], "explanation": explanation}
            for person in (a, b):
                e.emit(self.stream(person), "marriage.MarriageRefused", fields)

    def reissues(self, n):
        """Lost certificates replaced: marriage certificates of couples still married, divorce
        certificates of the year's divorces (registered before November, so the reissue falls in the year)."""
        rng = self.rng
        early = [d for d in self.divorced if d[0] < dt.date(2026, 11, 1)]
        for i in range(n):
            e = self.t.entity()
            if (i % 2 == 0 or not early) and self.pending:
                number, holder = self.pending[rng.randrange(len(self.pending))]
                day = self.working_day(dt.date(2026, 3, 1), dt.date(2026, 12, 20))
                fields = {"office": OFFICE, "reissueDate": iso(day), "kind": "marriage"}
                self.t.number_later("BJ", day, fields, "certificateNumber", f"BJ{OFFICE}-2026-{{:06d}}")
                fields.update({"originalCertificateNumber": number, "holder": holder.party()})
            elif early:
                divorced_on, holder, divorce = early[rng.randrange(len(early))]
                day = self.working_day(divorced_on + 20 * DAY, min(divorced_on + 200 * DAY, dt.date(2026, 12, 28)))
                fields = {"office": OFFICE, "reissueDate": iso(day), "kind": "divorce"}
                self.t.number_later("BL", day, fields, "certificateNumber", f"BL{OFFICE}-2026-{{:06d}}")
                self.t.copy_later(fields, "originalCertificateNumber", divorce, "certificateNumber")
                fields["holder"] = holder.party()
            else:
                continue
            e.emit(self.stream(holder), "marriage.CertificateReissued", fields)
