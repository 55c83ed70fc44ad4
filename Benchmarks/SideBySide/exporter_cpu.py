#!/usr/bin/env python3
"""CPU per scrape of `if_mib` on a 100-interface agent: `snmp exporter` (swift-snmp) side by side with Debian's
prometheus-snmp-exporter, same agent, same snmp.yml, same run.

Starts the fixed-value snmpd of the exporter interop tests (Tests/InteropTests/Fixtures/exporter) with --rows
interfaces, both exporters on free loopback ports, then in alternating rounds scrapes each one --scrapes times
(one at a time, as Prometheus does per target) and reads the exporter process's user+sys CPU from
/proc/PID/stat around the round. Reports the median CPU per scrape of each and the ratio ours/theirs.

    python3 Benchmarks/SideBySide/exporter_cpu.py [--rounds 5] [--scrapes 20] [--rows 100] [--snmp PATH]
        [--concurrent 0]

--concurrent N also scrapes N targets at once (the same agent under N target names) and reports scrapes/s.
Build ours first: `swift build -c release --product snmp --scratch-path .build-release`.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "InteropTests", "Fixtures")
CONFIG = os.path.join(FIXTURES, "exporter", "snmp.yml")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14, 15)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:  # a scrape that failed (e.g. the agent timed out under load)
        return error.code, error.read()


def wait(port):
    for _ in range(100):
        try:
            get(port, "/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"exporter on {port} did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scrapes", type=int, default=20)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--concurrent", type=int, default=0)
    candidates = [os.path.join(ROOT, d, "release", "snmp") for d in (".build-release", ".build")]
    parser.add_argument("--snmp", default=next((c for c in candidates if os.path.exists(c)), candidates[0]))
    args = parser.parse_args()

    start = subprocess.run([os.path.join(FIXTURES, "exporter", "exporter-snmpd-start"), str(args.rows)],
                           stdout=subprocess.PIPE, check=True)
    _, agent_port, directory = start.stdout.decode().split()
    ports = {"snmp_exporter (Go)": free_port(), "snmp exporter (swift-snmp)": free_port()}
    commands = {
        "snmp_exporter (Go)": ["/usr/bin/prometheus-snmp-exporter", f"--config.file={CONFIG}",
                               f"--web.listen-address=127.0.0.1:{ports['snmp_exporter (Go)']}"],
        "snmp exporter (swift-snmp)": [args.snmp, "exporter", f"--config.file={CONFIG}",
                                       f"--web.listen-address=127.0.0.1:{ports['snmp exporter (swift-snmp)']}"],
    }
    processes = {}
    try:
        for name, command in commands.items():
            processes[name] = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait(ports[name])
        path = f"/snmp?target=127.0.0.1:{agent_port}&module=if_mib"
        samples = {}
        for name, port in ports.items():  # warm-up (v3 discovery, caches)
            status, body = get(port, path)
            samples[name] = sum(1 for line in body.splitlines() if line and not line.startswith(b"#"))
            assert status == 200, (name, status)
        per_scrape = {name: [] for name in ports}
        for _ in range(args.rounds):
            for name, port in ports.items():
                pid = processes[name].pid
                before = cpu_seconds(pid)
                for _ in range(args.scrapes):
                    get(port, path)
                per_scrape[name].append((cpu_seconds(pid) - before) / args.scrapes)
        print(f"if_mib scrape, {args.rows} interfaces, {samples} samples; {args.rounds} rounds x {args.scrapes} scrapes")
        medians = {}
        for name, values in per_scrape.items():
            medians[name] = statistics.median(values)
            print(f"  {name:28s} {medians[name] * 1000:8.2f} ms CPU per scrape  (rounds: "
                  + ", ".join(f"{v * 1000:.1f}" for v in values) + ")")
        ours, theirs = medians["snmp exporter (swift-snmp)"], medians["snmp_exporter (Go)"]
        print(f"  ratio ours/theirs: {ours / theirs:.2f}x")
        if args.concurrent:
            for name, port in ports.items():
                pid = processes[name].pid
                before, t0 = cpu_seconds(pid), time.monotonic()
                targets = [f"/snmp?target=127.0.0.1:{agent_port}&module=if_mib&n={i}" for i in range(args.concurrent)]
                with ThreadPoolExecutor(max_workers=min(args.concurrent, 256)) as pool:
                    statuses = list(pool.map(lambda p: get(port, p)[0], targets))
                elapsed = time.monotonic() - t0
                print(f"  {name:28s} {args.concurrent} concurrent scrapes: {args.concurrent / elapsed:7.1f} scrapes/s, "
                      f"{(cpu_seconds(pid) - before) / args.concurrent * 1000:.2f} ms CPU each, "
                      f"{statuses.count(200)} ok")
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=10)
        subprocess.run([os.path.join(FIXTURES, "snmpd-stop"), "--rm", directory], stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
