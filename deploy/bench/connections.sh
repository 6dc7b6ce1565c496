#!/usr/bin/env bash
# Connections per shard-group database as the platform grows from 2 to 4 to 8 RZones: with cells (each zone's services
# connect only to their own shard group's databases) and without (every service instance keeps a pool on every shard
# group's database, as one that may serve any shard must: zonepay.shard-groups.connect-all). Starts ./zonepay up with
# each topology and mode in turn (no other platform may run), counts pg_stat_activity per database once the pools are
# full, stops it, and prints a table and writes an SVG plot (docs/reports/connections.svg by default).
#   deploy/bench/connections.sh [--pool 4] [--zones "2 4 8"] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
pool=4
zones="2 4 8"
out=docs/reports/connections.svg
while [ $# -gt 0 ]; do
	case "$1" in
		--pool) pool=$2; shift 2 ;;
		--zones) zones=$2; shift 2 ;;
		--out) out=$2; shift 2 ;;
		-h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1 (--pool N, --zones \"2 4 8\", --out FILE)" >&2; exit 2 ;;
	esac
done
command -v psql > /dev/null || { echo "needs psql (Debian: postgresql-client)" >&2; exit 2; }
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
trap 'rm -f "$results"' EXIT
for n in $zones; do
	for mode in cells shared; do
		echo "== $n RZones, $mode (pools of $pool)"
		connect_all=false
		[ "$mode" = shared ] && connect_all=true
		# Pools sized alike in both modes; shadow storage off, so only the real pools count.
		SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=$pool ZONEPAY_SHADOW_ENABLED=false \
			ZONEPAY_SHARDGROUPS_CONNECTALL=$connect_all ZONEPAY_POSTGRES_MAX_CONNECTIONS=1500 \
			./zonepay up --topology "$(topology "$n")" > /dev/null
		# Hikari fills a pool to its minimum in the background: count once two readings agree.
		last=-1
		for _ in $(seq 30); do
			now=$(psql -h 127.0.0.1 -p 15432 -U postgres -d postgres -Atc "select count(*) from pg_stat_activity where datname like 'sg%'")
			[ "$now" = "$last" ] && break
			last=$now
			sleep 2
		done
		psql -h 127.0.0.1 -p 15432 -U postgres -d postgres -At -F ' ' -c "select count(*), round(avg(c), 1), max(c), sum(c)
			from (select datname, count(*) c from pg_stat_activity where datname like 'sg%' group by datname) d" \
			| while read -r databases mean most total; do
				echo "$n $mode $databases $mean $most $total" | tee -a "$results"
			done
		./zonepay down > /dev/null
	done
done
echo
printf '%-7s %-7s %-10s %-22s %-8s %s\n' zones mode databases "connections per db" max total
awk '{printf "%-7s %-7s %-10s %-22s %-8s %s\n", $1, $2, $3, $4, $5, $6}' "$results"
# The plot: connections per shard-group database against the number of RZones, one line per mode.
mkdir -p "$(dirname "$out")"
awk -v pool="$pool" '
	{ n[NR] = $1; mode[NR] = $2; mean[NR] = $4; if ($4 > top) top = $4 }
	END {
		w = 600; h = 340; left = 60; right = 60; up = 40; down = 50
		top = top * 1.15
		printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
		printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
		printf "<text x=\"%d\" y=\"22\" font-size=\"14\">Connections per shard-group database (pools of %d)</text>\n", left, pool
		printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, h - down, w - right, h - down
		printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, up, left, h - down
		split("2 4 8", zs, " ")
		for (i = 1; i <= 3; i++) {
			px[zs[i]] = left + (i - 1) * (w - left - right) / 2
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s RZones</text>\n", px[zs[i]], h - down + 18, zs[i]
		}
		for (t = 0; t <= 4; t++) {
			v = top * t / 4; py = h - down - (h - up - down) * t / 4
			printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>\n", left - 6, py + 4, v
			printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>\n", left, py, w - right, py
		}
		color["cells"] = "#2ca02c"; color["shared"] = "#d62728"
		for (m in color) {
			path = ""
			for (i = 1; i <= NR; i++) if (mode[i] == m) {
				py = h - down - (h - up - down) * mean[i] / top
				path = path (path == "" ? "M" : " L") px[n[i]] "," py
				printf "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n", px[n[i]], py, color[m], px[n[i]] + 6, py - 6, mean[i]
			}
			if (path != "") printf "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", path, color[m]
		}
		printf "<text x=\"%d\" y=\"%d\" fill=\"#2ca02c\">cells: a zone connects to its own shard group only</text>\n", left + 10, up + 14
		printf "<text x=\"%d\" y=\"%d\" fill=\"#d62728\">no cells: every instance to every shard group</text>\n", left + 10, up + 30
		printf "</svg>\n"
	}' "$results" > "$out"
echo "plot: $out"
