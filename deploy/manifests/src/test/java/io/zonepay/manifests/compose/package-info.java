/**
 * Checks docker-compose.yml, the root Dockerfile and their observability files against
 * the default topology.
 */
@NullMarked
package io.zonepay.manifests.compose;

import org.jspecify.annotations.NullMarked;
