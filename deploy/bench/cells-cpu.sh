#!/usr/bin/env bash
# CPU-ms per payment as the platform grows from 2 to 4 to 8 RZones (cells), at saturation: starts ./zonepay up with
# each topology in turn (no other platform may run), runs deploy/bench/payment-load.sh (16 clients, closed loop),
# stops it, and prints a table: payments/s, CPU-ms per payment (whole machine, and net of the idle platform), the idle
# platform's CPU-ms/s. On one machine more cells do not add cores: what grows is the fixed cost of more processes.
#   deploy/bench/cells-cpu.sh [--zones "2 4 8"] [--clients 16] [--seconds 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
zones="2 4 8"
clients=16
seconds=20
while [ $# -gt 0 ]; do
	case "$1" in
		--zones) zones=$2; shift 2 ;;
		--clients) clients=$2; shift 2 ;;
		--seconds) seconds=$2; shift 2 ;;
		-h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1 (--zones \"2 4 8\", --clients N, --seconds N)" >&2; exit 2 ;;
	esac
done
if [ -f .zonepay/current ] && ./zonepay status > /dev/null 2>&1; then
	echo "a platform is running: ./zonepay down first" >&2
	exit 2
fi
topology() {
	case "$1" in
		2) echo deploy/bench/topologies/two-rzones.yml ;;
		4) echo config-service/src/main/resources/topology/local.yml ;;
		8) echo deploy/bench/topologies/eight-rzones.yml ;;
		*) echo "no topology of $1 RZones (2, 4 or 8)" >&2; exit 2 ;;
	esac
}
results=$(mktemp)
log=$(mktemp)
trap 'rm -f "$results" "$log"' EXIT
for n in $zones; do
	echo "== $n RZones"
	./zonepay up --topology "$(topology "$n")" > /dev/null
	deploy/bench/payment-load.sh --concurrency "$clients" --seconds "$seconds" --warm-up 10 --users 1000 \
		--orders 8000 | tee "$log"
	idle=$(awk '/^idle platform:/ {print $3}' "$log")
	awk -v n="$n" -v idle="$idle" '/^saturation c=/ {print n, $3, $(NF-1), $NF, idle}' "$log" >> "$results"
	./zonepay down > /dev/null
done
echo
printf '%-7s %-9s %-12s %-12s %s\n' RZones paid/s CPU-ms/pay "net of idle" "idle CPU-ms/s"
awk '{printf "%-7s %-9s %-12s %-12s %s\n", $1, $2, $3, $4, $5}' "$results"
