#!/usr/bin/env bash
# What risk control adds to a payment, against a running ./zonepay up: payments at a fixed rate with risk.mode FULL
# (the payer's features read and locked, the model scored, every rule), then OFF (the decision still recorded, no
# features, no model), each after a warm-up; then the decision latency of the FULL run's decisions (features read,
# model, policy: RiskDecision.latencyMicros) from risk_decisions in every shard group's payment database.
# Needs psql (Debian/Ubuntu: apt install postgresql-client).
# Puts risk.mode back as it found it.
#   deploy/bench/risk-latency.sh [--rate 20] [--seconds 30] [--gateway http://localhost:8080] [--port 15432]
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=20
SECONDS_=30
GATEWAY=http://localhost:8080
PORT=15432
while [ $# -gt 0 ]; do
	case "$1" in
		--rate) RATE=$2; shift 2 ;;
		--seconds) SECONDS_=$2; shift 2 ;;
		--gateway) GATEWAY=$2; shift 2 ;;
		--port) PORT=$2; shift 2 ;;
		-h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
command -v psql > /dev/null || { echo "needs psql (apt install postgresql-client)" >&2; exit 2; }
token=$(curl -sf -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
	-d '{"sub": "1", "roles": ["admin"]}' | sed 's/.*"token" *: *"\([^"]*\)".*/\1/')
mode() {
	curl -sf -X PUT "$GATEWAY/admin/switches/risk.mode" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -d "{\"value\": \"$1\"}" > /dev/null
	# Within the CZone bound every zone reads it; the gateway's own copy says when its city has it.
	for _ in $(seq 1 100); do
		curl -sf "$GATEWAY/api/global/switches" -H "Authorization: Bearer $token" | grep -q "\"name\":\"risk.mode\",\"value\":\"$1\"" && return
		sleep 0.1
	done
	echo "risk.mode $1 did not reach the city's copy in 10 s" >&2
	exit 1
}
# Put back afterwards whatever mode the platform was in (FULL when never set).
before=$(curl -sf "$GATEWAY/api/global/switches" -H "Authorization: Bearer $token" \
	| grep -o '"name":"risk.mode","value":"[A-Z_]*"' | sed 's/.*"value":"\([A-Z_]*\)"/\1/' || true)
trap 'mode "${before:-FULL}"' EXIT
orders=$(( RATE * (SECONDS_ + 10) + 100 ))
run() {
	deploy/bench/payment-load.sh --concurrency "" --rates "$RATE" --seconds "$SECONDS_" --warm-up 10 --users 400 \
		--orders "$orders" | grep -E "^rate |^run " || true
}
echo "== risk.mode FULL, $RATE payments/s for $SECONDS_ s"
mode FULL
since=$(psql -h localhost -p "$PORT" -U postgres -At -d postgres -c "select now()")
run
echo "== decisions of the FULL run (features read, model, policy), every shard group"
for db in $(psql -h localhost -p "$PORT" -U postgres -At -d postgres \
	-c "select datname from pg_database where datname ~ '^sg[0-9]+_payment$' order by 1"); do
	psql -h localhost -p "$PORT" -U postgres -At -d "$db" -c "copy (select latency_micros from risk_decisions
		where mode = 'FULL' and decided_at > '$since') to stdout"
done | sort -n | awk '{v[NR] = $1} END {
	if (NR == 0) { print "no decisions"; exit }
	p99 = int(NR * 0.99) + 1; if (p99 > NR) p99 = NR
	printf "decisions %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, v[int(NR * 0.5) + 1] / 1000, v[p99] / 1000,
		v[NR] / 1000 }'
echo "== risk.mode OFF, $RATE payments/s for $SECONDS_ s"
mode OFF
run
