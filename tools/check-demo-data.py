#!/usr/bin/env python3
"""Checks tools/demo-data: the same seed gives the same bytes, every event is valid against the catalog
(Python jsonschema, the latest version of its type), the year is in date order, and the bureau's rules
hold (relief steps, visits, projects, marriage and divorce, renovations, rescue, ID numbers). Then, when a
built civic-ledger exists, imports the file into a fresh ledger. Prints counts per type; exits 1 on any
problem.

    tools/check-demo-data.py [--seed N] [--scale F] [--file FILE] [--binary PATH] [--no-import]

--file checks an existing output (made with the default pseudonym key) instead of generating one.
Without --file it also breaks copies of the output in several ways (a check character, a divorce in
its cooling-off, a certificate used twice, a second marriage, a confirmation without notice, a missing
field, a payment too early) and requires each to be reported: the checks are shown able to fail.
"""
import argparse
import collections
import datetime
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_data.checks import Rules  # noqa: E402  (the process and rule checks, written apart from the generator)

DEMO_KEY = bytes.fromhex("be8002e9eb167366cf0a9b221d37fda83bf448cdbeb3d9d1407caa7d47cc55d2")
STREAM = re.compile(r"^[a-z]+-[A-Za-z0-9_.:-]+$")
ID_IN_TEXT = re.compile(r"[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{4}[0-9X]")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def load_catalog():
    """The catalog as tools/check-schemas.py loads it: {type: (version, validator)} for the latest versions."""
    spec = importlib.util.spec_from_file_location("check_schemas", ROOT / "tools" / "check-schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    catalog = module.Catalog(ROOT, module.load_jsonschema())
    catalog.load()
    if catalog.problems:
        sys.exit("check-demo-data: the catalog does not load: " + "; ".join(catalog.problems))
    latest = {}
    for (domain, name, version), (_, schema) in sorted(catalog.schemas.items()):
        latest[f"{domain}.{name}"] = (version, catalog.validator(schema))
    return latest


def generate(seed, scale, path):
    started = time.monotonic()
    # Up to today in China Standard Time: the rules refuse business dates more than a day ahead.
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date().isoformat()
    subprocess.run([sys.executable, str(ROOT / "tools" / "demo-data"), "--seed", str(seed), "--scale", str(scale),
                    "--until", today, "--out", str(path)], check=True, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


class Check:
    def __init__(self):
        self.problems = []

    def problem(self, where, message):
        if len(self.problems) < 200:
            self.problems.append(f"{where}: {message}")
        elif len(self.problems) == 200:
            self.problems.append("... (more problems left out)")


def check_lines(path, catalog, check):
    """Line format, stream names, catalog validity; returns the parsed events."""
    events, ids = [], set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"line {n}"
            try:
                event = json.loads(line)
            except ValueError as e:
                check.problem(where, f"not JSON: {e}")
                continue
            if list(event) != ["stream", "id", "type", "data"]:
                check.problem(where, f"members {list(event)}, want stream, id, type, data")
                continue
            stream, eid, etype, data = event["stream"], event["id"], event["type"], event["data"]
            if not STREAM.match(stream) or len(stream.encode()) > 200:
                check.problem(where, f"stream name {stream!r} is not <category>-<id> of A-Z a-z 0-9 _ . : -")
            if ID_IN_TEXT.search(stream):
                check.problem(where, f"stream name {stream!r} holds an ID number")
            if not UUID.match(eid) or eid in ids:
                check.problem(where, f"id {eid} is not a fresh UUID")
            ids.add(eid)
            if etype not in catalog:
                check.problem(where, f"unknown type {etype}")
                continue
            errors = list(catalog[etype][1].iter_errors(data))
            for error in errors:
                path_ = "/" + "/".join(str(p) for p in error.absolute_path)
                check.problem(where, f"{etype} v{catalog[etype][0]} {path_}: {error.message}")
            if not errors:  # the rules read only events their schema accepts
                events.append((n, stream, etype, data))
    return events


def try_import(path, binary, count):
    if not binary.exists():
        print(f"import: skipped, no built binary at {binary}")
        return None
    with tempfile.TemporaryDirectory(prefix="demo-ledger-") as tmp:
        data = Path(tmp) / "ledger"
        # The ledger gets the demo's pseudonym key, as tools/run does, so that the service names
        # persons' streams as the file does; the import then judges every line by the real rules.
        data.mkdir()
        key = data / "pseudonym.key"
        key.write_text(DEMO_KEY.hex() + "\n")
        key.chmod(0o600)
        subprocess.run([str(binary), "init", "--data", str(data)], check=True, capture_output=True)
        started = time.monotonic()
        result = subprocess.run([str(binary), "import", "--data", str(data), "--durability", "relaxed", str(path)],
                                capture_output=True, text=True)
        took = time.monotonic() - started
    if result.returncode != 0:
        return f"import failed (exit {result.returncode}): {result.stderr.strip()[:2000]}"
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"import: {answer['appended']} events appended, {answer['skipped']} skipped in {took:.1f} s ({binary})")
    if answer["appended"] != count:
        return f"import appended {answer['appended']} of {count} lines"
    return None


def check_file(path, catalog, check):
    """Every check of one output file; returns its events and the rules' tallies."""
    events = check_lines(path, catalog, check)
    rules = Rules(check, DEMO_KEY)
    rules.run(events)
    return events, rules


def first(lines, etype, test=lambda data: True):
    return next(i for i, line in enumerate(lines) if line["type"] == etype and test(line["data"]))


def break_check_character(lines):
    data = lines[first(lines, "assistance.WarningLevelSet")]["data"]
    number = data["headIdNumber"]
    data["headIdNumber"] = number[:17] + ("0" if number[17] != "0" else "1")


def register_in_cooling_off(lines):
    received = lines[first(lines, "marriage.DivorceApplicationReceived")]["data"]
    for line in lines:
        if line["type"] == "marriage.DivorceRegistered" and line["data"]["applicationId"] == received["applicationId"]:
            line["data"]["registrationDate"] = received["receiptDate"]


def reuse_a_certificate(lines):
    marriages = [line["data"] for line in lines if line["type"] == "marriage.MarriageRegistered"]
    later = [m for m in marriages if m["certificateNumber"] != marriages[0]["certificateNumber"]]
    for m in later:
        if m["certificateNumber"] == later[0]["certificateNumber"]:
            m["certificateNumber"] = marriages[0]["certificateNumber"]


def marry_again(lines):
    i = first(lines, "marriage.MarriageRegistered")
    again = json.loads(json.dumps(lines[i]))
    again["id"] = "00000000-0000-4000-8000-000000000001"
    again["data"]["certificateNumber"] = "J330481-2026-999999"
    again["data"]["partyB"] = lines[first(lines, "marriage.MarriageRegistered", lambda d: d["partyA"] != again["data"]["partyA"]
                                            and d["partyA"]["sex"] == "female")]["data"]["partyA"]
    lines.insert(i + 1, again)


def confirm_before_notice(lines):
    case = lines[first(lines, "assistance.ReliefConfirmed")]["data"]["caseId"]
    lines[:] = [line for line in lines if not (line["data"].get("caseId") == case and line["type"] in (
        "assistance.PublicNoticePosted", "assistance.ObjectionRaised", "assistance.ObjectionResolved"))]


def drop_a_required_field(lines):
    del lines[first(lines, "socialwork.ContractSigned")]["data"]["endDate"]


def pay_before_confirmation(lines):
    i = first(lines, "assistance.ReliefConfirmed", lambda d: d["paymentSchedule"] == "monthly")
    confirmed = lines[i]["data"]
    j = first(lines, "assistance.ReliefPaid", lambda d: d["caseId"] == confirmed["caseId"])
    lines[j]["data"]["month"] = confirmed["confirmedDate"][:7]


# Each mutation breaks one rule; the checks must notice (so they are shown able to fail).
MUTATIONS = ((break_check_character, "GB 11643"), (register_in_cooling_off, "outside the window"),
             (reuse_a_certificate, "issued twice"), (marry_again, "already married"),
             (confirm_before_notice, "confirmation with"), (drop_a_required_field, "'endDate' is a required property"),
             (pay_before_confirmation, "not after the month of confirmation"))


def self_test(path, catalog):
    """Breaks a copy of the output in each way of MUTATIONS and requires the checks to say so."""
    original = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    failures = []
    for mutate, expected in MUTATIONS:
        lines = json.loads(json.dumps(original))
        mutate(lines)
        broken = path.with_suffix(".broken.ndjson")
        broken.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        check = Check()
        check_file(broken, catalog, check)
        caught = any(expected in p for p in check.problems)
        print(f"self-test: {mutate.__name__}: {'caught' if caught else 'MISSED'} ({len(check.problems)} problems)")
        if not caught:
            failures.append(f"{mutate.__name__} was not reported as {expected!r}: {check.problems[:3]}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--file", type=Path, help="check this output instead of generating one")
    parser.add_argument("--binary", type=Path, default=ROOT / ".build" / "debug" / "civic-ledger")
    parser.add_argument("--no-import", action="store_true", help="skip the import into a fresh ledger")
    args = parser.parse_args()
    check = Check()
    catalog = load_catalog()
    with tempfile.TemporaryDirectory(prefix="demo-data-") as tmp:
        path = args.file
        if path is None:
            first, second, other = Path(tmp) / "a.ndjson", Path(tmp) / "b.ndjson", Path(tmp) / "c.ndjson"
            took = generate(args.seed, args.scale, first)
            generate(args.seed, args.scale, second)
            generate(args.seed + 1, args.scale, other)
            if first.read_bytes() != second.read_bytes():
                check.problem("determinism", f"two runs with seed {args.seed} differ")
            if first.read_bytes() == other.read_bytes():
                check.problem("determinism", "seeds differ but the output does not")
            print(f"generated: seed {args.seed}, scale {args.scale:g}, {first.stat().st_size} bytes in {took:.1f} s; "
                  "a second run gave identical bytes" if first.read_bytes() == second.read_bytes() else "")
            path = first
        events, rules = check_file(path, catalog, check)
        counts = collections.Counter(e[2] for e in events)
        for etype in sorted(catalog):
            print(f"{counts.get(etype, 0):8d}  {etype}")
        print(f"{len(events):8d}  events in {len(counts)} of {len(catalog)} types")
        for line in rules.summary():
            print(line)
        missing = sorted(set(catalog) - set(counts))
        if missing and args.file is None:
            check.problem("coverage", f"no event of {', '.join(missing)}")
        if args.file is None:
            for failure in self_test(path, catalog):
                check.problem("self-test", failure)
        if not args.no_import:
            failure = try_import(path, args.binary, len(events))
            if failure:
                check.problem("import", failure)
    for p in check.problems:
        print(p)
    print(f"check-demo-data: {len(events)} events, {len(check.problems)} problem{'s' if len(check.problems) != 1 else ''}")
    return 1 if check.problems else 0


if __name__ == "__main__":
    sys.exit(main())
