#!/usr/bin/env bash
# The database's ceiling for payments on this machine: pgbench runs the exact SQL of one payment (deploy/bench/sql/
# payment.sql: every statement payment-, account- and order-service issue for it, in their transactions), prepared,
# with 1, 2, 4 and 8 clients, against the local platform's PostgreSQL (same server, same settings).
#   ./zonepay up && deploy/bench/payment-ceiling.sh [--seconds 30] [--warm-up 10] [--clients "1 2 4 8"] [--keep]
# Needs psql and pgbench (Debian/Ubuntu: apt install postgresql-client). Prints tps and CPU-ms per payment.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOST=${PGHOST:-localhost} PORT=${PGPORT:-15432} DB=bench_payment_ceiling
SECONDS_PER_RUN=30 WARM_UP=10 CLIENTS="1 2 4 8" KEEP=false USERS=10000 ORDERS=1500000
while (( $# )); do
	case $1 in
		--seconds) SECONDS_PER_RUN=$2; shift 2 ;;
		--warm-up) WARM_UP=$2; shift 2 ;;
		--clients) CLIENTS=$2; shift 2 ;;
		--keep) KEEP=true; shift ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
for tool in psql pgbench; do
	command -v $tool > /dev/null || { echo "$tool is missing (apt install postgresql-client)" >&2; exit 1; }
done
export PGUSER=${PGUSER:-postgres}
psql="psql -h $HOST -p $PORT -v ON_ERROR_STOP=1 -q"
$psql -d postgres -c "drop database if exists $DB" -c "create database $DB"
[[ $KEEP == true ]] || trap '$psql -d postgres -c "drop database if exists $DB"' EXIT
# The schemas exactly as Flyway creates them in each service's database. The inbox comes after the services' own:
# account-service's V3 drops the inbox every service's database once had, which would drop order-service's here.
for migration in common/service-data/src/main/resources/db/zonepay-idempotency/V*.sql \
		common/service-data/src/main/resources/db/zonepay-shard-leases/V*.sql \
		account-service/src/main/resources/db/migration/account/V*.sql \
		order-service/src/main/resources/db/migration/order/V*.sql \
		payment-service/src/main/resources/db/migration/payment/V*.sql \
		common/service-messaging/src/main/resources/db/zonepay-inbox/V*.sql; do
	$psql -d $DB -f "$migration"
done
echo "seeding $USERS users and $ORDERS orders ..."
$psql -d $DB -v users=$USERS -v orders=$ORDERS -f deploy/bench/sql/seed.sql
$psql -d $DB -At -c "select 'server: PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers')"

busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }  # user nice system irq softirq steal, in 1/100 s
printf '%-8s %-10s %-12s %-14s\n' clients tps "latency ms" "CPU-ms/payment"
for clients in $CLIENTS; do
	threads=$(( clients < 2 ? clients : 2 ))
	pgbench -h $HOST -p $PORT -n -M prepared -f deploy/bench/sql/payment.sql -c $clients -j $threads -T $WARM_UP $DB > /dev/null
	before=$(busy)
	out=$(pgbench -h $HOST -p $PORT -n -M prepared -f deploy/bench/sql/payment.sql -c $clients -j $threads -T $SECONDS_PER_RUN $DB)
	after=$(busy)
	payments=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<< "$out")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<< "$out")
	tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out")
	latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<< "$out")
	[[ ${failed:-0} == 0 ]] || { echo "$failed transactions failed:" >&2; echo "$out" >&2; exit 1; }
	printf '%-8s %-10.0f %-12s %-14.2f\n' "$clients" "$tps" "$latency" "$(awk -v d=$((after - before)) -v n="$payments" 'BEGIN {print d * 10 / n}')"
done
echo "(CPU is the whole machine's, pgbench's own included; $SECONDS_PER_RUN s per run after $WARM_UP s of warm-up)"
