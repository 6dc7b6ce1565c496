#!/usr/bin/env bash
# Smoke test of full-link load testing against a running platform (./zonepay up, compose), with curl through the
# gateways: a load test (a token with the user and loadtest roles, X-ZonePay-Traffic: shadow) signs up users in two
# zones, tops one up, orders, pays, gets a refund, and sends a transfer within its shard group and one across zones.
# Everything must succeed, every id must be 404 without the tag, and a real user must be 404 with it. The rows are in
# the shadow schemas only: ./zonepay books --shadow audits them. Needs curl and jq. Exits non-zero at the first surprise.
#   deploy/smoke/shadow.sh [hz-gateway-url] [sh-gateway-url]
set -euo pipefail
HZ=${1:-http://localhost:8080}
SH=${2:-http://localhost:8081}
SHADOW=(-H "X-ZonePay-Traffic: shadow")

fail() { echo "FAIL: $*" >&2; exit 1; }
post() { # url token key body [curl options...] -> prints the body
	local url=$1 body=$4 auth=() idem=()
	[[ -n $2 ]] && auth=(-H "Authorization: Bearer $2")
	[[ -n $3 ]] && idem=(-H "Idempotency-Key: $3")
	shift 4
	curl -sS -X POST "$url" "${auth[@]}" "${idem[@]}" -H 'Content-Type: application/json' -d "$body" "$@"
}
status() { curl -sS -o /dev/null -w '%{http_code}' "$@"; }
token() { curl -sS -X POST "$HZ/dev/token" -H 'Content-Type: application/json' -d "{\"sub\": \"$1\", \"roles\": [$2]}" | jq -r .token; }
until_status() { # what url token -> waits (bounded) until a shadow GET's .status is what
	local seen=""
	for _ in $(seq 150); do
		seen=$(curl -sS "$2" -H "Authorization: Bearer $3" "${SHADOW[@]}" | jq -r .status)
		[[ $seen == "$1" ]] && return 0
		sleep 0.1
	done
	fail "$2 is $seen, not $1, after 15 s"
}

run=$(date +%s%N)
ADMIN=$(token 1 '"admin"')
MERCHANT=$(post "$HZ/admin/merchants" "$ADMIN" "" '{"name": "Shadow Smoke Tea", "currency": "CNY", "status": "ACTIVE"}' | jq -r .merchantId)
VERSION=$(curl -sS "$HZ/api/merchants/$MERCHANT" -H "Authorization: Bearer $ADMIN" | jq -r .version)
for gateway in "$HZ" "$SH"; do
	for _ in $(seq 50); do
		[[ $(status "$gateway/api/merchants/$MERCHANT?min-version=$VERSION" -H "Authorization: Bearer $ADMIN") == 200 ]] && break
		sleep 0.1
	done
done

LOADTEST=$(token 1 '"user", "loadtest"')
signup() { # gateway shard -> a shadow user id
	local created
	created=$(post "$1/api/users" "$LOADTEST" "" "{\"name\": \"Shadow smoke\", \"shard\": $2}" "${SHADOW[@]}")
	jq -e -r .userId <<< "$created" || fail "shadow sign-up in shard $2: $created"
}
alice=$(signup "$HZ" 10)
bob=$(signup "$HZ" 12)
carol=$(signup "$SH" 60)
A=$(token "$alice" '"user", "loadtest"')
post "$HZ/api/users/$alice/deposits" "$A" "shadow-dep-$run" '{"amount": 10000, "currency": "CNY"}' "${SHADOW[@]}" > /dev/null
order=$(post "$HZ/api/orders" "$A" "shadow-ord-$run" "{\"merchantId\": \"$MERCHANT\", \"amount\": 2500, \"currency\": \"CNY\"}" "${SHADOW[@]}" | jq -r .orderId)
paid=$(post "$HZ/api/payments" "$A" "shadow-pay-$run" "{\"orderId\": \"$order\"}" "${SHADOW[@]}")
[[ $(jq -r .status <<< "$paid") == SUCCEEDED ]] || fail "shadow payment: $paid"
payment=$(jq -r .paymentId <<< "$paid")
until_status PAID "$HZ/api/orders/$order" "$A"
refund=$(post "$HZ/api/payments/$payment/refunds" "$A" "shadow-ref-$run" '{"amount": 1000}' "${SHADOW[@]}")
[[ $(jq -r .status <<< "$refund") == SUCCEEDED ]] || fail "shadow refund: $refund"
until_status PARTIALLY_REFUNDED "$HZ/api/orders/$order" "$A"
inside=$(post "$HZ/api/transfers" "$A" "shadow-in-$run" "{\"toUserId\": \"$bob\", \"amount\": 1000, \"currency\": \"CNY\"}" "${SHADOW[@]}")
[[ $(jq -r .status <<< "$inside") == COMPLETED ]] || fail "shadow transfer within a shard group: $inside"
across=$(post "$HZ/api/transfers" "$A" "shadow-across-$run" "{\"toUserId\": \"$carol\", \"amount\": 2000, \"currency\": \"CNY\"}" "${SHADOW[@]}")
transfer=$(jq -r .transferId <<< "$across")
[[ $transfer != null ]] || fail "shadow transfer across zones: $across"
until_status COMPLETED "$HZ/api/transfers/$transfer" "$A"
balance() { curl -sS "$1/api/users/$2/balances" -H "Authorization: Bearer $(token "$2" '"user", "loadtest"')" "${SHADOW[@]}" | jq -r '.balances[0].available'; }
[[ $(balance "$HZ" "$alice") == 5500 && $(balance "$HZ" "$bob") == 1000 && $(balance "$SH" "$carol") == 2000 ]] \
	|| fail "shadow balances: alice $(balance "$HZ" "$alice"), bob $(balance "$HZ" "$bob"), carol $(balance "$SH" "$carol")"
echo "shadow: users $alice, $bob (shard group of 10) and $carol (another zone); order $order PAID, payment $payment,"
echo "        refund $(jq -r .refundId <<< "$refund"), transfers $(jq -r .transferId <<< "$inside") (within) and $transfer (across) COMPLETED"

REAL=$(token "$alice" '"user"')
for path in "/api/users/$alice" "/api/users/$alice/balances" "/api/orders/$order" "/api/payments/$payment" "/api/transfers/$transfer"; do
	[[ $(status "$HZ$path" -H "Authorization: Bearer $REAL") == 404 ]] || fail "untagged, $path is not 404"
done
dave=$(post "$HZ/api/users" "" "" '{"name": "Real smoke", "shard": 11}' | jq -r .userId)
[[ $(status "$HZ/api/users/$dave" -H "Authorization: Bearer $(token "$dave" '"user", "loadtest"')" "${SHADOW[@]}") == 404 ]] \
	|| fail "a real user ($dave) is seen by shadow traffic"
[[ $(status "$HZ/api/users/$dave" -H "Authorization: Bearer $(token "$dave" '"user"')" "${SHADOW[@]}") == 403 ]] \
	|| fail "a token without the loadtest role may tag traffic"
echo "OK: the load test's ids are 404 without the tag, a real user is 404 with it, and only loadtest may tag"
