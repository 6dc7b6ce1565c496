#!/usr/bin/env bash
# One figure for the cost of a payment: end to end through the gateways as a fraction of what the database alone can do
# with the same SQL, both measured now on this machine, against a running ./zonepay up. In order:
#   1. the database's ceiling: payment-ceiling.sh (pgbench replaying the exact SQL of one payment), best of its clients;
#   2. the idle platform (CPU-ms/s of every process, over --idle seconds), then end to end at saturation: payment-load.sh
#      closed loops at each --concurrency, best of them; then a fixed rate at half that (p50/p99); then a flash sale:
#      the best concurrency on spread orders and on orders of which --flash-share go to one merchant, half a run at a
#      time in the order spread, flash, flash, spread (so that a drift of the host's speed cancels out);
#   3. the hot merchant's books checked in every shard group's database (its balance is exactly its entries and its
#      succeeded payments, every posting sums to zero, no balance below zero), then the ratio.
#   ./zonepay up && deploy/bench/payment-ratio.sh [--seconds 30] [--warm-up 10] [--concurrency 16,32,48]
#       [--ceiling-clients "2 4"] [--users 1000] [--orders 40000] [--flash-share 0.8] [--flash-orders 8000]
# The last line is: ratio <x.xx> (<e2e>/s end to end, <ceiling>/s ceiling). Needs psql and pgbench.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=30 WARM_UP=10 CONCURRENCY=16,32,48 CEILING_CLIENTS="2 4" USERS=1000 ORDERS=40000 FLASH_SHARE=0.8
FLASH_ORDERS=8000 IDLE=20
while (( $# )); do
	case $1 in
		--seconds) SECONDS_PER_RUN=$2; shift 2 ;;
		--warm-up) WARM_UP=$2; shift 2 ;;
		--concurrency) CONCURRENCY=$2; shift 2 ;;
		--ceiling-clients) CEILING_CLIENTS=$2; shift 2 ;;
		--users) USERS=$2; shift 2 ;;
		--orders) ORDERS=$2; shift 2 ;;
		--flash-share) FLASH_SHARE=$2; shift 2 ;;
		--flash-orders) FLASH_ORDERS=$2; shift 2 ;;
		--idle) IDLE=$2; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
[[ -f .zonepay/current ]] || { echo "the platform is not running: ./zonepay up first" >&2; exit 1; }
export PGUSER=${PGUSER:-postgres}
psql="psql -h ${PGHOST:-localhost} -p ${PGPORT:-15432} -v ON_ERROR_STOP=1 -qAt"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== 1. the database's ceiling (pgbench, the SQL of one payment)"
deploy/bench/payment-ceiling.sh --seconds "$SECONDS_PER_RUN" --warm-up "$WARM_UP" --clients "$CEILING_CLIENTS" \
	| tee "$out/ceiling"
ceiling=$(awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9.]+$/ { if ($2 > best) best = $2 } END { printf "%.0f", best }' \
	"$out/ceiling")

echo "== 2. end to end through the gateways"
deploy/bench/payment-load.sh --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" --warm-up "$WARM_UP" \
	--users "$USERS" --orders "$ORDERS" --idle "$IDLE" --half-rate --flash-sale "$FLASH_SHARE" \
	--flash-orders "$FLASH_ORDERS" | tee "$out/load"
e2e=$(sed -n 's:^saturation \([0-9.]*\)/s.*:\1:p' "$out/load")

# The ceiling is what the database can do: a machine still busy warming the platform up (or another tenant) measures
# it low, which would flatter the ratio. So it is measured again after the load, and the higher one counts.
echo "== 2b. the database's ceiling again, after the load"
deploy/bench/payment-ceiling.sh --seconds "$SECONDS_PER_RUN" --warm-up "$WARM_UP" --clients "$CEILING_CLIENTS" \
	| tee -a "$out/ceiling"
ceiling=$(awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9.]+$/ { if ($2 > best) best = $2 } END { printf "%.0f", best }' \
	"$out/ceiling")
hot=$(sed -n 's/^hot merchant \([0-9]*\)$/\1/p' "$out/load")
[[ -n $e2e && -n $ceiling && $ceiling != 0 ]] || { echo "no figure to compare" >&2; exit 1; }

echo "== 3. the hot merchant's books ($hot), every shard group"
receivable=0 problems=0
for group in $($psql -d postgres -c "select substring(datname from '^(sg[0-9]+)_account$') from pg_database
		where datname ~ '^sg[0-9]+_account$' order by 1"); do
	read -r balance entries < <($psql -d "${group}_account" -F ' ' -c "
		select coalesce(sum(a.balance), 0), coalesce((select sum(e.amount) from entries e join accounts m
			on m.id = e.account_id where m.kind = 'MERCHANT' and m.owner_id = $hot), 0)
		from accounts a where a.kind = 'MERCHANT' and a.owner_id = $hot")
	bad=$($psql -d "${group}_account" -c "
		select (select count(*) from accounts where balance < 0 and kind in ('USER', 'MERCHANT'))
			+ (select count(*) from (select posting_id from entries group by posting_id, currency
				having sum(amount) <> 0) unbalanced)")
	# What the merchant keeps of its succeeded payments: what was not refunded.
	paid=$($psql -d "${group}_payment" -c "
		select coalesce(sum(amount - refunded_amount), 0) from payments
		where merchant_id = $hot and status = 'SUCCEEDED'")
	echo "$group: receivable $balance, its entries $entries, succeeded payments less refunds $paid," \
		"negative balances + unbalanced postings $bad"
	[[ $balance == "$entries" && $balance == "$paid" && $bad == 0 ]] || problems=$((problems + 1))
	receivable=$((receivable + balance))
done
if (( problems > 0 )); then
	echo "books: FAIL in $problems shard group(s)"
	exit 1
fi
echo "books: PASS (the hot merchant holds $receivable, exactly its succeeded payments)"
awk -v e="$e2e" -v c="$ceiling" 'BEGIN { printf "ratio %.2f (%.1f/s end to end, %d/s ceiling)\n", e / c, e, c }'
