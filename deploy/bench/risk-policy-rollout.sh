#!/usr/bin/env bash
# How fast a risk policy set at the GZone is run by every RZone, in both cities, against a running ./zonepay up:
#   1. enforces a copy of the shipped policy under a new version, and times, for each RZone, how long after the GZone
#      answered its payment service runs it (its /actuator/globaldata, polled every 20 ms);
#   2. puts a stricter candidate in shadow (payments of 30.00 or more blocked), times the same, makes a few such
#      payments (allowed; their decisions carry the shadow's verdict), backtests the candidate over every RZone's
#      stored decisions, and puts the shipped policy back.
#   ./zonepay up && deploy/bench/risk-policy-rollout.sh [--gateway http://localhost:8080]
#       [--topology config-service/src/main/resources/topology/local.yml]
set -euo pipefail
cd "$(dirname "$0")/../.."
GATEWAY=http://localhost:8080
TOPOLOGY=config-service/src/main/resources/topology/local.yml
while [ $# -gt 0 ]; do
	case "$1" in
		--gateway) GATEWAY=$2; shift 2 ;;
		--topology) TOPOLOGY=$2; shift 2 ;;
		-h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
token=$(curl -sf -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
	-d '{"sub": "1", "roles": ["admin"]}' | sed 's/.*"token" *: *"\([^"]*\)".*/\1/')
# Each RZone's payment service, at its management port (service port + 100).
mapfile -t zones < <(awk '/- id: rz/ {zone = $3} /payment: http/ && zone != "" {print zone, $2; zone = ""}' "$TOPOLOGY")
management() { echo "$1" | sed -E 's#:([0-9]+)$##'; }
port() { echo "$1" | sed -E 's#.*:([0-9]+)$#\1#'; }
now_ms() { date +%s%3N; }
admin() {
	curl -s -X "$1" "$GATEWAY$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		${3:+-d "$3"}
}
# Times every RZone until its payment service reports $2 for field $1 (riskPolicy or riskPolicyInShadow).
await_zones() {
	local field=$1 want=$2 since=$3
	for entry in "${zones[@]}"; do
		local zone=${entry%% *} url=${entry#* }
		local status="http://$(echo "$url" | sed -E 's#https?://##; s#:[0-9]+$##'):$(( $(port "$url") + 100 ))"
		local seen=""
		for _ in $(seq 1 500); do
			if curl -sf "$status/actuator/globaldata" | grep -q "\"$field\":\"$want\""; then
				seen=$(now_ms)
				break
			fi
			sleep 0.02
		done
		if [ -z "$seen" ]; then
			echo "  $zone: does not run $want after 10 s" >&2
			exit 1
		fi
		printf '  %-4s runs %s %5d ms after the GZone answered\n' "$zone" "$want" $(( seen - since ))
	done
}
shipped=$(cat payment-service/src/main/resources/risk/policy-default.json)
shipped_version=$(echo "$shipped" | grep -o '"version": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')
trap 'admin DELETE /admin/risk/policies/shadow > /dev/null; admin PUT /admin/risk/policies/enforced "$shipped" > /dev/null' EXIT
run=$(date +%H%M%S)

version="rollout-$run"
echo "== enforce $version (the shipped rules under a new version)"
admin PUT /admin/risk/policies/enforced "${shipped/\"$shipped_version\"/\"$version\"}" > /dev/null
since=$(now_ms)
await_zones riskPolicy "$version" "$since"

candidate="shadow-$run"
echo "== run $candidate in shadow (payments of 30.00 or more blocked)"
admin PUT /admin/risk/policies/shadow "{\"version\": \"$candidate\", \"rules\": [{\"name\": \"from-3000\",
	\"action\": \"BLOCK\", \"when\": [{\"feature\": \"transfer\", \"op\": \"EQ\", \"value\": 0},
	{\"feature\": \"amount\", \"op\": \"GE\", \"value\": 3000}]}]}" > /dev/null
since=$(now_ms)
await_zones riskPolicyInShadow "$candidate" "$since"

echo "== payments of 35.00 by users of every zone (allowed; the shadow would block them)"
merchant=$(admin POST /admin/merchants '{"name": "Rollout Shop", "currency": "CNY", "status": "ACTIVE"}' \
	| sed 's/.*"merchantId" *: *"\([0-9]*\)".*/\1/')
for shard in 5 30 55 80; do
	user=$(curl -sf -X POST "$GATEWAY/api/users" -H 'Content-Type: application/json' \
		-d "{\"name\": \"Rollout $shard\", \"shard\": $shard}" | sed 's/.*"userId" *: *"\([0-9]*\)".*/\1/')
	user_token=$(curl -sf -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
		-d "{\"sub\": \"$user\", \"roles\": [\"user\"]}" | sed 's/.*"token" *: *"\([^"]*\)".*/\1/')
	as_user() {
		curl -sf -X POST "$GATEWAY$1" -H "Authorization: Bearer $user_token" -H 'Content-Type: application/json' \
			-H "Idempotency-Key: rollout-$run-$shard-$2" -d "$3"
	}
	as_user "/api/users/$user/deposits" d '{"amount": 10000, "currency": "CNY"}' > /dev/null
	order=$(as_user /api/orders o "{\"merchantId\": \"$merchant\", \"amount\": 3500, \"currency\": \"CNY\"}" \
		| sed 's/.*"orderId" *: *"\([0-9]*\)".*/\1/')
	paid=$(as_user /api/payments p "{\"orderId\": \"$order\"}")
	id=$(echo "$paid" | sed 's/.*"paymentId" *: *"\([0-9]*\)".*/\1/')
	status=$(echo "$paid" | sed 's/.*"status" *: *"\([A-Z]*\)".*/\1/')
	shadow=$(admin GET "/admin/risk/decisions/$id" | grep -o '"shadow":{[^}]*}' || echo "no shadow")
	echo "  user $user (shard $shard): $status; $shadow"
done

echo "== backtest of $candidate over every RZone's newest decisions"
admin POST /admin/risk/policies/backtest '{"examples": 0}'
echo
