#!/usr/bin/env bash
# What risk control adds to a payment, against a running ./zonepay up: payments at a fixed rate with risk.mode FULL
# (the payer's features read and locked, the model scored, every rule), then OFF (the decision still recorded, no
# features, no model), each after a warm-up, alternated for --rounds rounds; each run's latency and the platform's
# own CPU-ms per payment (its processes and PostgreSQL, not the rest of the machine); then the decision latency of the
# FULL runs' decisions (features read, model, policy: RiskDecision.latencyMicros) from risk_decisions in every shard
# group's payment database; last, what FULL adds in CPU-ms per payment, mean against mean.
# Needs psql (Debian/Ubuntu: apt install postgresql-client).
# Puts risk.mode back as it found it.
#   deploy/bench/risk-latency.sh [--rate 20] [--seconds 30] [--rounds 2] [--gateway http://localhost:8080]
#       [--port 15432]
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=20
SECONDS_=30
GATEWAY=http://localhost:8080
PORT=15432
ROUNDS=2
while [ $# -gt 0 ]; do
	case "$1" in
		--rate) RATE=$2; shift 2 ;;
		--seconds) SECONDS_=$2; shift 2 ;;
		--gateway) GATEWAY=$2; shift 2 ;;
		--port) PORT=$2; shift 2 ;;
		--rounds) ROUNDS=$2; shift 2 ;;
		-h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
command -v psql > /dev/null || { echo "needs psql (apt install postgresql-client)" >&2; exit 2; }
. deploy/bench/risk-mode.sh
orders=$(( RATE * (SECONDS_ + 10) + 100 ))
run() {
	deploy/bench/payment-load.sh --concurrency "" --rates "$RATE" --seconds "$SECONDS_" --warm-up 10 --users 400 \
		--orders "$orders" | grep -E "^rate |^run |CPU-ms per payment" || true
}
# The platform's own CPU per payment (every process of ./zonepay up and PostgreSQL; not the client, not the rest of
# the machine), from a run's breakdown line.
platform_cpu() { sed -n 's/^ *CPU-ms per payment: {\(.*\)}$/\1/p' | tr ',' '\n' | grep -v 'bench client' \
	| awk -F= '{ sum += $2 } END { printf "%.1f", sum }'; }
since=$(psql -h localhost -p "$PORT" -U postgres -At -d postgres -c "select now()")
full=() off=()
# Alternated, so that what the machine does meanwhile (it drifts over minutes) falls on both alike.
for round in $(seq 1 "$ROUNDS"); do
	for each in FULL OFF; do
		echo "== round $round: risk.mode $each, $RATE payments/s for $SECONDS_ s"
		mode "$each"
		out=$(run)
		echo "$out"
		cpu=$(platform_cpu <<< "$out")
		echo "platform CPU-ms per payment: $cpu"
		if [ "$each" = FULL ]; then full+=("$cpu"); else off+=("$cpu"); fi
	done
done
echo "== decisions of the FULL runs (features read, model, policy), every shard group"
for db in $(psql -h localhost -p "$PORT" -U postgres -At -d postgres \
	-c "select datname from pg_database where datname ~ '^sg[0-9]+_payment$' order by 1"); do
	psql -h localhost -p "$PORT" -U postgres -At -d "$db" -c "copy (select latency_micros from risk_decisions
		where mode = 'FULL' and decided_at > '$since') to stdout"
done | sort -n | awk '{v[NR] = $1} END {
	if (NR == 0) { print "no decisions"; exit }
	p99 = int(NR * 0.99) + 1; if (p99 > NR) p99 = NR
	printf "decisions %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, v[int(NR * 0.5) + 1] / 1000, v[p99] / 1000,
		v[NR] / 1000 }'
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.1f", s / NR }'; }
echo "platform CPU-ms per payment: FULL ${full[*]} (mean $(mean "${full[@]}")), OFF ${off[*]} (mean $(mean "${off[@]}"))"
echo "risk control FULL adds $(awk -v f="$(mean "${full[@]}")" -v o="$(mean "${off[@]}")" \
	'BEGIN { printf "%.1f CPU-ms per payment (%.0f %%)", f - o, (f - o) * 100 / o }')"
