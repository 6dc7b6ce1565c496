#!/usr/bin/env bash
# What the gateway adds: the same call straight to a zone and through the gateway, at saturation and at half the
# direct maximum, and (with --down rz1) the latency of the other zones' requests while one zone is killed,
# against a running ./zonepay up.
#   deploy/bench/gateway-overhead.sh [--users 400] [--concurrency 32] [--seconds 30] [--warm-up 10] [--rounds 4] [--fractions 0.5,0.25] [--down rz1]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh
zonepay_find_jdk
./mvnw -B -q -DskipTests -pl deploy/bench -am package
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "deploy/bench/target/zonepay-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*" io.zonepay.bench.GatewayOverhead "$@"
