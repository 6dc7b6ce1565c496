#!/usr/bin/env bash
# GZone -> CZone apply lag under steady write load, against a running ./zonepay up.
#   deploy/bench/global-lag.sh [--rates 50,200,1000] [--seconds 60]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh
zonepay_find_jdk
./mvnw -B -q -DskipTests -pl deploy/bench -am package
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "deploy/bench/target/zonepay-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*" io.zonepay.bench.GlobalDataLag "$@"
