"""Marriage and divorce rules over a demo year: legal age, nobody married twice at once, unique
certificates, two-party events in both parties' streams, the divorce calendar."""
import datetime as dt

DAY = dt.timedelta(days=1)
LEGAL_AGE = {"male": 22, "female": 20}


def day(text):
    return dt.date.fromisoformat(text)


def next_working(d):
    while d.weekday() >= 5:
        d += DAY
    return d


def age(party, on):
    b = day(party["birthDate"])
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


class MarriageRules:
    def __init__(self, rules):
        self.r = rules
        self.spouse = {}  # ID number -> spouse's ID number, while married
        self.certificates = {}  # number -> (type, key of the registration)
        self.copies = {}  # key of a two-party event -> (data, streams written)
        self.wanted = {}  # key of a two-party event -> the streams it belongs in
        self.applications = {}
        self.outcomes = {}

    def stream_of(self, party):
        return f"marital-{self.r.pseudonym(party['idNumber'])}"

    def event(self, n, stream, etype, data):
        kind = etype.split(".")[1]
        if kind in ("MarriageRegistered", "MarriageRefused", "DivorceRegistered"):
            key = (kind, data.get("certificateNumber") or (data["refusalDate"], data["partyA"]["idNumber"]))
            wanted = {self.stream_of(data["partyA"]), self.stream_of(data["partyB"])}
            if kind == "DivorceRegistered":
                wanted.add(f"divorce-{data['applicationId']}")
            if stream not in wanted:
                self.r.problem(n, f"{kind} in stream {stream}, not one of its parties' (or its application's)")
            if key in self.copies:
                first, streams = self.copies[key]
                if first != data:
                    self.r.problem(n, f"{key[1]} issued twice: its copies name different registrations")
                if stream in streams:
                    self.r.problem(n, f"{key} twice in {stream}")
                streams.add(stream)
                return
            self.copies[key] = (data, {stream})
            self.wanted[key] = wanted
        getattr(self, kind)(n, stream, data)

    def certificate(self, n, number, key):
        if number in self.certificates:
            self.r.problem(n, f"certificate {number} issued twice")
        self.certificates[number] = key
        self.r.tally[f"certificates {number[:2].rstrip('0123456789')}"] += 1

    def MarriageRegistered(self, n, stream, data):
        on = day(data["registrationDate"])
        a, b = data["partyA"], data["partyB"]
        if a["sex"] == b["sex"]:
            self.r.problem(n, "both parties of one sex")
        for p in (a, b):
            if age(p, on) < LEGAL_AGE[p["sex"]]:
                self.r.problem(n, f"a {p['sex']} party aged {age(p, on)} on {on}")
            if p["idNumber"] in self.spouse:
                self.r.problem(n, f"party {p['name']} is already married")
        self.spouse[a["idNumber"]], self.spouse[b["idNumber"]] = b["idNumber"], a["idNumber"]
        self.certificate(n, data["certificateNumber"], "J")
        self.r.tally["marriages registered"] += 1

    def MarriageRefused(self, n, stream, data):
        on = day(data["refusalDate"])
        parties = (data["partyA"], data["partyB"])
        if "under-legal-age" in data["reasons"] and all(age(p, on) >= LEGAL_AGE[p["sex"]] for p in parties):
            self.r.problem(n, "refused as under age, but both parties are of age")
        if "already-married" in data["reasons"] and not any(p["idNumber"] in self.spouse for p in parties):
            self.r.problem(n, "refused as already married, but neither party is")
        self.r.tally["marriages refused"] += 1

    def DivorceApplicationReceived(self, n, stream, data):
        if stream != f"divorce-{data['applicationId']}":
            self.r.problem(n, f"divorce application in stream {stream}")
        a, b = data["partyA"]["idNumber"], data["partyB"]["idNumber"]
        for x, y in ((a, b), (b, a)):
            if self.spouse.get(x, y) != y:
                self.r.problem(n, "a divorce application by a person married to someone else")
            self.spouse[x] = y  # married before the ledger began
        self.applications[data["applicationId"]] = data
        self.r.tally["divorce applications"] += 1

    def application(self, n, data, kind):
        app = self.applications.get(data["applicationId"])
        if app is None:
            self.r.problem(n, f"{kind} of an application never received")
            return None, None
        if data["office"] != app["office"]:
            self.r.problem(n, f"{kind} at office {data['office']}, received at {app['office']}")
        if data["applicationId"] in self.outcomes:
            self.r.problem(n, f"{kind} after the application ended ({self.outcomes[data['applicationId']]})")
        self.outcomes[data["applicationId"]] = kind
        self.r.tally[f"divorce applications {kind}"] += 1
        return app, day(app["receiptDate"])

    def in_window(self, n, received, on, kind):
        """After the cooling-off (days 1-30 from the day after receipt; its end moved past a rest day)
        and no later than day 60."""
        if not next_working(received + 30 * DAY) < on <= received + 60 * DAY:
            self.r.problem(n, f"{kind} on {on}, outside the window after the receipt of {received}")

    def DivorceApplicationWithdrawn(self, n, stream, data):
        app, received = self.application(n, data, "withdrawn")
        if app and not received < day(data["withdrawnDate"]) <= received + 30 * DAY:
            self.r.problem(n, "withdrawn outside the cooling-off")
        if app and data["withdrawnBy"] != "both":
            if data["withdrawingIdNumber"] != app[data["withdrawnBy"]]["idNumber"]:
                self.r.problem(n, "withdrawn by someone who is not that party")

    def DivorceApplicationLapsed(self, n, stream, data):
        app, received = self.application(n, data, "lapsed")
        if app:
            end = next_working(received + 60 * DAY)
            if day(data["windowEndDate"]) != end or day(data["lapsedDate"]) <= end:
                self.r.problem(n, f"lapse with window end {data['windowEndDate']} (want {end}) on {data['lapsedDate']}")

    def DivorceRegistrationRefused(self, n, stream, data):
        app, received = self.application(n, data, "refused")
        if app:
            self.in_window(n, received, day(data["refusalDate"]), "refusal")

    def DivorceRegistered(self, n, stream, data):
        app, received = self.application(n, data, "registered")
        if not app:
            return
        self.in_window(n, received, day(data["registrationDate"]), "registration")
        if (data["partyA"], data["partyB"]) != (app["partyA"], app["partyB"]):
            self.r.problem(n, "divorce parties differ from the application's")
        for p in (data["partyA"], data["partyB"]):
            self.spouse.pop(p["idNumber"], None)
        self.certificate(n, data["certificateNumber"], "L")

    def CertificateReissued(self, n, stream, data):
        if stream != self.stream_of(data["holder"]):
            self.r.problem(n, "reissue outside its holder's stream")
        self.certificate(n, data["certificateNumber"], "B")

    def year_end(self):
        for key, (_, streams) in self.copies.items():
            if streams != self.wanted[key]:
                self.r.check.problem("marriage", f"{key[0]} {key[1]} written to {len(streams)} of its {len(self.wanted[key])} streams")
        self.r.tally["married persons at the end (known to the ledger)"] = len(self.spouse)
