#!/usr/bin/env python3
"""Check the event catalog under Schemas/ with Python's jsonschema (conventions: Schemas/README.md).

Each Schemas/events/<domain>/<Type>.v<N>.schema.json is checked against the draft 2020-12 meta-schema
and the catalog's conventions; each example in Schemas/examples/<domain>/<Type>.v<N>/ is run with the
date, date-time and uuid formats asserted: valid-*.json must validate, invalid-*.json must fail exactly
as its sibling invalid-*.txt says. Prints one summary line; exits 1 on any problem.

    tools/check-schemas.py [--root DIR]   check everything (DIR: another checkout; default this one)
    tools/check-schemas.py --verdicts     print {"file": ..., "valid": bool} per example, for the Swift tests
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

FORMATS = ("date", "date-time", "uuid")


def load_jsonschema():
    """Import jsonschema, installing it (with the date-time checker's dependency) if missing."""
    for attempt in (1, 2):
        try:
            import importlib
            import jsonschema
            if "date-time" in importlib.reload(jsonschema).FormatChecker.checkers:
                return jsonschema
        except ImportError:
            pass
        if attempt == 1:
            print("check-schemas: installing jsonschema[format-nongpl] with pip", file=sys.stderr)
            subprocess.call([sys.executable, "-m", "pip", "install", "--quiet", "jsonschema[format-nongpl]>=4.18"])
    sys.exit("check-schemas: need jsonschema with date-time checks: pip install 'jsonschema[format-nongpl]'")


# The keywords the Swift validator implements; a schema using any other is refused when it loads.
KEYWORDS = set("""$schema $id $comment title description default examples type properties required
    additionalProperties patternProperties propertyNames enum const pattern minLength maxLength minimum maximum
    exclusiveMinimum exclusiveMaximum multipleOf items prefixItems minItems maxItems uniqueItems minProperties
    maxProperties dependentRequired allOf anyOf oneOf not if then else $ref $defs format""".split())
SCHEMA_MAPS = ("properties", "patternProperties", "$defs")
SCHEMA_ONE = ("items", "additionalProperties", "propertyNames", "not", "if", "then", "else")
SCHEMA_LIST = ("prefixItems", "allOf", "anyOf", "oneOf")
# Positions whose subschema defines data (a field, an array item); the others only constrain it.
DEFINING = {"properties", "patternProperties", "$defs", "items", "prefixItems", "additionalProperties"}

ID_PATTERN = "^[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"
MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$"
PERSONAL_FIELD = re.compile(r"^(idNumber|.*IdNumber|name|.*Name|address|.*Address|phone|.*Phone|bankAccount"
                            r"|.*[Ii]ncome.*|.*[Aa]ssets.*|birthDate|deathDate|health.*|.*Health.*)$")
# Fields whose names look personal but name an organisation or a place, never a person.
NOT_PERSONAL = {"organizationName", "stationName", "institutionName", "homeName", "placeName", "formerName",
                "newName", "contractorName", "destinationName", "premisesAddress"}
IRREGULAR_PAST = {"Paid", "Held", "Set", "Given", "Made", "Drawn", "Withdrawn", "Left", "Built", "Sent", "Taken", "Kept"}
CJK = re.compile(r"[\u4e00-\u9fff]")
SCHEMA_FILE = re.compile(r"^([A-Z][A-Za-z]+)\.v([1-9][0-9]*)\.schema\.json$")
EXAMPLE_FILE = re.compile(r"^(valid|invalid)-[a-z0-9]+(-[a-z0-9]+)*\.(json|txt)$", re.I)


def ptr(tokens):
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


def resolve(schema, ref):
    node = schema
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def keyword_location(schema, path):
    """jsonschema leaves "$ref" out of its schema paths; put it back (JSON Schema's keywordLocation)."""
    node, out = schema, []
    for token in path:
        while isinstance(node, dict) and "$ref" in node and token not in node:
            out.append("$ref")
            node = resolve(schema, node["$ref"])
        out.append(token)
        node = node[int(token)] if isinstance(node, list) else node[token]
    return ptr(out)


def children(s):
    """(keyword, name or index or None, subschema) for each subschema directly under s."""
    for k in SCHEMA_MAPS:
        yield from ((k, n, sub) for n, sub in (s.get(k) or {}).items())
    yield from ((k, None, s[k]) for k in SCHEMA_ONE if k in s)
    for k in SCHEMA_LIST:
        yield from ((k, i, sub) for i, sub in enumerate(s.get(k) or []))


def deref(root, s):
    """The schema s stands for, following local $refs; None when a $ref leads nowhere."""
    seen = set()
    while isinstance(s, dict) and "$ref" in s:
        ref = s["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            return None
        seen.add(ref)
        try:
            s = resolve(root, ref)
        except (KeyError, IndexError, TypeError):
            return None
    return s


class Catalog:
    def __init__(self, root, jsonschema):
        self.root, self.js = root, jsonschema
        self.problems, self.schemas = [], {}  # (domain, Type, N) -> (path, schema)
        self.counts = {"valid": 0, "invalid": 0}
        self.formats = jsonschema.FormatChecker(formats=FORMATS)

    def problem(self, where, message):
        self.problems.append(f"{where}: {message}")

    def load(self):
        events = self.root / "Schemas" / "events"
        for path in sorted(p for p in events.glob("**/*") if p.is_file()):
            rel = path.relative_to(self.root)
            parts = path.relative_to(events).parts
            m = SCHEMA_FILE.match(parts[-1])
            if len(parts) != 2 or not m or not re.fullmatch("[a-z]+", parts[0]):
                self.problem(rel, "not Schemas/events/<domain>/<Type>.v<N>.schema.json")
                continue
            try:
                self.schemas[(parts[0], m.group(1), int(m.group(2)))] = (rel, json.loads(path.read_text(encoding="utf-8")))
            except ValueError as e:
                self.problem(rel, f"not JSON: {e}")
        if not self.schemas:
            self.problem(events, "no schemas found")

    def validator(self, schema):
        return self.js.Draft202012Validator(schema, format_checker=self.formats)

    def check_schema(self, key, rel, schema):
        domain, name, version = key
        meta = self.js.Draft202012Validator(self.js.Draft202012Validator.META_SCHEMA)
        for e in meta.iter_errors(schema):
            self.problem(rel, f"meta-schema: {ptr(e.absolute_path)}: {e.message}")
        etype = f"{domain}.{name}"
        expect = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"https://civic-ledger.example/schemas/events/{domain}/{name}.v{version}.schema.json",
                  "title": etype, "x-event-type": etype, "x-version": version, "type": "object"}
        for k, v in expect.items():
            if schema.get(k) != v:
                self.problem(rel, f"{k} must be {json.dumps(v, ensure_ascii=False)}")
        desc = schema.get("description", "")
        if not (isinstance(desc, str) and re.search("[A-Za-z]{3}", desc) and CJK.search(desc)):
            self.problem(rel, "description must be English naming the Chinese term")
        if not CJK.search(str(schema.get("x-zh", ""))):
            self.problem(rel, "x-zh must give the Chinese name")
        words = re.findall("[A-Z][a-z]*", name)
        if not any(w.endswith("ed") or w in IRREGULAR_PAST for w in words):
            self.problem(rel, f"type name {name} is not in the past tense")
        self.walk(schema, schema, [], defining=True, shape=None, field=None, rel=rel)

    def walk(self, root, s, at, defining, shape, field, rel):
        """Visit subschema s at schema pointer `at`; `shape` is the defining schema it constrains."""
        where = f"{rel}#{ptr(at)}"
        if isinstance(s, bool):
            if defining and at and at[-1] != "additionalProperties":
                self.problem(where, "boolean schemas only as additionalProperties")
            return
        if not isinstance(s, dict):
            return self.problem(where, "a schema must be an object")
        for k in (k for k in s if k not in KEYWORDS and not k.startswith("x-")):
            self.problem(where, f"keyword {k} is not supported by the Swift validator")
        if "examples" in s:
            self.problem(where, "examples live in Schemas/examples/, not in the schema")
        if "x-personal" in s and s["x-personal"] is not True:
            self.problem(where, "x-personal is either true or absent")
        if "format" in s and s["format"] not in FORMATS:
            self.problem(where, f"format {s['format']} is not one of {', '.join(FORMATS)}")
        if "$ref" in s and (not str(s["$ref"]).startswith("#/$defs/") or deref(root, {"$ref": s["$ref"]}) is None):
            self.problem(where, f"$ref {s['$ref']!r} is not a local #/$defs/ reference that exists")
        if "pattern" in s:
            self.check_pattern(s, where, defining)
        if defining:
            self.check_defining(root, s, where, field)
        else:
            self.check_constraint(s, where, shape)
        target = deref(root, s) if defining else shape
        for k, token, sub in children(s):
            sub_shape = target
            if not defining and k == "properties" and isinstance(target, dict):
                sub_shape = deref(root, (target.get("properties") or {}).get(token))
            elif k in SCHEMA_MAPS:
                sub_shape = None
            elif k == "items" and isinstance(target, dict):
                sub_shape = deref(root, target.get("items"))
            path = at + [k] + ([] if token is None else [token])
            self.walk(root, sub, path, defining and k in DEFINING, sub_shape, token if k == "properties" else None, rel)

    def check_pattern(self, s, where, defining):
        p = s["pattern"]
        try:
            re.compile(p)
        except re.error as e:
            self.problem(where, f"pattern does not compile: {e}")
        if not p.startswith("^"):
            self.problem(where, "pattern must be anchored with ^")
        if re.search(r"\\[dDwWsS]", p):
            self.problem(where, r"use [0-9] rather than \d, \w, \s (ASCII in every regex engine)")
        if defining and (not p.endswith("$") or "maxLength" not in s):
            self.problem(where, "a field's pattern ends with $ and comes with maxLength")

    def check_defining(self, root, s, where, field):
        target = deref(root, s)
        if not isinstance(target, dict):
            return
        kind = target.get("type")
        if "properties" in s or kind == "object" and "$ref" not in s:
            if s.get("type") != "object":
                self.problem(where, "an object schema says type: object")
            if s.get("additionalProperties") is not False:
                self.problem(where, "additionalProperties must be false")
            if not isinstance(s.get("required"), list):
                self.problem(where, "required must be explicit")
            for r in s.get("required") or []:
                if r not in (s.get("properties") or {}):
                    self.problem(where, f"required field {r} is not in properties")
            for n, sub in (s.get("properties") or {}).items():
                if isinstance(sub, dict) and not sub.get("x-personal") and self.holds_personal(root, sub):
                    self.problem(f"{where}/properties/{n}", "holds personal fields, so is marked x-personal")
        if kind == "string" and not ({"maxLength", "enum", "const", "format"} & set(target)):
            self.problem(where, "a string field is bounded by maxLength, enum, const or format")
        if field is not None:
            self.check_field_name(s, target, where, field)

    def check_field_name(self, s, target, where, field):
        if PERSONAL_FIELD.match(field) and field not in NOT_PERSONAL and s.get("x-personal") is not True:
            self.problem(where, f"{field} holds personal information: mark it \"x-personal\": true")
        if re.search("(^i|I)dNumber$", field) and target.get("pattern") != ID_PATTERN:
            self.problem(where, "an ID number uses the catalog's 18-character pattern")
        if field.endswith("Fen") and not (target.get("type") == "integer" and target.get("minimum", -1) >= 0):
            self.problem(where, "money (…Fen) is a non-negative integer of fen")
        is_date = field.endswith("Date") or field.endswith("Deadline")
        if is_date != (target.get("format") == "date"):
            self.problem(where, "business dates are named …Date/…Deadline and have format: date")
        if field.endswith("At") != (target.get("format") == "date-time"):
            self.problem(where, "times are named …At and have format: date-time")
        if (field == "month" or field.endswith("Month")) and target.get("pattern") != MONTH_PATTERN:
            self.problem(where, "a month is YYYY-MM with the catalog's month pattern")

    def check_constraint(self, s, where, shape):
        """if/then/allOf… may only talk about fields the enclosing object defines."""
        if not isinstance(shape, dict):
            return
        names = [*(s.get("properties") or {}), *(s.get("required") or []), *(s.get("dependentRequired") or {})]
        for n in names:
            if shape.get("type") == "object" and n not in (shape.get("properties") or {}):
                self.problem(where, f"condition names {n}, which is not a field here")

    def holds_personal(self, root, s, seen=()):
        s = deref(root, s)
        if not isinstance(s, dict) or id(s) in seen:
            return False
        if s.get("x-personal") is True:
            return True
        subs = list((s.get("properties") or {}).values()) + list(s.get("prefixItems") or [])
        if isinstance(s.get("items"), dict):
            subs.append(s["items"])
        return any(self.holds_personal(root, x, seen + (id(s),)) for x in subs)

    def check_versions(self):
        by_type = {}
        for domain, name, version in sorted(self.schemas):
            by_type.setdefault((domain, name), []).append(version)
        for (domain, name), versions in by_type.items():
            if versions != list(range(1, len(versions) + 1)):
                self.problem(f"{domain}.{name}", f"versions {versions} do not run 1..N")
            for v in versions[1:]:
                rel, schema = self.schemas[(domain, name, v)]
                up = schema.get("x-upcast")
                if not (isinstance(up, dict) and up.get("from") == v - 1 and isinstance(up.get("add"), dict)):
                    self.problem(rel, f'x-upcast must be {{"from": {v - 1}, "add": {{...}}}}')
                    continue
                older = self.root / "Schemas" / "examples" / domain / f"{name}.v{v - 1}"
                for ex in sorted(older.glob("valid-*.json")):
                    lifted = {**up["add"], **json.loads(ex.read_text(encoding="utf-8"))}
                    for e in self.validator(schema).iter_errors(lifted):
                        self.problem(ex.relative_to(self.root), f"upcast to v{v} is invalid: {e.message}")

    def examples(self, key):
        domain, name, version = key
        folder = self.root / "Schemas" / "examples" / domain / f"{name}.v{version}"
        return folder, sorted(folder.glob("*.json")) if folder.is_dir() else []

    def verdict(self, schema, path):
        """The example's payload and its violations; None when the file or the schema cannot be used."""
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            return doc, list(self.validator(schema).iter_errors(doc))
        except Exception as e:  # a broken schema or file is a problem to report, not a crash
            self.problem(path.relative_to(self.root), f"could not be checked: {type(e).__name__}: {str(e)[:160]}")
            return None, None

    def check_examples(self, key, rel, schema):
        folder, files = self.examples(key)
        shown = folder.relative_to(self.root)
        for f in sorted(folder.iterdir()) if folder.is_dir() else []:
            if not EXAMPLE_FILE.match(f.name) or f.name.startswith("valid-") and f.suffix != ".json":
                self.problem(f.relative_to(self.root), "examples are named valid-<slug>.json, invalid-<slug>.json/.txt")
            elif f.suffix == ".txt" and not f.with_suffix(".json").is_file():
                self.problem(f.relative_to(self.root), "a note without its invalid example")
        valid = [f for f in files if f.name.startswith("valid-")]
        invalid = [f for f in files if f.name.startswith("invalid-")]
        if not valid or len(invalid) < 2:
            self.problem(shown, f"needs at least 1 valid and 2 invalid examples (has {len(valid)} and {len(invalid)})")
        for f in valid:
            self.counts["valid"] += 1
            for e in self.verdict(schema, f)[1] or []:
                self.problem(f.relative_to(self.root), f"should be valid: {ptr(e.absolute_path)}: {e.message}")
        reasons = {}
        for f in invalid:
            self.counts["invalid"] += 1
            self.check_invalid(schema, f, reasons)

    def check_invalid(self, schema, f, reasons):
        shown = f.relative_to(self.root)
        note = f.with_suffix(".txt")
        if not note.is_file():
            return self.problem(shown, f"needs {note.name} saying what makes it invalid")
        said = dict(line.split(":", 1) for line in note.read_text(encoding="utf-8").splitlines() if ":" in line)
        said = {k.strip(): v.strip() for k, v in said.items()}
        if not all(said.get(k) for k in ("reason", "keyword", "location")) or "pointer" not in said:
            return self.problem(note.relative_to(self.root), "needs reason:, keyword:, pointer: and location: lines")
        _, errors = self.verdict(schema, f)
        if errors is None:
            return
        if not errors:
            return self.problem(shown, "should be invalid but validates")
        got = {(e.validator, ptr(e.absolute_path), keyword_location(schema, e.absolute_schema_path)) for e in errors}
        want = (said["keyword"], said["pointer"], said["location"])
        if got != {want}:
            self.problem(shown, f"fails with {sorted(got)}, but its note says {want}")
        missing = tuple(sorted(e.message for e in errors))
        for k in (said["reason"], want + missing):
            if k in reasons:
                self.problem(shown, f"fails for the same reason as {reasons[k]}")
            reasons[k] = f.name

    def check_readme_and_orphans(self):
        readme = self.root / "Schemas" / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
        for (domain, name, version) in self.schemas:
            if not re.search(rf"^\| `{domain}\.{name}` \| {version} \|", text, re.M):
                self.problem("Schemas/README.md", f"the catalog table has no row for {domain}.{name} v{version}")
        known = {self.examples(k)[0] for k in self.schemas}
        for folder in sorted((self.root / "Schemas" / "examples").glob("*/*")):
            if folder not in known:
                self.problem(folder.relative_to(self.root), "examples for a schema that does not exist")

    def run(self):
        self.load()
        for key, (rel, schema) in sorted(self.schemas.items()):
            self.check_schema(key, rel, schema)
            self.check_examples(key, rel, schema)
        self.check_versions()
        self.check_readme_and_orphans()

    def print_verdicts(self):
        self.load()
        for key, (_, schema) in sorted(self.schemas.items()):
            for f in self.examples(key)[1]:
                errors = self.verdict(schema, f)[1]
                if errors is not None:
                    print(json.dumps({"file": str(f.relative_to(self.root)), "valid": not errors}, ensure_ascii=False))
        for p in self.problems:
            print(p, file=sys.stderr)
        return 1 if self.problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="repository root")
    parser.add_argument("--verdicts", action="store_true", help="print each example's verdict as a JSON line")
    args = parser.parse_args()
    catalog = Catalog(args.root.resolve(), load_jsonschema())
    if args.verdicts:
        return catalog.print_verdicts()
    catalog.run()
    for p in catalog.problems:
        print(p)
    types = {(d, n) for d, n, _ in catalog.schemas}
    print(f"check-schemas: {len(catalog.schemas)} schemas ({len(types)} types in {len({d for d, _ in types})} domains), "
          f"{catalog.counts['valid']} valid and {catalog.counts['invalid']} invalid examples; "
          f"{len(catalog.problems)} problem{'s' if len(catalog.problems) != 1 else ''}")
    return 1 if catalog.problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # --verdicts piped into head
        sys.exit(1)
