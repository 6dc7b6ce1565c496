#!/usr/bin/env bash
# What each statement costs PostgreSQL, per database, from pg_stat_statements: calls, mean execution time in
# microseconds (fence triggers included), rows, the statement. Against a ./zonepay up started with
# ZONEPAY_POSTGRES_STATEMENTS=on (which loads the module); needs psql (apt install postgresql-client).
#   ZONEPAY_POSTGRES_STATEMENTS=on ./zonepay up
#   deploy/bench/pg-statements.sh reset                       # zero the counts, then run a load
#   deploy/bench/pg-statements.sh show [--top 25] [db ...]    # default: the first shard group's three databases
set -euo pipefail
PORT=${ZONEPAY_POSTGRES_PORT:-15432}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -A)
command -v psql > /dev/null || { echo "needs psql (apt install postgresql-client)" >&2; exit 2; }
action=${1:-show}
[ $# -gt 0 ] && shift
TOP=25
if [ "${1:-}" = --top ]; then TOP=$2; shift 2; fi
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(sg1_payment sg1_order sg1_account)
[ "$("${PSQL[@]}" -t -c "show shared_preload_libraries")" = pg_stat_statements ] || {
	echo "pg_stat_statements is not loaded: start the platform with ZONEPAY_POSTGRES_STATEMENTS=on" >&2
	exit 2
}
case "$action" in
	reset)
		"${PSQL[@]}" -c "create extension if not exists pg_stat_statements" 2> /dev/null
		"${PSQL[@]}" -t -c "select pg_stat_statements_reset()" > /dev/null
		echo "pg_stat_statements reset at $(date +%T)"
		;;
	show)
		echo "database|calls|total ms"
		"${PSQL[@]}" -t -c "select d.datname, sum(calls), round(sum(total_exec_time)::numeric, 1)
			from pg_stat_statements s join pg_database d on d.oid = s.dbid group by 1 order by 3 desc"
		for database in "${databases[@]}"; do
			echo
			echo "== $database: calls|mean us|rows|statement (top $TOP by total time)"
			# From standard input, where psql fills in :'database' quoted (it does not with -c).
			"${PSQL[@]}" -t -v database="$database" -v top="$TOP" <<- 'SQL'
				select calls, round(1000 * mean_exec_time), rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
				from pg_stat_statements where dbid = (select oid from pg_database where datname = :'database')
				order by total_exec_time desc limit :top
			SQL
		done
		;;
	*) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
