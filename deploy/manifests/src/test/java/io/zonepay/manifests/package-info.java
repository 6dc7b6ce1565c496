/**
 * Checks of the deployment manifests (compose, Dockerfile, Kustomize) against the default
 * topology.
 */
package io.zonepay.manifests;
