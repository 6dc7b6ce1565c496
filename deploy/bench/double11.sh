#!/usr/bin/env bash
# The Double-11 load test against a running platform (./zonepay up, or compose through its published gateways): finds
# the capacity, records it at the GZone, offers the midnight spike (or steps) in an open loop, writes the run's JSON
# and HTML report under .zonepay/reports. Also ./zonepay bench double11.
#   deploy/bench/double11.sh [--profile midnight|steps] [--spike 4] [--steps 1,2,4,8] [--step-seconds 30]
#                            [--capacity OPS] [--gateways URL,URL] [--platform compose] [--compare REPORT] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh
zonepay_find_jdk
./mvnw -B -q -DskipTests -pl deploy/bench -am package
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx1g -cp "deploy/bench/target/zonepay-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*" \
  io.zonepay.bench.double11.Double11 "$@"
