#!/usr/bin/env bash
# The efficiency goal's ratio with and without risk control (issue 22: within 10 %), against a running ./zonepay up:
# payment-ratio.sh with risk.mode FULL, then OFF (the decision still recorded and published, no features, no model),
# alternated for --rounds rounds so that what the machine does meanwhile falls on both alike; each run's ratio, then
# the means and FULL's against OFF's. The ceiling (pgbench replaying a payment's SQL) is the same SQL in both modes, so
# its run-to-run noise is not risk control's: FULL and OFF are compared on the mean ceiling of every run (that is, on
# their end-to-end throughput); the ratios on each run's own ceiling are printed too. Puts risk.mode back as it found it.
#   deploy/bench/risk-ratio.sh [--rounds 2] [--gateway http://localhost:8080] [payment-ratio.sh's options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=2
GATEWAY=http://localhost:8080
passed=()
while (( $# )); do
	case $1 in
		--rounds) ROUNDS=$2; shift 2 ;;
		--gateway) GATEWAY=$2; shift 2 ;;
		-h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) passed+=("$1"); shift ;;
	esac
done
. deploy/bench/risk-mode.sh
out=$(mktemp)
trap 'rm -f "$out"; mode "${mode_before:-FULL}"' EXIT
declare -A ratios saturation
ceilings=""
for round in $(seq 1 "$ROUNDS"); do
	for each in FULL OFF; do
		echo "== round $round: risk.mode $each"
		mode "$each"
		deploy/bench/payment-ratio.sh "${passed[@]}" | tee "$out"
		last=$(tail -1 "$out")
		# ratio <x.xx> (<e2e>/s end to end, <ceiling>/s ceiling)
		e2e=$(sed 's/.*(\([0-9.]*\)\/s end to end.*/\1/' <<< "$last")
		ceiling=$(sed 's/.*, \([0-9.]*\)\/s ceiling.*/\1/' <<< "$last")
		ratios[$each]+="$(awk -v e="$e2e" -v c="$ceiling" 'BEGIN { printf "%.4f", e / c }') "
		saturation[$each]+="$e2e "
		ceilings+="$ceiling "
		echo "round $round $each: $last"
	done
done
mean() { tr ' ' '\n' <<< "$1" | awk 'NF { s += $1; n++ } END { printf "%.4f", s / n }'; }
echo "ratio FULL ${ratios[FULL]}(mean $(mean "${ratios[FULL]}")), OFF ${ratios[OFF]}(mean $(mean "${ratios[OFF]}"))"
echo "end to end FULL ${saturation[FULL]}/s (mean $(mean "${saturation[FULL]}")), OFF ${saturation[OFF]}/s" \
	"(mean $(mean "${saturation[OFF]}"))"
awk -v f="$(mean "${ratios[FULL]}")" -v o="$(mean "${ratios[OFF]}")" \
	'BEGIN { printf "on each run'"'"'s own ceiling: ratio %.3f against %.3f, %+.1f %%\n", f, o, (f - o) * 100 / o }'
awk -v f="$(mean "${saturation[FULL]}")" -v o="$(mean "${saturation[OFF]}")" -v c="$(mean "$ceilings")" \
	'BEGIN { printf "risk control, on the mean ceiling (%.0f/s): ratio %.3f against %.3f, %+.1f %%\n", c, f / c, o / c,
		(f - o) * 100 / o }'
