/**
 * Renders the Kustomize overlays under deploy/k8s, parses them strictly as Kubernetes API
 * objects and checks them.
 */
@NullMarked
package io.zonepay.manifests.k8s;

import org.jspecify.annotations.NullMarked;
