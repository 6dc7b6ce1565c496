# One image per ZonePay service, built from this one file: docker build --build-arg SERVICE=payment-service .
# SERVICE is the Maven module directory: config-service, account-service, order-service, payment-service or gateway.
# Needs BuildKit (the default builder since Docker 23; docker compose build uses it; DOCKER_BUILDKIT=1 on 20.10) for the
# cache mount. No "# syntax=" line: it would make BuildKit pull a frontend image, and the built-in one has all this uses.
# The same image serves every zone; the zone is configuration only (ZONEPAY_ZONE_ID and friends, see docker-compose.yml).
#
# Why a multi-stage Dockerfile and not spring-boot:build-image: one file builds all five images from the Maven build
# with the same pinned JDK as CI, with no builder image, buildpack or lifecycle downloaded at build time; it runs on
# any BuildKit (docker, podman, kaniko), and CI lints exactly what will run (deploy/manifests). Buildpacks would need
# a Docker daemon for every build, which neither this project's CI nor its development machines have.
#
# Why JDK 25: the project builds with JDK 25 (release 21) in CI and measures the local platform on it; the runtime is
# the same Temurin 25 LTS, as a JRE, so what runs is what was tested. Pinned to one update so that builds repeat.

ARG JDK_IMAGE=eclipse-temurin:25.0.3_9-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

# Build every service's executable jar with the Maven wrapper, in one go: this stage does not depend on SERVICE, so the
# five images share one build (BuildKit caches it), instead of compiling the shared modules five times. The local
# repository lives in a cache mount, so dependencies are downloaded once per machine, not once per service or change.
FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl config-service,account-service,order-service,payment-service,gateway -am package -DskipTests -Dspring-javaformat.skip -Dcheckstyle.skip

# Take the one service's jar and split it into Spring Boot's layers (dependencies first, the application last), so that
# a code change rebuilds and ships only the last, small layer. Boot 4's tools jar mode does this; the extracted jar keeps
# the name of the one it came from, application.jar, which the entrypoint runs.
FROM ${JDK_IMAGE} AS layers
ARG SERVICE
WORKDIR /layers
RUN --mount=type=bind,from=build,source=/workspace,target=/workspace \
    test -n "${SERVICE}" && test -f "/workspace/${SERVICE}/pom.xml" \
    && cp /workspace/"${SERVICE}"/target/zonepay-"${SERVICE}"-*-exec.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
# curl answers the health check; installed explicitly rather than trusting what the base image happens to carry. Before
# ARG SERVICE, so that this layer does not depend on it: the five images share it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 zonepay \
    && useradd --system --uid 10001 --gid zonepay --no-create-home --shell /usr/sbin/nologin zonepay
ARG SERVICE
LABEL org.opencontainers.image.title="zonepay/${SERVICE}" \
      org.opencontainers.image.description="ZonePay ${SERVICE}: one image for every zone"
WORKDIR /application
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# Every ZonePay service listens on 8080 and serves its management endpoints on port + 100, as in the topology files.
# The heap is a share of the container's memory limit, not a fixed size, so a limit is all a deployment sets; a JVM
# out of memory exits (and is restarted) rather than limping on. A host name's address is trusted for 5 s, not Java's
# 30: a container started again gets a new address, and its old one may go to another service meanwhile.
ENV SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=8180 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dsun.net.inetaddr.ttl=5"
EXPOSE 8080 8180
# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
# Readiness, as ./zonepay up waits for: the service has its database, its routing table and its place in the zone.
# Liveness is for restarts (the GZone's supervisor and Kubernetes probe it); readiness is what dependants wait for.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "application.jar"]
