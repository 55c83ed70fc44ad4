#!/usr/bin/env python3
"""MIB loading: `snmp translate -M DIR -m ALL -On SNMPv2-MIB::sysDescr.0` (swift-snmp) side by side with
Net-SNMP's `snmptranslate` on the same MIB directory — wall time and peak RSS from `/usr/bin/time -v`.

Three cases, each run several rounds (median reported):
  swift cold    a fresh, empty cache directory every run (XDG_CACHE_HOME), so the module index is rebuilt;
  swift cached  the cache directory kept from a previous run;
  snmptranslate Net-SNMP 5.9.3 (it has no cache: it parses every module each time).

    python3 Benchmarks/SideBySide/mib_translate.py [--rounds 7] [--mibs DIR] [--snmp PATH]

Default MIB directory: the bundled modules, <repo>/Sources/MIB/Resources/mibs. Build first: `swift build -c release --product snmp`.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
QUERY = ["-On", "SNMPv2-MIB::sysDescr.0"]


def measure(cmd, env):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS KiB, stdout).

    Wall time is taken here with a monotonic clock (time(1) rounds to 10 ms); the fork of time(1) is
    in both sides' numbers alike."""
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-500:]}")
    elapsed = time.perf_counter() - started
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return elapsed, int(rss.group(1)), proc.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--mibs", default=os.path.join(ROOT, "Sources", "MIB", "Resources", "mibs"))
    parser.add_argument("--snmp", default=os.path.join(ROOT, ".build", "release", "snmp"))
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.mibs, "SNMPv2-SMI")):
        sys.exit(f"MIB directory not found: {args.mibs}")
    if not os.access(args.snmp, os.X_OK):
        sys.exit(f"{args.snmp} not found: run `swift build -c release --product snmp`")
    snmptranslate = shutil.which("snmptranslate")
    if snmptranslate is None:
        sys.exit("snmptranslate not installed")

    env = dict(os.environ, SNMPCONFPATH="/nonexistent", MIBS="")
    env.pop("MIBDIRS", None)
    common = ["-M", args.mibs, "-m", "ALL"] + QUERY
    results = {"swift cold": [], "swift cached": [], "snmptranslate": []}
    with tempfile.TemporaryDirectory() as kept:
        cached_env = dict(env, XDG_CACHE_HOME=kept)
        measure([args.snmp, "translate"] + common, cached_env)  # fill the cache
        for _ in range(args.rounds):
            with tempfile.TemporaryDirectory() as fresh:
                results["swift cold"].append(measure([args.snmp, "translate"] + common, dict(env, XDG_CACHE_HOME=fresh)))
            results["swift cached"].append(measure([args.snmp, "translate"] + common, cached_env))
            results["snmptranslate"].append(measure([snmptranslate] + common, env))

    outputs = {name: {run[2] for run in runs} for name, runs in results.items()}
    if len(set().union(*outputs.values())) != 1:
        sys.exit(f"outputs differ: {outputs}")
    print(f"query: translate -M {args.mibs} -m ALL {' '.join(QUERY)} -> {outputs['snmptranslate'].pop()}")
    print(f"{'case':<14} {'wall ms (median)':>17} {'peak RSS MiB':>13}")
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(run[0] for run in runs) * 1000
        rss = statistics.median(run[1] for run in runs) / 1024
        medians[name] = (wall, rss)
        print(f"{name:<14} {wall:>17.1f} {rss:>13.1f}")
    base_wall, base_rss = medians["snmptranslate"]
    for name in ("swift cold", "swift cached"):
        wall, rss = medians[name]
        print(f"ratio {name} / snmptranslate: time {wall / base_wall:.2f}x, memory {rss / base_rss:.2f}x")


if __name__ == "__main__":
    main()
