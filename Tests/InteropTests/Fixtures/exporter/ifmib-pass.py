#!/usr/bin/env python3
"""snmpd pass_persist handler serving a fixed, synthetic IF-MIB (ifTable, ifXTable) and a table of the
value types snmp_exporter converts, so two exporters scraping the same agent see identical values.

Usage (snmpd.conf):  pass_persist .1.3.6.1.2.1.2 /path/ifmib-pass.py N .1.3.6.1.2.1.2
                     pass_persist .1.3.6.1.2.1.31 /path/ifmib-pass.py N .1.3.6.1.2.1.31
                     pass_persist .1.3.6.1.4.1.8072.9999.2 /path/ifmib-pass.py N .1.3.6.1.4.1.8072.9999.2
N is the number of interfaces (rows); the last argument is the subtree this process answers for. Speaks Net-SNMP's pass_persist protocol on stdin/stdout.
"""
import bisect
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
rows = {}


def put(oid, typ, value):
    rows[tuple(int(x) for x in oid.split("."))] = (typ, value)


put("1.3.6.1.2.1.2.1.0", "integer", n)
for i in range(1, n + 1):
    t = "1.3.6.1.2.1.2.2.1"
    name = "lo" if i == 1 else "eth%d" % (i - 2)
    put(f"{t}.1.{i}", "integer", i)
    put(f"{t}.2.{i}", "string", name if i != 2 else "Intel Corporation 82540EM")
    put(f"{t}.3.{i}", "integer", 24 if i == 1 else 6)
    put(f"{t}.4.{i}", "integer", 65536 if i == 1 else 1500)
    put(f"{t}.5.{i}", "gauge", 10000000 if i == 1 else 1000000000)
    put(f"{t}.6.{i}", "octet", "" if i == 1 else "02 00 00 00 %02X %02X" % (i >> 8, i & 0xFF))
    put(f"{t}.7.{i}", "integer", 1)
    put(f"{t}.8.{i}", "integer", 2 if i % 3 == 0 else 1)
    put(f"{t}.9.{i}", "timeticks", 100 * i)
    for c in range(10, 21):
        if c == 12 or c == 18:
            continue
        put(f"{t}.{c}.{i}", "gauge" if c == 21 else "counter", (1000 * i + c * 7) % 4294967296)
    x = "1.3.6.1.2.1.31.1.1.1"
    put(f"{x}.1.{i}", "string", name)
    for c in range(2, 6):
        put(f"{x}.{c}.{i}", "counter", 10 * i + c)
    for c in range(6, 14):
        # one row above 2**53 so float rounding and --snmp.wrap-large-counters show
        base = 9007199254740993 if i == 3 else 123456789012 * i
        put(f"{x}.{c}.{i}", "counter64", base + c)
    put(f"{x}.14.{i}", "integer", 1)
    put(f"{x}.15.{i}", "gauge", 10 if i == 1 else 1000)
    put(f"{x}.16.{i}", "integer", 2)
    put(f"{x}.17.{i}", "integer", 2 if i == 1 else 1)
    put(f"{x}.18.{i}", "string", "" if i == 1 else "uplink \"%d\" \\ port" % i)
    put(f"{x}.19.{i}", "timeticks", 0)
    e = "1.3.6.1.4.1.8072.9999.2.1.1"
    put(f"{e}.1.{i}", "ipaddress", "10.0.0.%d" % (i % 256))
    put(f"{e}.2.{i}", "octet", "07 E8 05 1F 0C 22 38 03 2B 02 00" if i % 2 else "07 E8 01 02 03 04 05 00")
    put(f"{e}.3.{i}", "octet", "A0 01" if i % 2 else "40")
    put(f"{e}.4.{i}", "integer", 1 if i % 2 else 2)
    put(f"{e}.5.{i}", "octet", "C0 A8 01 %02X" % (i % 256) if i % 2
        else "20 01 0D B8 00 00 00 00 00 00 00 00 00 00 00 %02X" % (i % 256))
    put(f"{e}.6.{i}", "string", "version 1.%d.3 build %d" % (i, 7 * i) if i % 2 else "unknown")
    put(f"{e}.7.{i}", "integer", 1 + i % 3)
    put(f"{e}.8.{i}", "objectid", ".1.3.6.1.4.1.8072.3.2.%d" % i)
    put(f"{e}.9.{i}", "gauge", 25 * i)
    put(f"{e}.10.{i}", "integer", -5 * i)
    # indexed by a DisplayString (length-prefixed) and by an IPv4 address
    s = "port-%d" % i
    put("1.3.6.1.4.1.8072.9999.2.2.1.2.%d.%s" % (len(s), ".".join(str(ord(ch)) for ch in s)), "gauge", i)
    put("1.3.6.1.4.1.8072.9999.2.3.1.2.1.4.192.168.1.%d" % (i % 256), "integer", i)

prefix = tuple(int(x) for x in sys.argv[2].strip(".").split(".")) if len(sys.argv) > 2 else ()
keys = [k for k in sorted(rows) if k[:len(prefix)] == prefix]


def answer(key):
    typ, value = rows[key]
    sys.stdout.write(".%s\n%s\n%s\n" % (".".join(map(str, key)), typ, value))


def parse(text):
    try:
        return tuple(int(x) for x in text.strip().strip(".").split(".") if x != "")
    except ValueError:
        return None


while True:
    line = sys.stdin.readline()
    if not line:
        break
    cmd = line.strip()
    if cmd == "PING":
        sys.stdout.write("PONG\n")
    elif cmd in ("get", "getnext"):
        key = parse(sys.stdin.readline())
        if key is None:
            sys.stdout.write("NONE\n")
        elif cmd == "get":
            answer(key) if key in rows and key[:len(prefix)] == prefix else sys.stdout.write("NONE\n")
        else:
            i = bisect.bisect_right(keys, key)
            answer(keys[i]) if i < len(keys) else sys.stdout.write("NONE\n")
    elif cmd == "set":
        sys.stdin.readline()
        sys.stdin.readline()
        sys.stdout.write("not-writable\n")
    else:
        sys.stdout.write("NONE\n")
    sys.stdout.flush()
