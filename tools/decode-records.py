#!/usr/bin/env python3
"""Independent decoder for CivicLedger event records (format version 1).

Written from Schemas/record-format.md alone, without reading the Swift sources,
to show that the document is enough to decode and rehash a ledger.

Usage:
    decode-records.py DATA_DIR                  one JSON line per event, like `civic-ledger read --all`
    decode-records.py --leaf-hashes DATA_DIR    position<TAB>hex(SHA-256(0x00 || record))
    decode-records.py --root DATA_DIR           RFC 9162 Merkle tree head over all records (hex)

Opens DATA_DIR/log read-only without taking the LMDB lock (a writer may be running),
walks the named database `events` in key order and decodes every record strictly.
On a malformed record it names the position and the fault on stderr and exits 2.
A gap in positions is an error for --root and a stderr warning otherwise (so a lone
record, like the document's worked example at position 5, can still be decoded).
Needs the PyPI package `lmdb`.
"""
import argparse
import datetime
import hashlib
import json
import re
import struct
import sys
import uuid

import lmdb

FORMAT_VERSION = 1
STREAM_RE = re.compile(rb"[A-Za-z0-9_.:\-]{1,200}")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Malformed(Exception):
    pass


class Reader:
    """Bounds-checked big-endian cursor over one record."""

    def __init__(self, buf):
        self.buf, self.at = buf, 0

    def take(self, n, what):
        if self.at + n > len(self.buf):
            raise Malformed(f"{what} ({n} bytes at offset {self.at}) runs past the end of the "
                            f"{len(self.buf)}-byte record")
        chunk = self.buf[self.at:self.at + n]
        self.at += n
        return chunk

    def uint(self, size, what):
        return int.from_bytes(self.take(size, what), "big")


def json_object(raw, what):
    """Check raw is a UTF-8 JSON object; return raw unchanged (never re-serialized)."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise Malformed(f"{what} is not UTF-8 JSON: {e}") from None
    if not isinstance(value, dict):
        raise Malformed(f"{what} is JSON but not an object")
    return raw


def rfc3339_micros(us):
    try:
        t = EPOCH + datetime.timedelta(microseconds=us)
    except OverflowError:
        raise Malformed(f"recordedAt {us} µs is outside the representable date range") from None
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"


def decode(record):
    """Decode one record per the layout table; return a dict of its fields."""
    r = Reader(record)
    fmt = r.uint(1, "format")
    if fmt != FORMAT_VERSION:
        raise Malformed(f"unknown record format {fmt} (this decoder knows {FORMAT_VERSION})")
    position = r.uint(8, "position")
    version = r.uint(8, "version")
    recorded_at = struct.unpack(">q", r.take(8, "recordedAt"))[0]
    event_id = str(uuid.UUID(bytes=bytes(r.take(16, "id"))))
    stream = r.take(r.uint(2, "streamLength"), "stream")
    if not STREAM_RE.fullmatch(stream):
        raise Malformed(f"stream name {stream!r} is not 1-200 characters of A-Z a-z 0-9 _ . : -")
    type_raw = r.take(r.uint(2, "typeLength"), "type")
    try:
        event_type = type_raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed(f"type {type_raw!r} is not UTF-8") from None
    metadata = json_object(r.take(r.uint(4, "metadataLength"), "metadata"), "metadata")
    payload = json_object(r.take(r.uint(4, "payloadLength"), "payload"), "payload")
    if r.at != len(record):
        raise Malformed(f"{len(record) - r.at} trailing byte(s) after the payload")
    return dict(position=position, stream=stream.decode("ascii"), version=version, id=event_id,
                type=event_type, recordedAt=rfc3339_micros(recorded_at),
                data=payload, metadata=metadata)


def to_json_line(ev):
    """Compact NDJSON line; data and metadata are spliced in as the stored bytes."""
    def s(v):
        return json.dumps(v, ensure_ascii=False).encode("utf-8")
    return b"".join([
        b'{"position":', str(ev["position"]).encode(),
        b',"stream":', s(ev["stream"]),
        b',"version":', str(ev["version"]).encode(),
        b',"id":', s(ev["id"]),
        b',"type":', s(ev["type"]),
        b',"recordedAt":', s(ev["recordedAt"]),
        b',"data":', ev["data"],
        b',"metadata":', ev["metadata"],
        b"}\n",
    ])


def leaf_hash(record):
    return hashlib.sha256(b"\x00" + record).digest()


def merkle_root(leaves):
    """RFC 9162 §2.1.1 MTH over a list of leaf hashes."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:  # largest power of two strictly smaller than n
        k *= 2
    return hashlib.sha256(b"\x01" + merkle_root(leaves[:k]) + merkle_root(leaves[k:])).digest()


def records(data_dir):
    """Yield (key position, record bytes) from DATA_DIR/log's `events` db in key order."""
    env = lmdb.open(f"{data_dir}/log", readonly=True, lock=False, max_dbs=16, subdir=True)
    try:
        db = env.open_db(b"events", create=False)
        with env.begin(db=db, buffers=False) as txn:
            for key, value in txn.cursor():
                if len(key) != 8:
                    raise Malformed(f"key {key.hex()} is not 8 bytes", key.hex())
                yield int.from_bytes(key, "big"), value
    finally:
        env.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--leaf-hashes", action="store_true")
    mode.add_argument("--root", action="store_true")
    args = ap.parse_args()

    out = sys.stdout.buffer
    leaves = []
    position, expected = None, 0
    try:
        for position, record in records(args.data_dir):
            if position != expected:  # the log is gap-free from 0
                msg = f"key position {position} where {expected} was expected (a gap)"
                if args.root:  # the tree over positions 0..size-1 is undefined with a gap
                    raise Malformed(msg)
                sys.stderr.write(f"decode-records: warning: {msg}\n")
            expected = position + 1
            ev = decode(record)
            if ev["position"] != position:
                raise Malformed(f"record says position {ev['position']} but is stored under key "
                                f"{position}")
            if args.leaf_hashes:
                out.write(f"{position}\t{leaf_hash(record).hex()}\n".encode())
            elif args.root:
                leaves.append(leaf_hash(record))
            else:
                out.write(to_json_line(ev))
    except Malformed as e:
        where = e.args[1] if len(e.args) > 1 else position
        sys.stderr.write(f"decode-records: malformed record at position {where}: {e.args[0]}\n")
        return 2
    except lmdb.Error as e:
        sys.stderr.write(f"decode-records: cannot read {args.data_dir}/log: {e}\n")
        return 1
    if args.root:
        out.write(merkle_root(leaves).hex().encode() + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
