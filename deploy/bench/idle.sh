#!/usr/bin/env bash
# What the local platform burns doing nothing: CPU-ms/s of every process of ./zonepay up and of PostgreSQL, over a
# window with no load, each with its busiest threads.
#   ./zonepay up && deploy/bench/idle.sh [--seconds 20] [--threads 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh
zonepay_find_jdk
./mvnw -B -q -DskipTests -pl deploy/bench -am package
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "deploy/bench/target/zonepay-bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*" io.zonepay.bench.IdlePlatform "$@"
