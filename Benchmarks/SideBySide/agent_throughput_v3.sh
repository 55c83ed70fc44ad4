#!/usr/bin/env bash
# agent_throughput_v3.sh — SNMPv3 authPriv (HMAC-SHA-256 + AES-128) GET throughput of `snmp agent` (swift-snmp)
# vs Net-SNMP's snmpd, with the same closed-loop client (Benchmarks' `snmp-load`, IN_FLIGHT requests
# outstanding for SECONDS), in alternation, ROUNDS times each; prints the ratio of the medians. Also the v2c
# figure with the same client, for comparison with agent_throughput.sh.
#
# Usage: Benchmarks/SideBySide/agent_throughput_v3.sh [ROUNDS=2] [SECONDS=5] [IN_FLIGHT=32]
# Build first:  swift build -c release --product snmp
#               (cd Benchmarks && swift build -c release --product snmp-load)
# Loopback only; both agents are stopped by PID at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${1:-2}"
DURATION="${2:-5}"
INFLIGHT="${3:-32}"
SNMP="${SNMP:-$ROOT/.build/release/snmp}"
LOAD="${LOAD:-$ROOT/Benchmarks/.build/release/snmp-load}"
FIXTURES="$ROOT/Tests/InteropTests/Fixtures"
USER_ARGS=(usr-sha256-aes128 authkey1234 privkey1234)

work="$(mktemp -d)"
agent_pid=""
snmpd_dir=""
cleanup() {
    [ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null || true
    [ -n "$snmpd_dir" ] && "$FIXTURES/snmpd-stop" --rm "$snmpd_dir" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
[ -x "$SNMP" ] && [ -x "$LOAD" ] || { echo "build first (see the header of this script)" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$SNMP" agent -C --listen "udp:127.0.0.1:$port" --community public --state-dir "$work/state" --log-level warning \
    --user "usr-sha256-aes128:SHA-256:authkey1234:AES:privkey1234" &
agent_pid=$!
read -r _ snmpd_port snmpd_dir < <("$FIXTURES/snmpd-start" --port auto)
sleep 1

measure() { # PORT MODE... -> requests per second
    local p="$1"; shift
    "$LOAD" "udp:127.0.0.1:$p" "$DURATION" "$INFLIGHT" "$@" | awk '{ for (i = 1; i <= NF; i++) if ($i == "rps") print $(i+1) }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for mode in v3 v2c; do
    if [ "$mode" = v3 ]; then args=(v3 "${USER_ARGS[@]}"); else args=(v2c public); fi
    ours=(); theirs=()
    for round in $(seq "$ROUNDS"); do
        ours+=("$(measure "$port" "${args[@]}")")
        theirs+=("$(measure "$snmpd_port" "${args[@]}")")
        echo "$mode round $round: swift-snmp ${ours[-1]} req/s, snmpd ${theirs[-1]} req/s"
    done
    a="$(median "${ours[@]}")"; b="$(median "${theirs[@]}")"
    echo "$mode median: swift-snmp $a req/s, snmpd $b req/s, ratio $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
