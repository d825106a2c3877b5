"""The year as a list of events, each with the business date it happened on, written in date order.

Every record (a relief case, a household, a marriage...) is an entity with a serial number; its events
keep the order they were emitted in. The file is sorted by (date, entity, step), so a stream's events
stay in the order of its process and the ledger reads like the year happened.
"""
import datetime as dt
import hashlib
import json

YEAR = 2026
START = dt.date(YEAR, 1, 1)
END = dt.date(YEAR, 12, 31)
DAY = dt.timedelta(days=1)

# Dates that lie ahead of the event by nature (deadlines, a contract's period); every other date or
# date-time in a payload is a date that has happened by the event's own date.
AHEAD = {
    ("assistance.UrgentReliefGranted", "paperworkDueDate"),
    ("assistance.RecheckCompleted", "nextRecheckDueDate"),
    ("socialwork.ContractSigned", "startDate"),
    ("socialwork.ContractSigned", "endDate"),
    ("socialwork.PerformanceGraded", "correctionDeadline"),
    ("organizations.OrganizationRated", "validUntilDate"),
}


def happened_dates(etype, data):
    """Every business date in a payload that has happened when the event is recorded (as dates)."""
    out = []

    def walk(node, field):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, field)
        elif isinstance(node, str) and field and (etype, field) not in AHEAD and field not in ("birthDate",):
            if field.endswith("Date") or field.endswith("Deadline"):
                out.append(dt.date.fromisoformat(node))
            elif field.endswith("At"):
                out.append(dt.date.fromisoformat(node[:10]))
    walk(data, None)
    return out


def iso(d):
    return d.isoformat()


def month(d):
    return f"{d.year:04d}-{d.month:02d}"


def add_months(d, n):
    """The same day n months later (clamped to the month's last day)."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue


def first_of_next_month(d):
    return add_months(d.replace(day=1), 1)


class Calendar:
    """Working days: Monday to Friday (the service's default rest-day calendar is weekends only)."""

    @staticmethod
    def is_working(d):
        return d.weekday() < 5

    def next_working(self, d):
        """d itself when it is a working day, else the next working day."""
        while not self.is_working(d):
            d += DAY
        return d

    def add_working(self, d, n):
        """The n-th working day after d."""
        while n > 0:
            d += DAY
            if self.is_working(d):
                n -= 1
        return d


class Timeline:
    """Collects events; writes them as NDJSON lines for `civic-ledger import`, ordered by date."""

    def __init__(self, seed, scale, until=END):
        self.seed, self.scale, self.until = seed, scale, until
        self.entities = 0
        self.events = []  # (date, entity, step, stream, type, data)
        self.numbered = []  # (series, date, order, data, field, format)
        self.copies = []  # (data, field, source data, source field)

    def entity(self):
        """A new record; its events keep their emission order among events of the same date."""
        self.entities += 1
        return Entity(self, self.entities)

    def number_later(self, series, date, data, field, fmt):
        """Fills data[field] with fmt.format(serial) once the year is known: serials of one series
        (a certificate's office and year) run in date order, as a registry hands them out."""
        data[field] = None  # keeps the member's place in the payload
        self.numbered.append((series, date, len(self.numbered), data, field, fmt))

    def copy_later(self, data, field, source, source_field):
        """Fills data[field] with source[source_field] once numbers are assigned (a reissue names the
        certificate it replaces)."""
        data[field] = None
        self.copies.append((data, field, source, source_field))

    def assign_numbers(self):
        serials = {}
        for series, date, _, data, field, fmt in sorted(self.numbered, key=lambda n: (n[0], n[1], n[2])):
            if date <= self.until:
                serials[series] = serials.get(series, 0) + 1
                data[field] = fmt.format(serials[series])
        for data, field, source, source_field in self.copies:
            data[field] = source[source_field]

    def write(self, out):
        """Writes every event up to `until`, ordered by (date, entity, step); returns the count."""
        self.assign_numbers()
        self.events.sort(key=lambda e: (e[0], e[1], e[2]))
        n = 0
        for date, entity, step, stream, etype, data in self.events:
            if date > self.until:
                continue
            n += 1
            # The id is derived from seed, scale and place, so a re-run writes the same bytes and a
            # re-import of the same file skips what is already in the log.
            digest = hashlib.sha256(f"demo:{self.seed}:{self.scale!r}:{entity}:{step}".encode()).hexdigest()
            eid = f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-{'89ab'[int(digest[16], 16) % 4]}{digest[17:20]}-{digest[20:32]}"
            line = {"stream": stream, "id": eid, "type": etype, "data": data}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
        return n


class Entity:
    def __init__(self, timeline, number):
        self.timeline, self.number, self.steps = timeline, number, 0

    def emit(self, stream, etype, data, on=None):
        """Records an event on the latest date it names (or `on`, when that is later)."""
        dates = happened_dates(etype, data)
        date = max(dates + ([on] if on else []))
        self.steps += 1
        self.timeline.events.append((date, self.number, self.steps, stream, etype, data))
        return date
