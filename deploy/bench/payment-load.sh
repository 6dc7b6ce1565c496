#!/usr/bin/env bash
# End-to-end payments/s through the gateways, at saturation and at fixed rates, with latency and CPU-ms per payment,
# against a running ./zonepay up.
#   deploy/bench/payment-load.sh [--concurrency 8,32] [--rates 25,40] [--seconds 30] [--warm-up 10] [--users 2000] [--orders 20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh
zonepay_find_jdk
./mvnw -B -q -DskipTests -pl deploy/bench -am package
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "deploy/bench/target/zonepay-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*" io.zonepay.bench.PaymentLoad "$@"
