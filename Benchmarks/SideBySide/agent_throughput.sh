#!/usr/bin/env bash
# agent_throughput.sh — v2c GET sysDescr.0 throughput of `snmp agent` (swift-snmp) vs Net-SNMP's snmpd, on the
# same machine with the same closed-loop load generator (snmp-load.c: W requests in flight for D seconds).
# The two agents are measured in alternation, ROUNDS times each, and the ratio of the medians is printed.
#
# Usage: Benchmarks/SideBySide/agent_throughput.sh [ROUNDS=2] [SECONDS=5] [IN_FLIGHT=32]
#   BENCH_DIR  where snmp-load.c lives (default: this folder)
#   SNMP       the swift-snmp executable (default: .build/release/snmp; build it with
#              `swift build -c release --product snmp`)
# Loopback only. Both agents are stopped by PID at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${1:-2}"
DURATION="${2:-5}"
INFLIGHT="${3:-32}"
BENCH_DIR="${BENCH_DIR:-$HERE}"
SNMP="${SNMP:-$ROOT/.build/release/snmp}"
FIXTURES="$ROOT/Tests/InteropTests/Fixtures"
# v2c GetRequest sysDescr.0, community public (from the bench README).
REQUEST=302902010104067075626c6963a01c020400000001020100020100300e300c06082b060102010101000500

work="$(mktemp -d)"
agent_pid=""
snmpd_dir=""
cleanup() {
    [ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null || true
    [ -n "$snmpd_dir" ] && "$FIXTURES/snmpd-stop" --rm "$snmpd_dir" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -o "$work/snmp-load" "$BENCH_DIR/snmp-load.c"
[ -x "$SNMP" ] || { echo "build the agent first: swift build -c release --product snmp" >&2; exit 1; }

# A free port for our agent: let the kernel choose, then release it.
port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$SNMP" agent -C --listen "udp:127.0.0.1:$port" --community public --state-dir "$work/state" --log-level warning &
agent_pid=$!
read -r _ snmpd_port snmpd_dir < <("$FIXTURES/snmpd-start" --port auto)
sleep 1

measure() { # PORT -> requests per second
    "$work/snmp-load" -p "$1" -w "$INFLIGHT" -d "$DURATION" -q -x "$REQUEST" | awk '/rps/ { for (i = 1; i <= NF; i++) if ($i ~ /rps/) { v = $(i-1); if ($i ~ /^rps=/) v = substr($i, 5); print v + 0; exit } }'
}

ours=(); theirs=()
for round in $(seq "$ROUNDS"); do
    ours+=("$(measure "$port")")
    theirs+=("$(measure "$snmpd_port")")
    echo "round $round: swift-snmp ${ours[-1]} req/s, snmpd ${theirs[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m_ours="$(median "${ours[@]}")"
m_theirs="$(median "${theirs[@]}")"
echo "median: swift-snmp $m_ours req/s, snmpd $m_theirs req/s, ratio $(awk -v a="$m_ours" -v b="$m_theirs" 'BEGIN { printf "%.2f", a / b }')"
