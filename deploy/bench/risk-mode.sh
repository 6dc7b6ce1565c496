# Sourced by the risk benchmarks: risk.mode set through a gateway's admin API, waited for until the gateway's city
# has it, and put back on exit as it was found (FULL when never set). Needs GATEWAY.
token=$(curl -sf -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
	-d '{"sub": "1", "roles": ["admin"]}' | sed 's/.*"token" *: *"\([^"]*\)".*/\1/')
mode() {
	curl -sf -X PUT "$GATEWAY/admin/switches/risk.mode" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -d "{\"value\": \"$1\"}" > /dev/null
	# Within the CZone bound every zone reads it; the gateway's own copy says when its city has it.
	for _ in $(seq 1 100); do
		curl -sf "$GATEWAY/api/global/switches" -H "Authorization: Bearer $token" \
			| grep -q "\"name\":\"risk.mode\",\"value\":\"$1\"" && return
		sleep 0.1
	done
	echo "risk.mode $1 did not reach the city's copy in 10 s" >&2
	exit 1
}
mode_before=$(curl -sf "$GATEWAY/api/global/switches" -H "Authorization: Bearer $token" \
	| grep -o '"name":"risk.mode","value":"[A-Z_]*"' | sed 's/.*"value":"\([A-Z_]*\)"/\1/' || true)
trap 'mode "${mode_before:-FULL}"' EXIT
