"""Where the bytes of PackedReadings (version 1) go, per reading, and what a version 2 would leave.

Reads hex-encoded READINGS values, one a line, for instance:
  psql -Atc "COPY (SELECT encode(readings, 'hex') FROM interval_block WHERE reading_count = 96) TO STDOUT" \
      | python3 bench/packed_readings_breakdown.py
The layout is PackedReadings' (src/main/java/.../usage/entity/PackedReadings.java); docs/scaling.md has the result.
"""
import sys
import zlib

PREFIX, INTERVAL, INTERVAL_EXT = 1, 2, 4
PERIOD, VALUE, COST, QUALITIES, TIER, TOU, CPP, READING_EXT, PERIOD_EXT = 1, 2, 4, 8, 16, 32, 64, 128, 256


def varint(b, i):
    value = shift = 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if not x & 0x80:
            return value, i


def zigzag(b, i):
    v, i = varint(b, i)
    return (v >> 1) ^ -(v & 1), i


def string(b, i):
    n, i = varint(b, i)
    return i + n


def encoded(v):
    out, v = bytearray(), (v << 1) ^ (v >> 63)
    while v & ~0x7F:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return out


parts = dict.fromkeys(["flags", "cost", "qualities", "period", "value", "other"], 0)
readings = packed = deflated = v2 = v2_deltas = 0
for line in sys.stdin:
    b = bytes.fromhex(line.strip())
    i = 1
    header, i = varint(b, i)
    if header & PREFIX:
        i = string(b, i)
    if header & INTERVAL:
        _, i = zigzag(b, i)
        _, i = varint(b, i)
    if header & INTERVAL_EXT:
        i = string(b, i)
    count, i = varint(b, i)
    head = i
    kept = deltas = 0
    last_flags = previous_cost = previous_value = None
    for _ in range(count):
        start = i
        flags, i = varint(b, i)
        parts["flags"] += i - start
        if flags != last_flags:
            kept += i - start
            deltas += i - start
        last_flags = flags
        if flags & READING_EXT:
            i = string(b, i)
        if flags & COST:
            start = i
            cost, i = zigzag(b, i)
            parts["cost"] += i - start
            kept += i - start
            deltas += len(encoded(cost - (previous_cost or 0)))
            previous_cost = cost
        if flags & QUALITIES:
            start = i
            n, i = varint(b, i)
            for _ in range(n):
                code, i = varint(b, i)
                if code & 1:
                    i = string(b, i)
            parts["qualities"] += i - start
            kept += i - start
            deltas += i - start
        if flags & PERIOD:
            start = i
            delta, i = zigzag(b, i)
            _, i = varint(b, i)
            parts["period"] += i - start
            if delta != 0:  # a period that does not follow the previous one is still written
                kept += i - start
                deltas += i - start
            if flags & PERIOD_EXT:
                i = string(b, i)
        if flags & VALUE:
            start = i
            value, i = zigzag(b, i)
            parts["value"] += i - start
            kept += i - start
            deltas += len(encoded(value - (previous_value or 0)))
            previous_value = value
        for bit in (TIER, TOU, CPP):
            if flags & bit:
                start = i
                _, i = zigzag(b, i)
                parts["other"] += i - start
                kept += i - start
                deltas += i - start
    readings += count
    packed += len(b)
    deflated += len(zlib.compress(b, 6))
    v2 += head + kept
    v2_deltas += head + deltas

print(f"{readings:,} readings: {packed / readings:.2f} bytes a reading packed")
for name, size in parts.items():
    print(f"  {name}: {size / readings:.2f}")
print(f"zlib of the packed bytes: {deflated / readings:.2f}")
print(f"version 2 (no following period, no repeated flags): {v2 / readings:.2f}")
print(f"  and cost and value as differences: {v2_deltas / readings:.2f}")
