#!/usr/bin/env bash
# Smoke test of the payment flow against a running platform (./zonepay up), with curl through the gateways, in every
# RZone: a payment that succeeds (and its order turns PAID), one that fails for want of money (nothing moves), and an
# idempotent replay. Needs curl and jq. Exits non-zero at the first surprise.
#   deploy/smoke/payments.sh [hz-gateway-url] [sh-gateway-url]
# SMOKE_MERCHANT=<id> pays an existing merchant instead of creating one: for a run while global writes are unavailable.
set -euo pipefail
HZ=${1:-http://localhost:8080}
SH=${2:-http://localhost:8081}

fail() { echo "FAIL: $*" >&2; exit 1; }
post() { # url token key body -> writes headers to $HEADERS, prints the body
	local auth=() idem=()
	[[ -n $2 ]] && auth=(-H "Authorization: Bearer $2")
	[[ -n $3 ]] && idem=(-H "Idempotency-Key: $3")
	curl -sS -D "$HEADERS" -X POST "$1" "${auth[@]}" "${idem[@]}" -H 'Content-Type: application/json' -d "$4"
}
get() { curl -sS "$1" -H "Authorization: Bearer $2"; }
token() { curl -sS -X POST "$HZ/dev/token" -H 'Content-Type: application/json' -d "{\"sub\": \"$1\", \"roles\": [\"$2\"]}" | jq -r .token; }
header() { grep -i "^$1:" "$HEADERS" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }

HEADERS=$(mktemp)
trap 'rm -f "$HEADERS"' EXIT
ADMIN=$(token 1 admin)
MERCHANT=${SMOKE_MERCHANT:-}
[[ -n $MERCHANT ]] || MERCHANT=$(post "$HZ/admin/merchants" "$ADMIN" "" '{"name": "Smoke Tea", "currency": "CNY", "status": "ACTIVE"}' | jq -r .merchantId)
VERSION=$(curl -sS "$HZ/api/merchants/$MERCHANT" -H "Authorization: Bearer $ADMIN" | jq -r .version)
for gateway in "$HZ" "$SH"; do  # both cities' CZones have the merchant before anyone orders from it
	for _ in $(seq 50); do
		[[ $(curl -s -o /dev/null -w '%{http_code}' "$gateway/api/merchants/$MERCHANT?min-version=$VERSION" -H "Authorization: Bearer $ADMIN") == 200 ]] && break
		sleep 0.1
	done
done
echo "merchant $MERCHANT (global version $VERSION)"

run=$(date +%s%N)
for shard in 10 35 60 85; do
	for gateway in "$HZ" "$SH"; do
		user=$(post "$gateway/api/users" "" "" "{\"name\": \"Smoke\", \"shard\": $shard}" | jq -r .userId)
		zone=$(header X-ZonePay-Zone)
		TOKEN=$(token "$user" user)
		post "$gateway/api/users/$user/deposits" "$TOKEN" "dep-$run-$user" '{"amount": 5000, "currency": "CNY"}' > /dev/null

		order=$(post "$gateway/api/orders" "$TOKEN" "ord-$run-$user" "{\"merchantId\": \"$MERCHANT\", \"amount\": 2599, \"currency\": \"CNY\"}" | jq -r .orderId)
		paid=$(post "$gateway/api/payments" "$TOKEN" "pay-$run-$user" "{\"orderId\": \"$order\"}")
		[[ $(jq -r .status <<< "$paid") == SUCCEEDED ]] || fail "payment in $zone: $paid"
		replay=$(post "$gateway/api/payments" "$TOKEN" "pay-$run-$user" "{\"orderId\": \"$order\"}")
		[[ $replay == "$paid" && $(header Idempotent-Replayed) == true ]] || fail "replay in $zone: $replay"
		status=""
		for _ in $(seq 20); do
			status=$(get "$gateway/api/orders/$order" "$TOKEN" | jq -r .status)
			[[ $status == PAID ]] && break
			sleep 0.1
		done
		[[ $status == PAID ]] || fail "order $order in $zone is $status"

		order2=$(post "$gateway/api/orders" "$TOKEN" "ord2-$run-$user" "{\"merchantId\": \"$MERCHANT\", \"amount\": 2599, \"currency\": \"CNY\"}" | jq -r .orderId)
		poor=$(post "$gateway/api/payments" "$TOKEN" "pay2-$run-$user" "{\"orderId\": \"$order2\"}")
		[[ $(jq -r .status <<< "$poor") == FAILED && $(jq -r .failureCode <<< "$poor") == INSUFFICIENT_FUNDS ]] || fail "poor payment in $zone: $poor"
		balance=$(get "$gateway/api/users/$user/balances" "$TOKEN" | jq -r '.balances[0].available')
		[[ $balance == 2401 ]] || fail "balance in $zone is $balance, not 2401"
		printf '%-4s via %-22s user %s: paid %s (order PAID, replay identical), then FAILED %s, balance %s\n' \
			"$zone" "$gateway" "$user" "$(jq -r .paymentId <<< "$paid")" "$(jq -r .failureCode <<< "$poor")" "$balance"
	done
done
echo "OK: every RZone paid, refused for want of money and replayed through both gateways"
