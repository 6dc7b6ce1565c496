#!/usr/bin/env bash
# Smoke test of a cell joining and leaving a running platform (./zonepay up), as docs/cells.md walks it: a user of
# shard 15 with money and a payment, then ./zonepay zone add rz5 (shards 13-24 of rz1, live, with their data): the user
# is served by rz5 with the same balance and ledger and pays again there; the books of all five shard groups pass;
# ./zonepay zone remove rz5 merges them back: served by rz1 again, same money, books pass. Needs curl and jq.
#   deploy/smoke/cell.sh [hz-gateway-url]
set -euo pipefail
cd "$(dirname "$0")/../.."
HZ=${1:-http://localhost:8080}

fail() { echo "FAIL: $*" >&2; exit 1; }
post() { # url token key body -> writes headers to $HEADERS, prints the body
	local auth=() idem=()
	[[ -n $2 ]] && auth=(-H "Authorization: Bearer $2")
	[[ -n $3 ]] && idem=(-H "Idempotency-Key: $3")
	curl -sS -D "$HEADERS" -X POST "$1" "${auth[@]}" "${idem[@]}" -H 'Content-Type: application/json' -d "$4"
}
get() { curl -sS -D "$HEADERS" "$1" -H "Authorization: Bearer $2"; }
token() { curl -sS -X POST "$HZ/dev/token" -H 'Content-Type: application/json' -d "{\"sub\": \"$1\", \"roles\": [\"$2\"]}" | jq -r .token; }
header() { grep -i "^$1:" "$HEADERS" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }

HEADERS=$(mktemp)
trap 'rm -f "$HEADERS"' EXIT
ADMIN=$(token 1 admin)
MERCHANT=$(post "$HZ/admin/merchants" "$ADMIN" "" '{"name": "Cell Tea", "currency": "CNY", "status": "ACTIVE"}' | jq -r .merchantId)
VERSION=$(curl -sS "$HZ/api/merchants/$MERCHANT" -H "Authorization: Bearer $ADMIN" | jq -r .version)
for _ in $(seq 50); do
	[[ $(curl -s -o /dev/null -w '%{http_code}' "$HZ/api/merchants/$MERCHANT?min-version=$VERSION" -H "Authorization: Bearer $ADMIN") == 200 ]] && break
	sleep 0.1
done
run=$(date +%s%N)
pay() { # amount -> the payment's status
	local order
	order=$(post "$HZ/api/orders" "$TOKEN" "ord-$run-$1-$RANDOM" "{\"merchantId\": \"$MERCHANT\", \"amount\": $1, \"currency\": \"CNY\"}" | jq -r .orderId)
	post "$HZ/api/payments" "$TOKEN" "pay-$run-$order" "{\"orderId\": \"$order\"}" | jq -r .status
}
served() { # expected zone, expected balance
	local balance
	balance=$(get "$HZ/api/users/$USER_ID/balances" "$TOKEN" | jq -r '.balances[0].available')
	[[ $(header X-ZonePay-Zone) == "$1" ]] || fail "user of shard 15 served by $(header X-ZonePay-Zone), not $1"
	[[ $balance == "$2" ]] || fail "balance $balance in $1, not $2"
}

USER_ID=$(post "$HZ/api/users" "" "" '{"name": "Cell", "shard": 15}' | jq -r .userId)
TOKEN=$(token "$USER_ID" user)
post "$HZ/api/users/$USER_ID/deposits" "$TOKEN" "dep-$run" '{"amount": 5000, "currency": "CNY"}' > /dev/null
[[ $(pay 1200) == SUCCEEDED ]] || fail "payment before the split"
served rz1 3800
ENTRIES=$(get "$HZ/api/users/$USER_ID/ledger" "$TOKEN" | jq '.entries | length')

./zonepay zone add rz5 --city sh --shards 13-24
served rz5 3800
[[ $(get "$HZ/api/users/$USER_ID/ledger" "$TOKEN" | jq '.entries | length') == "$ENTRIES" ]] || fail "ledger after the split"
[[ $(pay 800) == SUCCEEDED ]] || fail "payment in rz5"
served rz5 3000
./zonepay books

./zonepay zone remove rz5 --into rz1
served rz1 3000
[[ $(pay 500) == SUCCEEDED ]] || fail "payment after the merge"
./zonepay books
echo "OK: shards 13-24 moved to rz5 and back with their data; the user of shard 15 kept 3000 of 5000 after 2000 paid"
