#!/usr/bin/env bash
# Configures and starts a KRaft node as the official apache/kafka image does; see README.md.
set -euo pipefail
config=/opt/kafka/config/server.properties
: > "$config"
for variable in $(compgen -e); do
	case "$variable" in
		KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_VERSION) continue ;;
		KAFKA_*) ;;
		*) continue ;;
	esac
	# The official image's naming: '_' is '.', '__' is '_', '___' is '-'.
	name=$(printf '%s' "${variable#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
	printf '%s=%s\n' "$name" "${!variable}" >> "$config"
done
classpath='/opt/kafka/libs/*'
logging=(-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.yaml)
# The official image's default cluster id, when none is given.
java "${logging[@]}" -cp "$classpath" kafka.tools.StorageTool format --ignore-formatted -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$config"
# shellcheck disable=SC2086 # the options are lists of words, as in the official scripts
exec java ${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC} ${KAFKA_OPTS:-} "${logging[@]}" -cp "$classpath" kafka.Kafka "$config"
