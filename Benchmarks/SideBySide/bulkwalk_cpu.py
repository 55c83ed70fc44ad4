#!/usr/bin/env python3
"""Client CPU of a full-tree bulk walk: `snmp bulkwalk` (swift-snmp) side by side with Net-SNMP's snmpbulkwalk.

Starts the interop snmpd fixture on a free loopback port, walks its whole tree (`.1`) with both clients in
alternation, several rounds, and reports user+sys CPU per varbind for each (median over rounds) and the ratio.
Both clients print to a pipe that is read and counted, so output formatting is part of the cost, as for a user.

    python3 Benchmarks/SideBySide/bulkwalk_cpu.py [--rounds 7] [--snmp PATH] [--version 2c|3] [--reps 25] [--root OID]

Build the Swift client first in release mode: `swift build -c release --product snmp` (or with
`--scratch-path .build-release`, which this script also looks in). Per walk it reports CPU per varbind and the
whole walk's CPU; walking a tiny subtree (`--root .1.3.6.1.2.1.1.1`) shows the fixed start-up cost.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "InteropTests", "Fixtures")

V3_ARGS = ["-v3", "-l", "authPriv", "-u", "usr-sha256-aes128", "-a", "SHA-256", "-A", "authkey1234",
           "-x", "AES", "-X", "privkey1234"]


def child_cpu(cmd, env):
    """Runs cmd, returns (user+sys seconds of the child, number of output lines, exit status)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, proc.stdout.count(b"\n"), proc.returncode, proc.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    candidates = [os.path.join(ROOT, d, "release", "snmp") for d in (".build", ".build-release")]
    parser.add_argument("--snmp", default=next((c for c in candidates if os.path.exists(c)), candidates[0]))
    parser.add_argument("--version", default="2c", choices=["2c", "3"])
    parser.add_argument("--reps", type=int, default=25)
    parser.add_argument("--root", default=".1", help="subtree to walk (default: the whole tree)")
    args = parser.parse_args()

    start = subprocess.run([os.path.join(FIXTURES, "snmpd-start"), "--port", "auto"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    pid, port, directory = start.stdout.decode().split()
    env = dict(os.environ, SNMPCONFPATH=directory, SNMP_PERSISTENT_DIR=directory + "/client-persist", MIBS="")
    try:
        agent = f"udp:127.0.0.1:{port}"
        common = (["-v2c", "-c", "public"] if args.version == "2c" else V3_ARGS) + [f"-Cr{args.reps}", "-On", agent, args.root]
        clients = {
            "net-snmp snmpbulkwalk": ["/usr/bin/snmpbulkwalk"] + common,
            "swift-snmp snmp bulkwalk": [args.snmp, "bulkwalk"] + common,
        }
        per_varbind = {name: [] for name in clients}
        per_walk = {name: [] for name in clients}
        counts = {}
        names = list(clients)
        for round_number in range(args.rounds):
            # Alternate which client goes first, so neither always walks a warmer agent.
            for name in (names if round_number % 2 == 0 else names[::-1]):
                cpu, lines, status, err = child_cpu(clients[name], env)
                if status != 0:
                    sys.exit(f"{name} failed ({status}): {err.decode(errors='replace')[:400]}")
                per_varbind[name].append(cpu / max(lines, 1) * 1e6)
                per_walk[name].append(cpu * 1e3)
                counts[name] = lines
        print(f"bulk walk of {args.root}, v{args.version}, -Cr{args.reps}, {args.rounds} rounds, loopback snmpd")
        medians = {}
        for name, samples in per_varbind.items():
            medians[name] = statistics.median(samples)
            print(f"  {name:28s} {counts[name]:6d} varbinds  {medians[name]:7.2f} us CPU/varbind"
                  f"  {statistics.median(per_walk[name]):8.1f} ms CPU/walk (medians)")
        ours = medians["swift-snmp snmp bulkwalk"]
        theirs = medians["net-snmp snmpbulkwalk"]
        print(f"  ratio swift-snmp / net-snmp: {ours / theirs:.2f}")
    finally:
        subprocess.run([os.path.join(FIXTURES, "snmpd-stop"), "--rm", directory],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
